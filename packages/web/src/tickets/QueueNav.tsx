import { Badge, ScrollArea, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLinkLink } from '../shell/AnchorLink.js';
import type { TQueue } from './list-search.js';
import { useQueues } from './queries.js';

/** The queues on the left of the workspace, with counts kept live (see use-live-events.ts). */
export const QueueNav = memo(function QueueNav({ current }: { current: TQueue }) {
  const { t } = useTranslation();
  const queues = useQueues();
  const q = queues.data;
  const item = (queue: TQueue, label: string, count: number | undefined) => (
    <NavLinkLink
      key={queue}
      to="/tickets"
      search={{ queue }}
      label={label}
      active={current === queue}
      aria-current={current === queue ? 'page' : undefined}
      rightSection={
        count === undefined ? null : (
          <Badge size="sm" variant="light" color="gray" c="gray.9" aria-label={t('queues.count', { count })}>
            {count}
          </Badge>
        )
      }
    />
  );
  return (
    <nav aria-label={t('queues.label')}>
      <ScrollArea.Autosize mah="calc(100vh - 90px)">
        {item('everything', t('list.title'), undefined)}
        {item('all', t('queues.all'), q?.open)}
        {item('mine', t('queues.mine'), q?.mine)}
        {item('unassigned', t('queues.unassigned'), q?.unassigned)}
        {item('atRisk', t('queues.atRisk'), q?.atRisk)}
        {item('waiting', t('queues.waitingCustomer'), q?.waitingCustomer)}
        {q && q.teams.length > 0 && (
          <>
            <Text size="xs" fw={700} c="gray.8" mt="sm" px="sm">
              {t('queues.teams')}
            </Text>
            {q.teams.map((team) =>
              item(`team:${team.team ?? 'none'}`, team.team ?? t('queues.noTeam'), team.count),
            )}
          </>
        )}
        {q && q.organizations.length > 0 && (
          <>
            <Text size="xs" fw={700} c="gray.8" mt="sm" px="sm">
              {t('queues.organizations')}
            </Text>
            {q.organizations.map((org) => item(`org:${org.id}`, `${org.name} (${org.code})`, org.count))}
          </>
        )}
      </ScrollArea.Autosize>
    </nav>
  );
});
