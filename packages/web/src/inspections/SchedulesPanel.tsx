import type { TInspectionSchedule } from '@hamkke/core';
import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useUser } from '../shell/session.js';
import { type TT, useT } from '../team/use-t.js';
import { useOrganizations, useStaff } from '../tickets/queries.js';
import { canPlan, contractsOf, inspectionApi } from './api.js';
import { ScheduleDialog } from './ScheduleDialog.js';

/** How a schedule recurs, in words. */
export function recurrenceText(t: TT, s: Pick<TInspectionSchedule, 'recurrence' | 'rrule'>): string {
  const r = s.recurrence;
  if (r.kind === 'rrule') return r.rrule;
  if (r.day === undefined) return s.rrule;
  if (r.kind === 'monthly') return t('inspection.schedules.every', { day: r.day });
  return t('inspection.schedules.everyQuarter', { month: r.monthOfQuarter, day: r.day });
}

/** The inspection schedules of one contract: create and edit (managers), and each one's upcoming occurrences. */
export function SchedulesPanel() {
  const t = useT();
  const user = useUser();
  const canEdit = canPlan(user.role);
  const organizations = useOrganizations();
  const staff = useStaff();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [contractId, setContractId] = useState<string | null>(null);
  const contracts = useQuery({
    queryKey: ['contracts', organizationId],
    queryFn: async () => (await contractsOf(organizationId!)).items,
    enabled: Boolean(organizationId),
  });
  const schedules = useQuery({
    queryKey: ['inspection-schedules', contractId],
    queryFn: async () => (await inspectionApi.schedules(contractId!)).items,
    enabled: Boolean(contractId),
  });
  const [editing, setEditing] = useState<TInspectionSchedule | 'new' | null>(null);
  const [shown, setShown] = useState<TInspectionSchedule | null>(null);
  const names = new Map((staff.data ?? []).map((u) => [u.id, u.name]));
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('inspection.schedules.customer')}
          data={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={organizationId}
          onChange={(v) => {
            setOrganizationId(v);
            setContractId(null);
          }}
          searchable
          w={220}
        />
        <Select
          label={t('inspection.schedules.contract')}
          data={(contracts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={contractId}
          onChange={setContractId}
          disabled={!organizationId}
          w={240}
        />
        {canEdit && contractId && (
          <Button onClick={() => setEditing('new')}>{t('inspection.schedules.create')}</Button>
        )}
      </Group>
      {!contractId && <Text c="gray.8">{t('inspection.schedules.pickContract')}</Text>}
      {schedules.isFetching && <Loader size="sm" aria-label={t('app.loading')} />}
      {schedules.data?.length === 0 && <Text c="gray.8">{t('inspection.schedules.none')}</Text>}
      {(schedules.data?.length ?? 0) > 0 && (
        <Table fz="sm" aria-label={t('inspection.tabs.schedules')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('inspection.schedules.name')}</Table.Th>
              <Table.Th>{t('inspection.schedules.recurrence')}</Table.Th>
              <Table.Th>{t('inspection.schedules.assignee')}</Table.Th>
              <Table.Th>{t('inspection.schedules.status')}</Table.Th>
              <Table.Th>{t('inspection.schedules.next')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schedules.data?.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{recurrenceText(t, s)}</Table.Td>
                <Table.Td>
                  {[s.assigneeId ? names.get(s.assigneeId) : null, s.team].filter(Boolean).join(' · ')}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={s.status === 'active' ? 'teal' : 'gray'} c="dark.9">
                    {t(`inspection.schedules.statusOpt.${s.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.nextOccurrence?.dueOn ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setShown(s)}
                      aria-label={t('inspection.schedules.upcomingOf', { name: s.name })}
                    >
                      {t('inspection.schedules.showUpcoming')}
                    </Button>
                    {canEdit && (
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setEditing(s)}
                        aria-label={t('inspection.schedules.editOf', { name: s.name })}
                      >
                        {t('inspection.schedules.edit')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown && <Upcoming key={shown.id} schedule={shown} />}
      {editing && contractId && organizationId && (
        <ScheduleDialog
          schedule={editing === 'new' ? null : editing}
          contractId={contractId}
          organizationId={organizationId}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function Upcoming({ schedule }: { schedule: TInspectionSchedule }) {
  const t = useT();
  const occurrences = useQuery({
    queryKey: ['inspection-occurrences', schedule.id, schedule.updatedAt],
    queryFn: () => inspectionApi.occurrences(schedule.id),
  });
  const list = occurrences.data
    ? [...occurrences.data.created.slice(0, 3).reverse(), ...occurrences.data.upcoming]
    : [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upcoming-title">
      <Title order={2} size="h4" id="upcoming-title" mb="xs">
        {t('inspection.schedules.upcomingOf', { name: schedule.name })}
      </Title>
      {occurrences.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      <Stack component="ul" gap={2} p={0} m={0}>
        {list.map((o) => (
          <Group key={o.occurrenceOn} component="li" gap="xs" style={{ listStyle: 'none' }}>
            <Text size="sm">
              {t('inspection.schedules.dueOn', { due: o.dueOn, create: formatDateTime(o.createAt) })}
            </Text>
            {o.ticket && (
              <AnchorLink to="/tickets/$ref" params={{ ref: o.ticket.number }} size="sm" c="indigo.9">
                {t('inspection.schedules.created', { number: o.ticket.number })}
              </AnchorLink>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
