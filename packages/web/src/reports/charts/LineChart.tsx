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
  /** The line to reach or stay under (an SLA target, say), dashed. */
  target?: TChartTarget | undefined;
  /** A fixed top of the value axis (1 for shares), instead of one rounded up from the data. */
  max?: number;
  height?: number;
};

const W = 640;
const LEFT = 48;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 34;

/** Lines over categories (weeks, months) with a point per value, each point a link to its tickets. */
export function LineChart(props: TProps) {
  const t = useT();
  const { categories, series, target } = props;
  const show = props.format ?? formatNumber;
  const height = props.height ?? 220;
  const plotH = height - TOP - BOTTOM;
  const plotW = W - LEFT - RIGHT;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const axis = props.max
    ? { max: props.max, ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => f * props.max!) }
    : niceAxis(Math.max(0, ...values, target?.value ?? 0));
  const y = (v: number) => TOP + plotH - (Math.min(v, axis.max) / axis.max) * plotH;
  const step = plotW / Math.max(1, categories.length);
  const x = (i: number) => LEFT + step * i + step / 2;
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
        {categories.map(
          (category, i) =>
            i % labelEvery === 0 && (
              <text key={category} x={x(i)} y={height - BOTTOM + 16} textAnchor="middle" aria-hidden="true">
                {shorten(category, 10)}
              </text>
            ),
        )}
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
        {series.map((s, k) => {
          const color = colorOf(k, s.color);
          // A gap in the line where a value does not exist (a week without resolved tickets).
          const path = s.values
            .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
            .reduce<string>((d, point, i) => {
              if (point === null) return d;
              return `${d}${i === 0 || s.values[i - 1] === null ? 'M' : 'L'}${point}`;
            }, '');
          return (
            <g key={s.name}>
              <path d={path} fill="none" style={{ stroke: color }} strokeWidth={2} aria-hidden="true" />
              {s.values.map((value, i) =>
                value === null ? null : (
                  <ChartLink
                    key={categories[i]}
                    href={s.hrefs?.[i]}
                    label={t('reports.chart.point', {
                      series: s.name,
                      category: categories[i],
                      value: show(value),
                    })}
                  >
                    <circle cx={x(i)} cy={y(value)} r={4.5} style={{ fill: color }} stroke="white" />
                  </ChartLink>
                ),
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-7)" />
      </svg>
    </ChartFrame>
  );
}
