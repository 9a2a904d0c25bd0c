/** A value axis from zero: a round maximum and its ticks (4–5 of them), so gridlines fall on round numbers. */
export function niceAxis(maxValue: number): { max: number; ticks: number[] } {
  const top = Number.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
  const rough = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  // Small counts step by whole numbers (no gridline at 0.3 tickets).
  const step = top <= 4 ? 1 : ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude;
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { max, ticks };
}

const NUMBER = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('ko-KR', { style: 'percent', maximumFractionDigits: 1 });

/** A figure as the charts print it: `1,234.5`; `—` for a value that does not exist (no tickets, say). */
export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : NUMBER.format(value);

/** A share (0–1) as a percentage: `93.5%`. */
export const formatPercent = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : PERCENT.format(value);

/** A label shortened for an axis, the whole of it kept for the accessible name and the table. */
export const shorten = (label: string, max: number): string =>
  label.length > max ? `${label.slice(0, Math.max(1, max - 1))}…` : label;
