import type { TPersonLoad, TTicket } from '@hamkke/core';
import { Alert, Badge, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../api.js';
import { formatMinutes } from '../format.js';
import i18n from '../i18n.js';
import { notify } from '../shell/notify.js';
import { useUser } from '../shell/session.js';
import { canManage, teamApi } from './api.js';
import { TeamFrame } from './TeamFrame.js';
import { DRAG_TYPE, TicketCard, type TPersonRef } from './TicketCard.js';
import { useT } from './use-t.js';

/**
 * Each person's load (open tickets weighted by priority, hours this week, availability and deployment)
 * with their open tickets. Managers rebalance by dragging a ticket onto another person, or with the
 * card's "move to…" menu; the change is the ticket's PATCH with the version the card shows.
 */
export function TeamPage() {
  const t = useT();
  const user = useUser();
  const client = useQueryClient();
  const canMove = canManage(user.role);
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useQuery({ queryKey: ['teams'], queryFn: async () => (await teamApi.teams()).items });
  const load = useQuery({
    queryKey: ['team-load', teamId],
    queryFn: () => teamApi.load(teamId ?? undefined),
  });
  const people = load.data?.items ?? [];
  const tickets = useQueries({
    queries: people.map((p) => ({
      queryKey: ['team-tickets', p.user.id],
      queryFn: async () => (await teamApi.openTicketsOf(p.user.id)).items,
    })),
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const refs: TPersonRef[] = people.map((p) => p.user);
  const byId = new Map<string, TTicket>();
  for (const q of tickets) for (const ticket of q.data ?? []) byId.set(ticket.id, ticket);

  async function move(ticket: TTicket, to: TPersonRef) {
    if (ticket.assignee?.id === to.id) return;
    setBusy(ticket.id);
    try {
      await api.updateTicket(ticket.id, { assigneeId: to.id, version: ticket.version });
      notify('teal', t('team.moved', { number: ticket.number, name: to.name }));
    } catch (error) {
      notify(
        'red',
        error instanceof ApiError && error.isStale ? t('team.stale') : (error as Error).message,
        t('team.moveFailed'),
      );
    } finally {
      setBusy(null);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['team-load'] }),
        client.invalidateQueries({ queryKey: ['team-tickets'] }),
        client.invalidateQueries({ queryKey: ['ticket'] }),
      ]);
    }
  }

  return (
    <TeamFrame title={t('team.title')}>
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('team.teamFilter')}
          data={[
            { value: '', label: t('team.allTeams') },
            ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
          value={teamId ?? ''}
          onChange={(value) => setTeamId(value || null)}
          allowDeselect={false}
          w={220}
        />
        {load.data && (
          <Text size="sm" c="gray.8">
            {t('team.weekOf', { date: load.data.weekStart })}
          </Text>
        )}
      </Group>
      <Text size="sm" c="gray.8">
        {canMove ? t('team.dndHint') : t('team.readOnly')}
      </Text>
      {load.isPending && <Loader aria-label={t('app.loading')} />}
      {load.isError && (
        <Alert color="red" role="alert">
          {load.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {people.map((person, i) => (
          <PersonColumn
            key={person.user.id}
            person={person}
            tickets={tickets[i]?.data}
            people={refs}
            canMove={canMove}
            busy={busy}
            isDropTarget={dropTarget === person.user.id}
            onDragState={(isOver) => setDropTarget(isOver ? person.user.id : null)}
            onDropTicket={(id) => {
              setDropTarget(null);
              const ticket = byId.get(id);
              if (ticket) void move(ticket, person.user);
            }}
            onMove={(ticket, to) => void move(ticket, to)}
          />
        ))}
      </SimpleGrid>
    </TeamFrame>
  );
}

function PersonColumn({
  person,
  tickets,
  people,
  canMove,
  busy,
  isDropTarget,
  onDragState,
  onDropTicket,
  onMove,
}: {
  person: TPersonLoad;
  tickets: TTicket[] | undefined;
  people: TPersonRef[];
  canMove: boolean;
  busy: string | null;
  isDropTarget: boolean;
  onDragState: (isOver: boolean) => void;
  onDropTicket: (ticketId: string) => void;
  onMove: (ticket: TTicket, to: TPersonRef) => void;
}) {
  const t = useT();
  const headingId = `person-${person.user.id}`;
  const availability = person.availability;
  const isAccepting = (types: readonly string[]) => canMove && types.includes(DRAG_TYPE);
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby={headingId}
      data-person={person.user.name}
      bg={isDropTarget ? 'indigo.0' : undefined}
      style={{ outline: isDropTarget ? '2px dashed var(--mantine-color-indigo-7)' : undefined }}
      onDragOver={(event) => {
        if (!isAccepting(event.dataTransfer.types)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (!isDropTarget) onDragState(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onDragState(false);
      }}
      onDrop={(event) => {
        if (!isAccepting(event.dataTransfer.types)) return;
        event.preventDefault();
        onDropTicket(event.dataTransfer.getData(DRAG_TYPE));
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {person.user.name}
          </Title>
          <Badge variant="light" color={availability.isAvailable ? 'teal' : 'gray'} c="dark.9">
            {availability.isAvailable
              ? t('team.available')
              : availability.awayUntil
                ? t('team.awayUntil', { date: availability.awayUntil })
                : t('team.away')}
          </Badge>
        </Group>
        <Group gap="xs">
          <Text size="sm" fw={600} title={t('team.weightedLoadHelp')} data-testid="weighted-load">
            {t('team.weightedLoad', { value: person.weightedLoad })}
          </Text>
          <Text size="sm" c="gray.8">
            {t('team.openCount', { count: person.openCount })}
          </Text>
        </Group>
        <Group gap={4}>
          {(['P1', 'P2', 'P3', 'P4'] as const).map((p) => (
            <Badge key={p} size="xs" variant="outline" color="gray.7" c="gray.9">
              {p} {person.openByPriority[p]}
            </Badge>
          ))}
        </Group>
        <Group gap="xs">
          <Text size="sm">
            {t('team.hoursThisWeek', { time: formatMinutes(i18n.t, person.minutesThisWeek) })}
          </Text>
          {person.deployedPercent > 0 && (
            <Badge size="sm" variant="light" color="grape" c="grape.9">
              {t('team.deployed', { percent: person.deployedPercent })}
            </Badge>
          )}
        </Group>
        {tickets === undefined && <Loader size="xs" aria-label={t('app.loading')} />}
        {tickets?.length === 0 && (
          <Text size="sm" c="gray.8">
            {t('team.noTickets')}
          </Text>
        )}
        {tickets && tickets.length > 0 && (
          <Stack
            component="ul"
            gap={6}
            p={0}
            m={0}
            aria-label={t('team.personTickets', { name: person.user.name })}
          >
            {tickets.map((ticket) => (
              <TicketCard
                key={ticket.id}
                ticket={ticket}
                people={people}
                canMove={canMove}
                isBusy={busy === ticket.id}
                onMove={onMove}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
