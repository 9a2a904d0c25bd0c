// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: SVG lines and text are not focusable; the rule takes them for links.
import { useT } from '../use-t.js';
import { ChartFrame } from './ChartFrame.js';
import { ChartLink } from './ChartLink.js';
import { colorOf, GRID, TARGET } from './palette.js';
import { formatNumber, niceAxis, shorten } from './scale.js';
import type { TChartData, TChartTarget } from './types.js';

type TProps = TChartData & {
  description?: string | undefined;
  csvHref?: string | undefined;
  /** Stack the series in one bar per category (A/B/C hours) instead of side by side. */
  isStacked?: boolean;
  target?: TChartTarget | undefined;
  height?: number;
};

const W = 640;
const LEFT = 48;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 34;

/** Vertical bars per category (weeks, months, modules), grouped or stacked, each bar a link to its tickets. */
export function BarChart(props: TProps) {
  const t = useT();
  const { categories, series, isStacked = false, target } = props;
  const show = props.format ?? formatNumber;
  const height = props.height ?? 220;
  const plotH = height - TOP - BOTTOM;
  const plotW = W - LEFT - RIGHT;
  const totals = categories.map((_, i) =>
    isStacked
      ? series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const axis = niceAxis(Math.max(...totals, target?.value ?? 0));
  const y = (v: number) => TOP + plotH - (v / axis.max) * plotH;
  const band = plotW / Math.max(1, categories.length);
  // Bars no wider than 44 px, however few the categories.
  const groupW = Math.min(band * 0.72, 44 * (isStacked ? 1 : series.length));
  const barW = isStacked ? groupW : groupW / Math.max(1, series.length);
  // Every label when they fit, else every second, third… (the table has them all).
  const labelEvery = Math.max(1, Math.ceil(categories.length / Math.floor(plotW / 56)));
  return (
    <ChartFrame {...props}>
      <svg viewBox={`0 0 ${W} ${height}`} aria-label={props.title}>
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(tick)} y2={y(tick)} stroke={GRID} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" aria-hidden="true">
              {show(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          const x0 = LEFT + i * band + (band - groupW) / 2;
          let stackTop = 0;
          return (
            <g key={category}>
              {series.map((s, k) => {
                const value = s.values[i] ?? null;
                const v = Math.max(0, value ?? 0);
                const x = isStacked ? x0 : x0 + k * barW;
                const top = isStacked ? stackTop + v : v;
                const bottom = isStacked ? stackTop : 0;
                stackTop = isStacked ? top : stackTop;
                const label = t('reports.chart.point', {
                  series: s.name,
                  category,
                  value: show(value),
                });
                return (
                  <ChartLink key={s.name} href={value ? s.hrefs?.[i] : null} label={label}>
                    <rect
                      x={x}
                      y={y(top)}
                      width={Math.max(1, barW - (isStacked ? 0 : 1))}
                      height={Math.max(0, y(bottom) - y(top))}
                      style={{ fill: colorOf(k, s.color) }}
                    />
                  </ChartLink>
                );
              })}
              {i % labelEvery === 0 && (
                <text
                  x={LEFT + i * band + band / 2}
                  y={height - BOTTOM + 16}
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  {shorten(category, 10)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-7)" />
        {target && (
          <line
            x1={LEFT}
            x2={W - RIGHT}
            y1={y(target.value)}
            y2={y(target.value)}
            stroke={TARGET}
            strokeWidth={2}
            strokeDasharray="6 4"
            aria-hidden="true"
          />
        )}
      </svg>
    </ChartFrame>
  );
}
