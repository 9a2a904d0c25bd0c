// biome-ignore-all lint/a11y/noAriaHiddenOnFocusable: SVG lines and text are not focusable; the rule takes them for links.
import { useT } from '../use-t.js';
import { ChartFrame } from './ChartFrame.js';
import { ChartLink } from './ChartLink.js';
import { colorOf, GRID, TARGET } from './palette.js';
import { formatNumber, niceAxis } from './scale.js';

/** One bin of a distribution: tickets whose value lies in [from, to), and the address of those tickets. */
export type TBin = { from: number; to: number; count: number; href?: string | null; label?: string };

type TProps = {
  title: string;
  description?: string | undefined;
  csvHref?: string | undefined;
  bins: readonly TBin[];
  /** Statistics drawn as vertical lines over the bins (median, 90th percentile). */
  markers: readonly { name: string; value: number | null }[];
  /** How a value of the measured quantity reads (hours, say). */
  formatValue?: (value: number) => string;
  countName: string;
};

const W = 640;
const H = 200;
const LEFT = 40;
const RIGHT = 12;
const TOP = 18;
const BOTTOM = 32;

/** A histogram (how many tickets took how long) with its median and 90th percentile marked. */
export function Distribution({ title, description, csvHref, bins, markers, formatValue, countName }: TProps) {
  const t = useT();
  const showValue = formatValue ?? formatNumber;
  const categories = bins.map((b) => b.label ?? `${showValue(b.from)}–${showValue(b.to)}`);
  const isLabelled = bins.some((b) => b.label);
  const axis = niceAxis(Math.max(0, ...bins.map((b) => b.count)));
  const lo = bins[0]?.from ?? 0;
  const hi = bins.at(-1)?.to ?? 1;
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const x = (v: number) => LEFT + ((Math.min(Math.max(v, lo), hi) - lo) / (hi - lo || 1)) * plotW;
  const y = (v: number) => TOP + plotH - (v / axis.max) * plotH;
  const series = [
    { name: countName, values: bins.map((b) => b.count), hrefs: bins.map((b) => b.href ?? null) },
  ];
  const shown = markers.filter((m): m is { name: string; value: number } => m.value !== null);
  const summary = shown.map((m) => `${m.name} ${showValue(m.value)}`).join(', ');
  return (
    <ChartFrame
      title={title}
      description={[description, summary].filter(Boolean).join(' · ')}
      csvHref={csvHref}
      categories={categories}
      series={series}
    >
      <svg viewBox={`0 0 ${W} ${H}`} aria-label={summary ? `${title}: ${summary}` : title}>
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(tick)} y2={y(tick)} stroke={GRID} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" aria-hidden="true">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {bins.map((bin, i) => (
          <g key={categories[i]}>
            <ChartLink
              href={bin.count ? bin.href : null}
              label={t('reports.chart.point', {
                series: countName,
                category: categories[i],
                value: bin.count,
              })}
            >
              <rect
                x={x(bin.from) + 1}
                y={y(bin.count)}
                width={Math.max(1, x(bin.to) - x(bin.from) - 2)}
                height={y(0) - y(bin.count)}
                style={{ fill: colorOf(0) }}
              />
            </ChartLink>
            {isLabelled ? (
              <text
                x={(x(bin.from) + x(bin.to)) / 2}
                y={H - BOTTOM + 16}
                textAnchor="middle"
                aria-hidden="true"
              >
                {categories[i]}
              </text>
            ) : (
              (i % Math.max(1, Math.ceil(bins.length / 10)) === 0 || i === bins.length - 1) && (
                <text x={x(bin.from)} y={H - BOTTOM + 16} textAnchor="middle" aria-hidden="true">
                  {showValue(bin.from)}
                </text>
              )
            )}
          </g>
        ))}
        {shown.map((m, i) => (
          <g key={m.name} aria-hidden="true">
            <line
              x1={x(m.value)}
              x2={x(m.value)}
              y1={TOP - 6}
              y2={y(0)}
              stroke={i === 0 ? 'var(--mantine-color-dark-9)' : TARGET}
              strokeWidth={2}
              strokeDasharray={i === 0 ? undefined : '5 3'}
            />
            <text x={x(m.value) + 4} y={TOP - 8 + i * 12} textAnchor="start">
              {`${m.name} ${showValue(m.value)}`}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={W - RIGHT} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-7)" />
      </svg>
    </ChartFrame>
  );
}
