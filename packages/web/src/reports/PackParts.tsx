import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../shell/AnchorLink.js';
import { useT } from './use-t.js';

/** A section of the weekly pack, with the line it shows when it has nothing to say. */
export function PackSection({
  title,
  isEmpty,
  children,
}: {
  title: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section aria-label={title} className="report-section">
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {isEmpty ? (
        <Text size="sm" c="gray.8">
          {t('reports.meeting.nothing')}
        </Text>
      ) : (
        children
      )}
    </section>
  );
}

/** A ticket of the pack: its number and title, a link to its page in the workspace. */
export function TicketRef({ ticket }: { ticket: { number: string; title: string } }) {
  return (
    <AnchorLink to="/tickets/$ref" params={{ ref: ticket.number }} c="indigo.9" size="sm">
      {`${ticket.number} ${ticket.title}`}
    </AnchorLink>
  );
}

/** A plain table of the pack: a header row and the rows. */
export function PackTable({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table fz="sm" withTableBorder striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
