import type { TTicket } from '@hamkke/core';
import { Badge, Button, Group, Menu, Paper, Text } from '@mantine/core';
import { PRIORITY_COLORS } from '../format.js';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useT } from './use-t.js';

export type TPersonRef = { id: string; name: string };

/** MIME type of a dragged ticket: only our cards are accepted by the drop zones. */
export const DRAG_TYPE = 'application/x-hamkke-ticket';

/**
 * One open ticket on a person's card. A manager drags it onto another person, or (keyboard, screen
 * reader) picks them from the "move to…" menu; both end in `onMove`.
 */
export function TicketCard({
  ticket,
  people,
  canMove,
  isBusy,
  onMove,
}: {
  ticket: TTicket;
  people: TPersonRef[];
  canMove: boolean;
  isBusy: boolean;
  onMove: (ticket: TTicket, to: TPersonRef) => void;
}) {
  const t = useT();
  const others = people.filter((p) => p.id !== ticket.assignee?.id);
  return (
    <Paper
      withBorder
      p="xs"
      component="li"
      draggable={canMove && !isBusy}
      data-ticket={ticket.number}
      aria-busy={isBusy || undefined}
      style={{ cursor: canMove ? 'grab' : undefined, listStyle: 'none', opacity: isBusy ? 0.5 : 1 }}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, ticket.id);
        event.dataTransfer.setData('text/plain', ticket.number);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Badge
              size="sm"
              variant="light"
              color={PRIORITY_COLORS[ticket.priority]}
              c={`${PRIORITY_COLORS[ticket.priority]}.9`}
            >
              {ticket.priority}
            </Badge>
            <AnchorLink
              to="/tickets/$ref"
              params={{ ref: ticket.number }}
              size="sm"
              fw={600}
              c="indigo.9"
              draggable={false}
            >
              {ticket.number}
            </AnchorLink>
          </Group>
          <Text size="sm" lineClamp={2}>
            {ticket.title}
          </Text>
          <Text size="xs" c="gray.8">
            {ticket.organization.name} · {t(`status.${ticket.status}`)}
          </Text>
        </div>
        {canMove && others.length > 0 && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="default"
                disabled={isBusy}
                aria-label={t('team.moveToOf', { number: ticket.number })}
              >
                {t('team.moveTo')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {others.map((person) => (
                <Menu.Item key={person.id} onClick={() => onMove(ticket, person)}>
                  {t('team.moveToPerson', { name: person.name })}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}
