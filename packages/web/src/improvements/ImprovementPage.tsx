import type { TImprovement, TImprovementStatus } from '@hamkke/core';
import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../api.js';
import { canWork } from '../domain.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { useT } from '../team/use-t.js';
import { useStaff } from '../tickets/queries.js';
import { FLOW, formatMetric, improvementApi } from './api.js';
import { HoursSplitChart } from './HoursSplitChart.js';
import { ImprovementDialog } from './ImprovementDialog.js';
import { StatusBadge } from './StatusBadge.js';
import './messages-register.js';

const route = getRouteApi('/improvements/$id');

/** One improvement item: its status flow, the metric's before / target / after, the A/B/C split, its links. */
export function ImprovementPage() {
  const t = useT();
  const { id } = route.useParams();
  const user = useUser();
  const client = useQueryClient();
  const staff = useStaff();
  const item = useQuery({ queryKey: ['improvement', id], queryFn: () => improvementApi.get(id) });
  const metric = useQuery({
    queryKey: ['improvement-metric', id, item.data?.version],
    queryFn: () => improvementApi.metric(id),
    enabled: Boolean(item.data?.metric),
  });
  const [isEditing, setIsEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (item.isPending) return <Loader aria-label={t('app.loading')} />;
  if (item.isError)
    return (
      <Alert color="red" role="alert">
        {t('improvement.notFound')} {item.error.message}
      </Alert>
    );
  const data = item.data;
  const isWorker = canWork(user.role);

  async function run(key: string, action: () => Promise<TImprovement>, done: string) {
    setBusy(key);
    setError(null);
    try {
      const saved = await action();
      client.setQueryData(['improvement', id], saved);
      await client.invalidateQueries({ queryKey: ['improvements'] });
      notify('teal', done);
    } catch (e) {
      if (e instanceof ApiError && e.isStale) {
        setError(t('improvement.stale'));
        await client.invalidateQueries({ queryKey: ['improvement', id] });
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  const move = (status: TImprovementStatus) =>
    run(
      status,
      () => improvementApi.update(id, { status, version: data.version }),
      t('improvement.moved', { status: t(`improvement.status.${status}`) }),
    );

  return (
    <Stack gap="md">
      <AnchorLink to="/improvements" size="sm" c="indigo.9">
        ← {t('improvement.back')}
      </AnchorLink>
      <Group gap="sm" align="center">
        <Title order={1} size="h3">
          {data.title}
        </Title>
        <StatusBadge status={data.status} />
        {isWorker && (
          <Button size="compact-sm" variant="default" onClick={() => setIsEditing(true)}>
            {t('improvement.edit')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.8">
        {t(`improvement.kind.${data.kind}`)} · {t(`improvement.origin.${data.origin}`)} ·{' '}
        {t('improvement.field.owner')}: {data.owner?.name ?? '–'}
      </Text>
      {isWorker && FLOW[data.status].length > 0 && (
        <Group gap="xs" role="group" aria-label={t('improvement.field.status')}>
          {FLOW[data.status].map((next) => (
            <Button
              key={next}
              size="compact-sm"
              variant={next === 'dropped' ? 'subtle' : 'light'}
              color={next === 'dropped' ? 'red' : undefined}
              c={next === 'dropped' ? 'red.9' : undefined}
              loading={busy === next}
              onClick={() => void move(next)}
              aria-label={t('improvement.moveToOf', { status: t(`improvement.status.${next}`) })}
            >
              {t('improvement.moveTo', { status: t(`improvement.status.${next}`) })}
            </Button>
          ))}
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert" variant="light" c="red.9">
          {error}
        </Alert>
      )}
      {data.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {data.description}
        </Text>
      )}
      {data.metric && (
        <section aria-labelledby="metric-title">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="metric-title">
              {t('improvement.figures')}: {t(`improvement.metric.${data.metric.kind}`)}
            </Title>
            {isWorker && (
              <Button
                size="compact-sm"
                variant="default"
                loading={busy === 'baseline'}
                onClick={() =>
                  void run(
                    'baseline',
                    () => improvementApi.recomputeBaseline(id),
                    t('improvement.recomputed'),
                  )
                }
              >
                {t('improvement.recompute')}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure
              label={t('improvement.before')}
              value={formatMetric(data.metric.kind, data.baselineValue ?? metric.data?.before?.value)}
              detail={metric.data?.before ?? null}
            />
            <Figure
              label={t('improvement.targetValue')}
              value={formatMetric(data.metric.kind, data.targetValue)}
              detail={null}
            />
            <Figure
              label={data.status === 'done' ? t('improvement.after') : t('improvement.afterNow')}
              value={formatMetric(data.metric.kind, data.afterValue ?? metric.data?.after?.value)}
              detail={metric.data?.after ?? null}
            />
          </SimpleGrid>
        </section>
      )}
      <section aria-labelledby="links-title">
        <Title order={2} size="h4" id="links-title" mb="xs">
          {t('improvement.links')}
        </Title>
        {data.tickets.length + data.articles.length + data.decisions.length === 0 && (
          <Text size="sm" c="gray.8">
            {t('improvement.noLinks')}
          </Text>
        )}
        <Stack gap={2}>
          {data.tickets.map((ticket) => (
            <Text key={ticket.id} size="sm">
              <AnchorLink to="/tickets/$ref" params={{ ref: ticket.number }} c="indigo.9">
                {ticket.number}
              </AnchorLink>{' '}
              {ticket.title}
            </Text>
          ))}
          {data.articles.map((a) => (
            <Text key={a.id} size="sm">
              {a.title}
            </Text>
          ))}
          {data.decisions.map((d) => (
            <Text key={d.id} size="sm">
              <AnchorLink to="/meetings" search={{ week: d.week }} c="indigo.9">
                {t('improvement.fromMeeting', { week: d.week })}
              </AnchorLink>{' '}
              {d.text.split('\n')[0]}
            </Text>
          ))}
        </Stack>
      </section>
      <Paper withBorder p="sm">
        <HoursSplitChart />
      </Paper>
      <Text size="xs" c="gray.8">
        {t('improvement.field.updated')} {formatDateTime(data.updatedAt)}
      </Text>
      {isEditing && (
        <ImprovementDialog item={data} staff={staff.data ?? []} onClose={() => setIsEditing(false)} />
      )}
    </Stack>
  );
}

function Figure({
  label,
  value,
  detail,
}: {
  label: string;
  value: string;
  detail: { from: string; to: string; sample: number } | null;
}) {
  const t = useT();
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid="metric-value">
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="gray.8">
          {t('improvement.period', { from: detail.from, to: detail.to })} ·{' '}
          {t('improvement.sample', { count: detail.sample })}
        </Text>
      )}
    </Paper>
  );
}
