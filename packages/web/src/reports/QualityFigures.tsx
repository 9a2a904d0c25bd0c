import { figureUrl, type TDashboardFilter, ticketsHref } from './api.js';
import { Distribution, formatNumber, formatPercent, LineChart } from './charts/index.js';
import { FigureError } from './FigureError.js';
import { useFigure } from './queries.js';
import { useT } from './use-t.js';

const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 10) / 10);

/** SLA attainment, response and resolution times, reopen rate, first-contact resolution, satisfaction. */
export function QualityFigures({ filter }: { filter: TDashboardFilter }) {
  const t = useT();
  const sla = useFigure('sla', filter);
  const times = useFigure('times', filter);
  const reopen = useFigure('reopen', filter);
  const firstContact = useFigure('first-contact', filter);
  const csat = useFigure('satisfaction', filter);
  const slaPoints = sla.data?.points ?? [];
  const timePoints = times.data?.points ?? [];
  const csatPoints = csat.data?.points ?? [];
  const hoursText = (v: number | null) =>
    v === null ? '—' : t('reports.dash.hours', { value: formatNumber(v) });
  const csatTotal = csat.data?.total;
  const csatLink = csatTotal?.tickets ?? null;
  return (
    <>
      {sla.isError ? (
        <FigureError title={t('reports.dash.sla.title')} error={sla.error} />
      ) : (
        <LineChart
          title={t('reports.dash.sla.title')}
          description={
            sla.data
              ? t('reports.dash.sla.total', {
                  response: formatPercent(sla.data.total.response.rate),
                  resolution: formatPercent(sla.data.total.resolution.rate),
                })
              : undefined
          }
          csvHref={figureUrl('sla', filter, 'csv')}
          format={formatPercent}
          max={1}
          categories={slaPoints.map((p) => p.period)}
          series={[
            {
              name: t('reports.dash.sla.response'),
              values: slaPoints.map((p) => p.response.rate),
              hrefs: slaPoints.map((p) =>
                ticketsHref(p.response.breached ? p.tickets.responseBreached : null),
              ),
            },
            {
              name: t('reports.dash.sla.resolution'),
              values: slaPoints.map((p) => p.resolution.rate),
              hrefs: slaPoints.map((p) =>
                ticketsHref(p.resolution.breached ? p.tickets.resolutionBreached : null),
              ),
            },
          ]}
        />
      )}
      {times.isError ? (
        <FigureError title={t('reports.dash.times.title')} error={times.error} />
      ) : (
        (['response', 'resolution'] as const).map((clock) => (
          <LineChart
            key={clock}
            title={t(`reports.dash.times.${clock}`)}
            description={t('reports.dash.times.description')}
            csvHref={figureUrl('times', filter, 'csv')}
            format={hoursText}
            categories={timePoints.map((p) => p.period)}
            series={[
              {
                name: t('reports.dash.times.median'),
                values: timePoints.map((p) => hours(p[clock].medianMinutes)),
                hrefs: timePoints.map((p) => ticketsHref(p.tickets[clock])),
              },
              {
                name: t('reports.dash.times.p90'),
                values: timePoints.map((p) => hours(p[clock].p90Minutes)),
                hrefs: timePoints.map((p) => ticketsHref(p.tickets[clock])),
              },
            ]}
          />
        ))
      )}
      {(
        [
          ['reopen', reopen],
          ['firstContact', firstContact],
        ] as const
      ).map(([key, figure]) =>
        figure.isError ? (
          <FigureError key={key} title={t(`reports.dash.${key}.title`)} error={figure.error} />
        ) : (
          <LineChart
            key={key}
            title={t(`reports.dash.${key}.title`)}
            description={
              figure.data
                ? t(`reports.dash.${key}.total`, {
                    rate: formatPercent(figure.data.total.rate),
                    count: figure.data.total.count,
                    total: figure.data.total.total,
                  })
                : undefined
            }
            csvHref={figureUrl(key === 'reopen' ? 'reopen' : 'first-contact', filter, 'csv')}
            format={formatPercent}
            max={1}
            categories={(figure.data?.points ?? []).map((p) => p.period)}
            series={[
              {
                name: t(`reports.dash.${key}.rate`),
                values: (figure.data?.points ?? []).map((p) => p.rate),
                hrefs: (figure.data?.points ?? []).map((p) => ticketsHref(p.count ? p.tickets.count : null)),
              },
            ]}
          />
        ),
      )}
      {csat.isError ? (
        <FigureError title={t('reports.dash.csat.title')} error={csat.error} />
      ) : (
        <>
          <LineChart
            title={t('reports.dash.csat.title')}
            description={
              csatTotal
                ? t('reports.dash.csat.total', {
                    average: formatNumber(csatTotal.average),
                    responses: csatTotal.responses,
                    sent: csatTotal.sent,
                  })
                : undefined
            }
            csvHref={figureUrl('satisfaction', filter, 'csv')}
            max={5}
            categories={csatPoints.map((p) => p.period)}
            series={[
              {
                name: t('reports.dash.csat.average'),
                values: csatPoints.map((p) => p.average),
                hrefs: csatPoints.map((p) => ticketsHref(p.tickets)),
              },
            ]}
          />
          <Distribution
            title={t('reports.dash.csat.distribution')}
            countName={t('reports.dash.csat.responses')}
            bins={(csatTotal?.distribution ?? []).map((count, i) => ({
              from: i + 0.5,
              to: i + 1.5,
              label: t('reports.dash.csat.rating', { rating: i + 1 }),
              count,
              href: ticketsHref(csatLink ? `${csatLink}&csatRating=${i + 1}` : null),
            }))}
            markers={[{ name: t('reports.dash.csat.average'), value: csatTotal?.average ?? null }]}
            formatValue={formatNumber}
          />
        </>
      )}
    </>
  );
}
