// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: SVG lines and text are not focusable; the rule takes them for links.
import { useT } from '../use-t.js';
import { ChartFrame } from './ChartFrame.js';
import { ChartLink } from './ChartLink.js';
import { colorOf, GRID, TARGET } from './palette.js';
import { formatNumber, niceAxis, shorten } from './scale.js';
import type { TChartData } from './types.js';

type TProps = TChartData & {
  description?: string | undefined;
  csvHref?: string | undefined;
  isStacked?: boolean;
  /** A reference value per category (a contract's monthly hours), drawn as a tick across its bar. */
  targets?: { name: string; values: readonly (number | null)[] } | undefined;
};

const W = 640;
const LABEL = 150;
const RIGHT = 12;
const TOP = 6;
const ROW = 22;
const AXIS = 20;

/**
 * Horizontal bars, one row per category with a long name (a customer, a person), grouped or stacked,
 * optionally with a reference tick per row; each bar a link to its tickets.
 */
export function HBarChart(props: TProps) {
  const t = useT();
  const { categories, series, isStacked = false, targets } = props;
  const show = props.format ?? formatNumber;
  const height = TOP + categories.length * ROW + AXIS;
  const plotW = W - LABEL - RIGHT;
  const totals = categories.map((_, i) =>
    Math.max(
      targets?.values[i] ?? 0,
      isStacked
        ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
        : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
    ),
  );
  const axis = niceAxis(Math.max(...totals));
  const x = (v: number) => LABEL + (v / axis.max) * plotW;
  const barH = (ROW - 6) / (isStacked ? 1 : Math.max(1, series.length));
  const bottom = TOP + categories.length * ROW;
  return (
    <ChartFrame {...props}>
      <svg viewBox={`0 0 ${W} ${height}`} aria-label={props.title}>
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={bottom} stroke={GRID} />
            <text x={x(tick)} y={bottom + 14} textAnchor="middle" aria-hidden="true">
              {show(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          const y0 = TOP + i * ROW + 3;
          let left = 0;
          const ref = targets?.values[i] ?? null;
          return (
            <g key={category}>
              <text x={LABEL - 6} y={y0 + (ROW - 6) / 2 + 4} textAnchor="end" aria-hidden="true">
                {shorten(category, 14)}
              </text>
              {series.map((s, k) => {
                const value = s.values[i] ?? null;
                const v = Math.max(0, value ?? 0);
                const from = isStacked ? left : 0;
                left = isStacked ? left + v : left;
                const label = t('reports.chart.point', { series: s.name, category, value: show(value) });
                return (
                  <ChartLink key={s.name} href={value ? s.hrefs?.[i] : null} label={label}>
                    <rect
                      x={x(from)}
                      y={isStacked ? y0 : y0 + k * barH}
                      width={Math.max(value ? 1 : 0, x(from + v) - x(from))}
                      height={Math.max(1, barH - (isStacked ? 0 : 1))}
                      style={{ fill: colorOf(k, s.color) }}
                    />
                  </ChartLink>
                );
              })}
              {ref !== null && (
                <line
                  x1={x(ref)}
                  x2={x(ref)}
                  y1={y0 - 2}
                  y2={y0 + ROW - 4}
                  stroke={TARGET}
                  strokeWidth={2.5}
                  aria-hidden="true"
                />
              )}
            </g>
          );
        })}
        <line x1={LABEL} x2={LABEL} y1={TOP} y2={bottom} stroke="var(--mantine-color-gray-7)" />
      </svg>
    </ChartFrame>
  );
}
