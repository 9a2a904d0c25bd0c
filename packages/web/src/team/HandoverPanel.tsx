import type { TDeployment, TTicketStatus } from '@hamkke/core';
import { Badge, Button, Group, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useFormErrors } from '../admin/form-errors.js';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { canManage, teamApi } from './api.js';
import { useT } from './use-t.js';

type TOption = { value: string; label: string };
const KNOWN = new Set(['deployment', 'tickets', 'customers', 'inspections']);

/**
 * What a deployed person hands over: each open ticket with a receiver and a note (the deployed person
 * or a manager hands it over), their customers' special notes, and any further kind of item the API
 * returns (e.g. upcoming inspections), then what has been handed and whether the receiver acknowledged.
 */
export function HandoverPanel({ deployment, people }: { deployment: TDeployment; people: TOption[] }) {
  const t = useT();
  const user = useUser();
  const handover = useQuery({
    queryKey: ['handover', deployment.id],
    queryFn: () => teamApi.handover(deployment.id),
  });
  const items = useQuery({
    queryKey: ['handover-items', deployment.id],
    queryFn: async () => (await teamApi.handoverItems({ deploymentId: deployment.id })).items,
  });
  const canHandOver = canManage(user.role) || user.id === deployment.person.id;
  const receivers = people.filter((p) => p.value !== deployment.person.id);
  const data = handover.data;
  const extra = data
    ? Object.entries(data).filter(([key, value]) => !KNOWN.has(key) && Array.isArray(value))
    : [];
  const titleId = `handover-${deployment.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('team.handover.title', { name: deployment.person.name, project: deployment.project })}
        </Title>
        {handover.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {data && (
          <>
            <Title order={3} size="h5">
              {t('team.handover.tickets')}
            </Title>
            {data.tickets.length === 0 && (
              <Text size="sm" c="gray.8">
                {t('team.handover.none')}
              </Text>
            )}
            {data.tickets.map((ticket) => (
              <HandoverRow
                key={ticket.id}
                deploymentId={deployment.id}
                target={{ ticketId: ticket.id }}
                label={ticket.number}
                heading={
                  <>
                    <AnchorLink
                      to="/tickets/$ref"
                      params={{ ref: ticket.number }}
                      size="sm"
                      fw={600}
                      c="indigo.9"
                    >
                      {ticket.number}
                    </AnchorLink>
                    <Text size="sm">{ticket.title}</Text>
                    <Text size="xs" c="gray.8">
                      {ticket.organization.name} · {ticket.priority} ·{' '}
                      {t(`status.${ticket.status as TTicketStatus}`)}
                    </Text>
                  </>
                }
                receivers={receivers}
                canHandOver={canHandOver}
              />
            ))}
            <Title order={3} size="h5">
              {t('team.handover.customers')}
            </Title>
            {data.customers.map((c) => (
              <Paper key={c.id} withBorder p="xs">
                <Text fw={600} size="sm">
                  {c.name}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.specialNotes.trim() || t('team.handover.noNotes')}
                </Text>
                {c.primaryAgentModules.length > 0 && (
                  <Text size="xs" c="gray.8">
                    {t('team.handover.primaryAgent', {
                      modules: c.primaryAgentModules
                        .map((m) => m ?? t('team.handover.wholeCustomer'))
                        .join(', '),
                    })}
                  </Text>
                )}
              </Paper>
            ))}
            {data.inspections && (
              <>
                <Title order={3} size="h5">
                  {t('team.handover.inspections')}
                </Title>
                {data.inspections.length === 0 && (
                  <Text size="sm" c="gray.8">
                    {t('team.handover.none')}
                  </Text>
                )}
                {data.inspections.map((x) => (
                  <HandoverRow
                    key={x.schedule.id}
                    deploymentId={deployment.id}
                    target={{ scheduleId: x.schedule.id }}
                    label={x.schedule.name}
                    heading={
                      <>
                        <Text size="sm" fw={600}>
                          {x.schedule.name}
                        </Text>
                        <Text size="xs" c="gray.8">
                          {[x.organization.name, x.system?.sid].filter(Boolean).join(' · ')} ·{' '}
                          {t('team.handover.dueDates', { dates: x.dueDates.join(', ') })}
                        </Text>
                      </>
                    }
                    receivers={receivers}
                    canHandOver={canHandOver}
                  />
                ))}
              </>
            )}
            {extra.map(([kind, list]) => (
              <ExtraItems key={kind} kind={kind} list={list as unknown[]} />
            ))}
          </>
        )}
        <Title order={3} size="h5">
          {t('team.handover.items')}
        </Title>
        {items.data?.length === 0 && (
          <Text size="sm" c="gray.8">
            {t('team.handover.noItems')}
          </Text>
        )}
        {(items.data?.length ?? 0) > 0 && (
          <Stack component="ul" gap={4} p={0} m={0} aria-label={t('team.handover.items')}>
            {items.data?.map((item) => (
              <Group key={item.id} component="li" gap="xs" style={{ listStyle: 'none' }}>
                <Text size="sm" fw={600}>
                  {item.ticket?.number ?? item.schedule?.name}
                </Text>
                <Text size="sm">→ {item.to.name}</Text>
                <Text size="sm" c="gray.8">
                  “{item.note}”
                </Text>
                <Badge size="sm" variant="light" color={item.acknowledgedAt ? 'teal' : 'orange'} c="dark.9">
                  {item.acknowledgedAt
                    ? t('team.handover.acknowledged', { date: formatDateTime(item.acknowledgedAt) })
                    : t('team.handover.pending')}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function HandoverRow({
  deploymentId,
  target,
  label,
  heading,
  receivers,
  canHandOver,
}: {
  deploymentId: string;
  target: { ticketId: string } | { scheduleId: string };
  label: string;
  heading: ReactNode;
  receivers: TOption[];
  canHandOver: boolean;
}) {
  const t = useT();
  const client = useQueryClient();
  const errors = useFormErrors();
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  async function handOver() {
    setIsBusy(true);
    errors.clear();
    try {
      const item = await teamApi.handOver(deploymentId, { ...target, toUserId: to ?? '', note });
      notify('teal', t('team.handover.handed', { number: label, name: item.to.name }));
      await Promise.all([
        client.invalidateQueries({ queryKey: ['handover', deploymentId] }),
        client.invalidateQueries({ queryKey: ['handover-items'] }),
        client.invalidateQueries({ queryKey: ['team-load'] }),
      ]);
    } catch (error) {
      errors.fail(error);
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Paper withBorder p="xs" data-handover={label}>
      <Group gap="xs" mb={4}>
        {heading}
      </Group>
      {canHandOver && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('team.handover.receiver')}
            aria-label={t('team.handover.receiverOf', { number: label })}
            data={receivers}
            value={to}
            onChange={setTo}
            searchable
            w={180}
            error={errors.of('toUserId')}
          />
          <Textarea
            label={t('team.handover.note')}
            aria-label={t('team.handover.noteOf', { number: label })}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={1}
            style={{ flex: 1, minWidth: 200 }}
            error={errors.of('note')}
          />
          <Button
            onClick={() => void handOver()}
            loading={isBusy}
            aria-label={t('team.handover.handOverOf', { number: label })}
          >
            {t('team.handover.handOver')}
          </Button>
        </Group>
      )}
      {errors.errors.form && (
        <Text size="sm" c="red.9" role="alert">
          {errors.errors.form}
        </Text>
      )}
    </Paper>
  );
}

/** A kind of handover item this page does not know by name: each entry by its most telling fields. */
function ExtraItems({ kind, list }: { kind: string; list: unknown[] }) {
  const t = useT();
  const pick = (o: Record<string, unknown>, keys: string[]) =>
    keys.map((k) => o[k]).find((v) => typeof v === 'string' && v !== '') as string | undefined;
  return (
    <>
      <Title order={3} size="h5">
        {kind === 'inspections' ? t('team.handover.inspections') : t('team.handover.other', { kind })}
      </Title>
      {list.length === 0 && (
        <Text size="sm" c="gray.8">
          {t('team.handover.none')}
        </Text>
      )}
      {list.map((entry, i) => {
        const o = (entry ?? {}) as Record<string, unknown>;
        const nested = (o.ticket ?? o.organization ?? {}) as Record<string, unknown>;
        const parts = [
          pick(o, ['number', 'ticketNumber']) ?? pick(nested, ['number']),
          pick(o, ['title', 'name', 'scheduleName', 'templateName']),
          pick(o, ['organizationName']) ?? pick(nested, ['name']),
          pick(o, ['dueOn', 'occurrenceOn', 'plannedStart', 'date']),
        ].filter(Boolean);
        return (
          <Text key={String(o.id ?? i)} size="sm">
            {parts.join(' · ') || JSON.stringify(entry)}
          </Text>
        );
      })}
    </>
  );
}
