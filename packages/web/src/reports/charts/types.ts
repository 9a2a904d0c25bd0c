/**
 * One series of a chart: a value per category, and for each value the address of the tickets behind it
 * (`/tickets?…`), so that clicking a bar or a point opens exactly those tickets.
 */
export type TChartSeries = {
  name: string;
  values: readonly (number | null)[];
  hrefs?: readonly (string | null)[];
  color?: string;
};

/** What every chart shows: a title (its accessible name), categories along one axis and the series. */
export type TChartData = {
  title: string;
  categories: readonly string[];
  series: readonly TChartSeries[];
  /** How a value reads in labels and the table (a number by default). */
  format?: (value: number | null) => string;
};

/** A horizontal reference line (a target, an entitlement), named in the legend and the table caption. */
export type TChartTarget = { name: string; value: number };
