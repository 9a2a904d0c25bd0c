import type { TTicket } from '@hamkke/core';
import { Checkbox, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { memo, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, slaOf } from '../format.js';

type TProps = {
  tickets: TTicket[];
  activeIndex: number;
  selected: ReadonlySet<string>;
  /** Null for read-only callers: no selection column at all. */
  onToggle: ((id: string) => void) | null;
  onToggleAll: ((isOn: boolean) => void) | null;
  onActivate: (index: number) => void;
};

/**
 * The ticket list: one row per ticket of the page. Measures itself: from the page's data arriving
 * (mark `tickets:data`) to the rows in the DOM (measure `tickets:render`).
 */
export function TicketTable({ tickets, activeIndex, selected, onToggle, onToggleAll, onActivate }: TProps) {
  const { t } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured each time a new page of tickets is in the DOM.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('tickets:data', 'mark').length === 0) return;
    performance.measure('tickets:render', 'tickets:data');
    performance.clearMarks('tickets:data');
  }, [tickets]);
  const allOn = tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id));
  const someOn = tickets.some((ticket) => selected.has(ticket.id));
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table
        className="ticket-table"
        highlightOnHover
        verticalSpacing={6}
        fz="sm"
        aria-label={t('list.title')}
      >
        <Table.Thead>
          <Table.Tr>
            {onToggleAll && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('list.selectAll')}
                  checked={allOn}
                  indeterminate={someOn && !allOn}
                  onChange={(e) => onToggleAll(e.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th>{t('list.columns.number')}</Table.Th>
            <Table.Th>{t('list.columns.customer')}</Table.Th>
            <Table.Th>{t('list.columns.title')}</Table.Th>
            <Table.Th>{t('list.columns.type')}</Table.Th>
            <Table.Th>{t('list.columns.module')}</Table.Th>
            <Table.Th>{t('list.columns.priority')}</Table.Th>
            <Table.Th>{t('list.columns.status')}</Table.Th>
            <Table.Th>{t('list.columns.assignee')}</Table.Th>
            <Table.Th>{t('list.columns.sla')}</Table.Th>
            <Table.Th>{t('list.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket, index) => (
            <Row
              key={ticket.id}
              ticket={ticket}
              index={index}
              isActive={index === activeIndex}
              isSelected={selected.has(ticket.id)}
              onToggle={onToggle}
              onActivate={onActivate}
              t={t}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type TRowProps = {
  ticket: TTicket;
  index: number;
  isActive: boolean;
  isSelected: boolean;
  onToggle: ((id: string) => void) | null;
  onActivate: (index: number) => void;
  t: TFunction;
};

// Rows are plain elements (no Mantine components): fifty of them render in a few milliseconds.
const Row = memo(function Row({ ticket, index, isActive, isSelected, onToggle, onActivate, t }: TRowProps) {
  const sla = slaOf(t, ticket.sla);
  return (
    <tr data-active={isActive} onClick={() => onActivate(index)}>
      {onToggle && (
        <td>
          <input
            type="checkbox"
            className="row-check"
            aria-label={t('list.selectRow', { number: ticket.number })}
            checked={isSelected}
            onChange={() => onToggle(ticket.id)}
            onClick={(e) => e.stopPropagation()}
          />
        </td>
      )}
      <td className="nowrap">
        <Link to="/tickets/$ref" params={{ ref: ticket.number }} className="ticket-link">
          {ticket.number}
        </Link>
      </td>
      <td>{ticket.organization.name}</td>
      <td>{ticket.title}</td>
      <td className="nowrap">{t(`type.${ticket.type}`)}</td>
      <td>{ticket.module ?? ''}</td>
      <td>
        <span className={`priority priority-${ticket.priority}`}>{ticket.priority}</span>
      </td>
      <td className="nowrap">{t(`status.${ticket.status}`)}</td>
      <td className="nowrap">{ticket.assignee?.name ?? ''}</td>
      <td className={`nowrap sla-${sla.tone}`}>{sla.text}</td>
      <td className="nowrap">{formatDateTime(ticket.updatedAt)}</td>
    </tr>
  );
});
