import { figureUrl, type TDashboardFilter, ticketsHref } from './api.js';
import { BarChart, HBarChart, LineChart } from './charts/index.js';
import { FigureError } from './FigureError.js';
import { useFigure } from './queries.js';
import { useT } from './use-t.js';

/** Created against resolved per period, the backlog at each period's end, and recurring problems. */
export function FlowFigures({ filter }: { filter: TDashboardFilter }) {
  const t = useT();
  const flow = useFigure('flow', filter);
  const recurring = useFigure('recurring', filter);
  const points = flow.data?.points ?? [];
  const categories = points.map((p) => p.period);
  const groups = recurring.data?.points ?? [];
  const csv = figureUrl('flow', filter, 'csv');
  return (
    <>
      {flow.isError ? (
        <FigureError title={t('reports.dash.flow.title')} error={flow.error} />
      ) : (
        <BarChart
          title={t('reports.dash.flow.title')}
          description={
            flow.data
              ? t('reports.dash.flow.total', {
                  created: flow.data.total.created,
                  resolved: flow.data.total.resolved,
                })
              : undefined
          }
          csvHref={csv}
          categories={categories}
          series={[
            {
              name: t('reports.dash.flow.created'),
              values: points.map((p) => p.created),
              hrefs: points.map((p) => ticketsHref(p.tickets.created)),
            },
            {
              name: t('reports.dash.flow.resolved'),
              values: points.map((p) => p.resolved),
              hrefs: points.map((p) => ticketsHref(p.tickets.resolved)),
            },
          ]}
        />
      )}
      {!flow.isError && (
        <LineChart
          title={t('reports.dash.backlog.title')}
          description={t('reports.dash.backlog.description')}
          csvHref={csv}
          categories={categories}
          series={[
            {
              name: t('reports.dash.backlog.open'),
              values: points.map((p) => p.backlog),
              hrefs: points.map((p) => ticketsHref(p.tickets.backlog)),
            },
          ]}
        />
      )}
      {recurring.isError ? (
        <FigureError title={t('reports.dash.recurring.title')} error={recurring.error} />
      ) : (
        <HBarChart
          title={t('reports.dash.recurring.title')}
          description={t('reports.dash.recurring.description')}
          csvHref={figureUrl('recurring', filter, 'csv')}
          categories={groups.map((g, i) =>
            [
              `${i + 1}. ${g.organization.name}`,
              g.module ?? (g.sharedBy === 'system' ? t('reports.dash.recurring.system') : ''),
              g.sharedWords.slice(0, 3).join(' '),
            ]
              .filter(Boolean)
              .join(' · '),
          )}
          series={[
            {
              name: t('reports.dash.recurring.count'),
              values: groups.map((g) => g.count),
              hrefs: groups.map((g) => ticketsHref(g.tickets)),
            },
          ]}
        />
      )}
    </>
  );
}
