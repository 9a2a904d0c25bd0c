import type { TDashboardHours, TDashboardImprovements } from '@hamkke/core';
import { figureUrl, type TDashboardFilter, ticketsHref } from './api.js';
import { BarChart, formatNumber, formatPercent, HBarChart } from './charts/index.js';
import { FigureError } from './FigureError.js';
import { useFigure } from './queries.js';
import { useT } from './use-t.js';

const PRIORITY_COLORS = {
  P1: 'var(--mantine-color-red-8)',
  P2: 'var(--mantine-color-orange-7)',
  P3: 'var(--mantine-color-indigo-7)',
  P4: 'var(--mantine-color-gray-7)',
} as const;
const ABC_COLORS = {
  A: 'var(--mantine-color-indigo-7)',
  B: 'var(--mantine-color-teal-8)',
  C: 'var(--mantine-color-grape-7)',
} as const;
const TOP_CUSTOMERS = 20;
const toHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** Hours per customer against the contract, load per person, the A/B/C split, improvement items and effect. */
export function TeamFigures({ filter }: { filter: TDashboardFilter }) {
  const t = useT();
  const hours = useFigure('hours', filter);
  const load = useFigure('load', filter);
  const abc = useFigure('abc', filter);
  const improvements = useFigure('improvements', filter);
  const people = load.data?.points ?? [];
  const weeks = abc.data?.points ?? [];
  return (
    <>
      {hours.isError ? (
        <FigureError title={t('reports.dash.hoursFigure.title')} error={hours.error} />
      ) : (
        <HoursChart data={hours.data} filter={filter} />
      )}
      {load.isError ? (
        <FigureError title={t('reports.dash.load.title')} error={load.error} />
      ) : (
        <HBarChart
          title={t('reports.dash.load.title')}
          description={
            load.data ? t('reports.dash.load.description', { week: load.data.weekStart }) : undefined
          }
          csvHref={figureUrl('load', filter, 'csv')}
          isStacked
          categories={people.map((p) => p.user.name)}
          series={(['P1', 'P2', 'P3', 'P4'] as const).map((priority) => ({
            name: priority,
            color: PRIORITY_COLORS[priority],
            values: people.map((p) => p.openByPriority[priority]),
            hrefs: people.map((p) => ticketsHref(`${p.tickets}&priority=${priority}`)),
          }))}
        />
      )}
      {abc.isError ? (
        <FigureError title={t('reports.dash.abc.title')} error={abc.error} />
      ) : (
        <BarChart
          title={t('reports.dash.abc.title')}
          description={
            abc.data
              ? t('reports.dash.abc.total', {
                  a: formatPercent(abc.data.total.share.A),
                  b: formatPercent(abc.data.total.share.B),
                  c: formatPercent(abc.data.total.share.C),
                })
              : undefined
          }
          csvHref={figureUrl('abc', filter, 'csv')}
          isStacked
          format={(v) => (v === null ? '—' : t('reports.dash.hours', { value: formatNumber(v) }))}
          categories={weeks.map((w) => w.period)}
          series={(['A', 'B', 'C'] as const).map((k) => ({
            name: t(`reports.dash.abc.${k}`),
            color: ABC_COLORS[k],
            values: weeks.map((w) => toHours(w.minutes[k])),
            hrefs: weeks.map((w) => ticketsHref(w.tickets[k])),
          }))}
        />
      )}
      {improvements.isError ? (
        <FigureError title={t('reports.dash.improvements.title')} error={improvements.error} />
      ) : (
        <ImprovementCharts data={improvements.data} filter={filter} />
      )}
    </>
  );
}

/** One customer: its months; all customers: the latest month's busiest customers, each against its contract. */
function HoursChart({ data, filter }: { data: TDashboardHours | undefined; filter: TDashboardFilter }) {
  const t = useT();
  const points = data?.points ?? [];
  const csvHref = figureUrl('hours', filter, 'csv');
  const format = (v: number | null) =>
    v === null ? '—' : t('reports.dash.hours', { value: formatNumber(v) });
  const entitled = t('reports.dash.hoursFigure.entitled');
  if (filter.organizationId)
    return (
      <BarChart
        title={t('reports.dash.hoursFigure.title')}
        csvHref={csvHref}
        format={format}
        categories={points.map((p) => p.period)}
        series={[
          {
            name: t('reports.dash.hoursFigure.used'),
            values: points.map((p) => p.hours),
            hrefs: points.map((p) => ticketsHref(p.tickets)),
          },
          {
            name: entitled,
            values: points.map((p) => p.entitledHours),
            color: 'var(--mantine-color-gray-6)',
          },
        ]}
      />
    );
  const month =
    points
      .map((p) => p.period)
      .sort()
      .at(-1) ?? '';
  const rows = points
    .filter((p) => p.period === month)
    .sort((a, b) => b.hours - a.hours)
    .slice(0, TOP_CUSTOMERS);
  return (
    <HBarChart
      title={t('reports.dash.hoursFigure.title')}
      description={month ? t('reports.dash.hoursFigure.top', { month, count: rows.length }) : undefined}
      csvHref={csvHref}
      format={format}
      categories={rows.map((p) => p.organization.name)}
      series={[
        {
          name: t('reports.dash.hoursFigure.used'),
          values: rows.map((p) => p.hours),
          hrefs: rows.map((p) => ticketsHref(p.tickets)),
        },
      ]}
      targets={{ name: entitled, values: rows.map((p) => (p.entitledHours > 0 ? p.entitledHours : null)) }}
    />
  );
}

/** Improvement items by metric (one unit per chart): the value before, after, and the target. */
function ImprovementCharts({
  data,
  filter,
}: {
  data: TDashboardImprovements | undefined;
  filter: TDashboardFilter;
}) {
  const t = useT();
  const items = (data?.points ?? []).filter((p) => p.metric !== null);
  const metrics = [...new Set(items.map((p) => p.metric!))];
  const csvHref = figureUrl('improvements', filter, 'csv');
  if (metrics.length === 0)
    return (
      <HBarChart title={t('reports.dash.improvements.title')} csvHref={csvHref} categories={[]} series={[]} />
    );
  return metrics.map((metric) => {
    const rows = items.filter((p) => p.metric === metric);
    return (
      <HBarChart
        key={metric}
        title={`${t('reports.dash.improvements.title')}: ${t(`reports.dash.improvements.metrics.${metric}`)}`}
        description={t('reports.dash.improvements.description')}
        csvHref={csvHref}
        format={metric === 'reopen_rate' ? formatPercent : formatNumber}
        categories={rows.map(
          (p) =>
            `${p.title} (${p.kind} · ${t(`reports.dash.improvements.status.${p.status}`)}${
              p.change === null ? '' : ` · ${p.change > 0 ? '+' : ''}${formatPercent(p.change)}`
            })`,
        )}
        series={[
          {
            name: t('reports.dash.improvements.before'),
            values: rows.map((p) => p.before?.value ?? null),
            hrefs: rows.map((p) => ticketsHref(p.before?.tickets)),
            color: 'var(--mantine-color-gray-7)',
          },
          {
            name: t('reports.dash.improvements.after'),
            values: rows.map((p) => p.after?.value ?? null),
            hrefs: rows.map((p) => ticketsHref(p.after?.tickets)),
            color: 'var(--mantine-color-teal-8)',
          },
        ]}
        targets={{ name: t('reports.dash.improvements.target'), values: rows.map((p) => p.targetValue) }}
      />
    );
  });
}
