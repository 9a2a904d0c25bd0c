import { Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { todayInSeoul } from '../format.js';
import { BarChart } from '../reports/charts/index.js';
import { useT } from '../team/use-t.js';
import { improvementApi } from './api.js';

const WEEKS = 12;

/** The team's hours per week split into A, B and C (GET /team/hours-split), stacked, the last 12 weeks. */
export function HoursSplitChart() {
  const t = useT();
  const to = todayInSeoul();
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (WEEKS - 1) * 7);
  const from = start.toISOString().slice(0, 10);
  const split = useQuery({
    queryKey: ['hours-split', from, to],
    queryFn: () => improvementApi.hoursSplit(from, to),
  });
  if (!split.data) return <Loader size="sm" aria-label={t('app.loading')} />;
  const weeks = split.data.weeks;
  const hours = (m: number) => Math.round((m / 60) * 10) / 10;
  return (
    <BarChart
      title={t('improvement.split')}
      description={t('improvement.splitHint')}
      categories={weeks.map((w) => w.week.replace(/^\d{4}-/, ''))}
      series={(['A', 'B', 'C'] as const).map((k) => ({
        name: k,
        values: weeks.map((w) => hours(w.minutes[k])),
      }))}
      isStacked
      height={200}
      format={(v) => (v === null ? '–' : `${v}h`)}
    />
  );
}
