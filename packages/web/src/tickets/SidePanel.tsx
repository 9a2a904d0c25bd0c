import type { TSystem, TTicket, TUpdateTicket, TUser } from '@hamkke/core';
import {
  Alert,
  Button,
  Divider,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.js';
import { PRIORITIES, SAP_MODULES, STATUS_FLOW } from '../domain.js';
import { formatDateTime, formatMinutes, fromLocalInput, todayInSeoul, toLocalInput } from '../format.js';
import { notify } from '../shell/notify.js';

type TProps = {
  ticket: TTicket;
  ticketRef: string;
  staff: TUser[];
  systems: TSystem[];
  /** False for viewers: values as text, no control at all. */
  canEdit: boolean;
  /** Whether the last change was refused as stale; kept by the page, as this panel remounts on a new version. */
  isStale: boolean;
  onStale: (isStale: boolean) => void;
};

const AUTO = 'auto';
const NONE = '-';
const MINUTES = [15, 30, 60, 120];

/**
 * The ticket's fields beside its timeline. Every change sends the version this page shows; a stale
 * one is refused (409) and the page says so and shows the fresh ticket, never overwriting silently.
 */
export function SidePanel({ ticket, ticketRef, staff, systems, canEdit, isStale, onStale }: TProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [isBusy, setIsBusy] = useState(false);
  const [start, setStart] = useState(() => toLocalInput(ticket.plannedStart));
  const [end, setEnd] = useState(() => toLocalInput(ticket.plannedEnd));

  async function change(patch: Omit<TUpdateTicket, 'version'>) {
    setIsBusy(true);
    try {
      const updated = await api.updateTicket(ticketRef, { ...patch, version: ticket.version });
      client.setQueryData(['ticket', ticketRef], updated);
      onStale(false);
      notify('teal', t('ticketPage.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.isStale) onStale(true);
      else notify('red', error instanceof Error ? error.message : String(error), t('ticketPage.saveFailed'));
      await client.invalidateQueries({ queryKey: ['ticket', ticketRef] });
    } finally {
      setIsBusy(false);
      void client.invalidateQueries({ queryKey: ['timeline', ticket.id] });
    }
  }

  async function logTime(minutes: number) {
    try {
      await api.addTimeEntry(ticketRef, { minutes, date: todayInSeoul() });
      notify('teal', t('ticketPage.timeLogged', { minutes }));
      void client.invalidateQueries({ queryKey: ['timeline', ticket.id] });
    } catch (error) {
      notify('red', error instanceof Error ? error.message : String(error));
    }
  }

  const system = systems.find((s) => s.id === ticket.systemId);
  const systemLabel = (s: TSystem) => `${s.sid}${s.client ? `/${s.client}` : ''} ${s.tier} · ${s.product}`;
  const statusOptions = [ticket.status, ...STATUS_FLOW[ticket.status]].map((s) => ({
    value: s,
    label: t(`status.${s}`),
  }));
  const assignees = [
    { value: NONE, label: t('list.unassigned') },
    ...staff.map((u) => ({ value: u.id, label: u.name })),
  ];

  const clock = (name: 'response' | 'resolution') => {
    const c = ticket.sla[name];
    const state =
      c.state === 'none'
        ? t('sla.none')
        : c.state === 'at_risk'
          ? t('sla.atRisk')
          : c.state === 'within'
            ? ''
            : t(`sla.${c.state}`);
    const remaining =
      c.remainingMinutes === null || c.state === 'met' || c.state === 'none'
        ? ''
        : c.remainingMinutes < 0 || c.state === 'breached'
          ? t('sla.breached', { time: formatMinutes(t, c.remainingMinutes) })
          : t('sla.remaining', { time: formatMinutes(t, c.remainingMinutes) });
    return (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{t(`sla.${name}`)}</Text>
        <Text
          size="sm"
          ta="right"
          c={c.state === 'breached' ? 'red.9' : c.state === 'at_risk' ? 'orange.9' : undefined}
        >
          {[state, remaining, c.dueAt ? t('sla.due', { time: formatDateTime(c.dueAt) }) : '']
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
    );
  };

  const readOnly = (label: string, value: string) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text size="sm" ta="right">
        {value}
      </Text>
    </Group>
  );

  return (
    <Paper withBorder p="sm" component="aside" aria-labelledby="ticket-details">
      <Stack gap="sm">
        <Title order={2} size="h5" id="ticket-details">
          {t('ticketPage.details')}
        </Title>
        {isStale && (
          <Alert color="orange" role="alert" withCloseButton onClose={() => onStale(false)}>
            {t('ticketPage.stale')}
          </Alert>
        )}
        {!canEdit && (
          <>
            <Text size="xs" c="gray.8">
              {t('ticketPage.readOnly')}
            </Text>
            {readOnly(t('ticketPage.status'), t(`status.${ticket.status}`))}
            {readOnly(t('ticketPage.priority'), ticket.priority)}
            {readOnly(t('ticketPage.assignee'), ticket.assignee?.name ?? t('list.unassigned'))}
            {readOnly(t('ticketPage.system'), system ? systemLabel(system) : t('ticketPage.noSystem'))}
            {readOnly(t('ticketPage.module'), ticket.module ?? '')}
            {readOnly(t('ticketPage.plannedStart'), formatDateTime(ticket.plannedStart))}
            {readOnly(t('ticketPage.plannedEnd'), formatDateTime(ticket.plannedEnd))}
          </>
        )}
        {canEdit && (
          <>
            <Select
              label={t('ticketPage.status')}
              data={statusOptions}
              value={ticket.status}
              onChange={(v) => v && v !== ticket.status && void change({ status: v as TTicket['status'] })}
              allowDeselect={false}
              disabled={isBusy}
            />
            <Select
              label={t('ticketPage.priority')}
              data={[
                {
                  value: AUTO,
                  label: `${t('ticketPage.priorityAuto')} · ${ticket.isPriorityManual ? '' : ticket.priority}`,
                },
                ...PRIORITIES.map((p) => ({ value: p, label: p })),
              ]}
              value={ticket.isPriorityManual ? ticket.priority : AUTO}
              onChange={(v) => v && void change({ priority: v === AUTO ? null : (v as TTicket['priority']) })}
              allowDeselect={false}
              disabled={isBusy}
            />
            <Select
              label={t('ticketPage.assignee')}
              data={assignees}
              value={ticket.assignee?.id ?? NONE}
              onChange={(v) => v && void change({ assigneeId: v === NONE ? null : v })}
              searchable
              allowDeselect={false}
              disabled={isBusy}
            />
            <Select
              label={t('ticketPage.system')}
              data={[
                { value: NONE, label: t('ticketPage.noSystem') },
                ...systems.map((s) => ({ value: s.id, label: systemLabel(s) })),
              ]}
              value={ticket.systemId ?? NONE}
              onChange={(v) => v && void change({ systemId: v === NONE ? null : v })}
              allowDeselect={false}
              disabled={isBusy}
            />
            <Select
              label={t('ticketPage.module')}
              data={[{ value: NONE, label: '-' }, ...SAP_MODULES.map((m) => ({ value: m, label: m }))]}
              value={ticket.module ?? NONE}
              onChange={(v) => v && void change({ module: v === NONE ? null : (v as TTicket['module']) })}
              searchable
              allowDeselect={false}
              disabled={isBusy}
            />
            <TextInput
              type="datetime-local"
              label={t('ticketPage.plannedStart')}
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('ticketPage.plannedEnd')}
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
            />
            <Button
              size="xs"
              variant="default"
              disabled={
                isBusy ||
                (start === toLocalInput(ticket.plannedStart) && end === toLocalInput(ticket.plannedEnd))
              }
              onClick={() =>
                void change({ plannedStart: fromLocalInput(start), plannedEnd: fromLocalInput(end) })
              }
            >
              {t('ticketPage.saveSchedule')}
            </Button>
          </>
        )}
        {readOnly(t('ticketPage.team'), ticket.team ?? '')}
        {readOnly(t('ticketPage.requester'), ticket.requester?.name ?? '')}
        <Divider />
        <Title order={3} size="h6">
          {t('sla.title')}
        </Title>
        {clock('response')}
        {clock('resolution')}
        {canEdit && (
          <>
            <Divider />
            <Menu position="bottom-start">
              <Menu.Target>
                <Button variant="light" size="xs" c="indigo.9">
                  {t('ticketPage.logTime')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {MINUTES.map((minutes) => (
                  <Menu.Item key={minutes} onClick={() => void logTime(minutes)}>
                    {t('ticketPage.logTimeFor', { minutes })}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </>
        )}
      </Stack>
    </Paper>
  );
}
