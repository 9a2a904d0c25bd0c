import type { TTicket, TTicketStatus } from '@hamkke/core';
import { Alert, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../domain.js';
import { formatDateTime } from '../format.js';
import { portalApi } from './api.js';
import { expectedText } from './expected.js';
import type { TPortalListView } from './list-search.js';
import './messages.js';

const route = getRouteApi('/portal/');
const PAGE_SIZE = 30;
const STATUSES: Record<TPortalListView, readonly TTicketStatus[]> = {
  open: OPEN_STATUSES,
  done: ['resolved', 'closed', 'cancelled'],
  all: [],
};

/** The organization's tickets, most recently changed first: open ones by default, done ones on request. */
export function PortalTickets() {
  const { t } = useTranslation();
  const { show = 'open' } = route.useSearch();
  const navigate = route.useNavigate();
  const tickets = useInfiniteQuery({
    // Under 'tickets', so that the live events refresh it.
    queryKey: ['tickets', 'portal', show],
    queryFn: ({ pageParam }) => portalApi.tickets(STATUSES[show], PAGE_SIZE, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = tickets.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('portal.list.title')}
          </Title>
          <Text size="sm" c="gray.8">
            {t('portal.list.intro')}
          </Text>
        </div>
        <Button component={Link} to="/portal/new">
          {t('portal.list.new')}
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label={t('portal.list.filter')}
        value={show}
        onChange={(value) =>
          void navigate({ search: value === 'open' ? {} : { show: value as TPortalListView } })
        }
        data={(['open', 'done', 'all'] as const).map((v) => ({ value: v, label: t(`portal.list.${v}`) }))}
      />
      {tickets.isPending && <Loader aria-label={t('app.loading')} />}
      {tickets.isError && (
        <Alert color="red" role="alert">
          {t('portal.list.loadFailed')} {tickets.error.message}
        </Alert>
      )}
      {tickets.isSuccess && items.length === 0 && <Text>{t('portal.list.none')}</Text>}
      {items.length > 0 && <PortalTicketTable tickets={items} />}
      {tickets.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          loading={tickets.isFetchingNextPage}
          onClick={() => void tickets.fetchNextPage()}
        >
          {t('portal.list.more')}
        </Button>
      )}
    </Stack>
  );
}

function PortalTicketTable({ tickets }: { tickets: TTicket[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table className="ticket-table portal-table" aria-label={t('portal.list.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('portal.list.columns.number')}</Table.Th>
            <Table.Th>{t('portal.list.columns.title')}</Table.Th>
            <Table.Th>{t('portal.list.columns.status')}</Table.Th>
            <Table.Th>{t('portal.list.columns.priority')}</Table.Th>
            <Table.Th>{t('portal.list.columns.requester')}</Table.Th>
            <Table.Th>{t('portal.list.columns.response')}</Table.Th>
            <Table.Th>{t('portal.list.columns.resolution')}</Table.Th>
            <Table.Th>{t('portal.list.columns.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((ticket) => {
            const response = expectedText(t, ticket.sla.response);
            const resolution = expectedText(t, ticket.sla.resolution);
            return (
              <Table.Tr key={ticket.id} data-ticket={ticket.number}>
                <Table.Td className="nowrap">{ticket.number}</Table.Td>
                <Table.Td>
                  <Link className="ticket-link" to="/portal/tickets/$ref" params={{ ref: ticket.number }}>
                    {ticket.title}
                  </Link>
                </Table.Td>
                <Table.Td className="nowrap">{t(`status.${ticket.status}`)}</Table.Td>
                <Table.Td>
                  <span className={`priority priority-${ticket.priority}`}>{ticket.priority}</span>
                </Table.Td>
                <Table.Td className="nowrap">{ticket.requester?.name ?? ''}</Table.Td>
                <Table.Td className={response.isLate ? 'nowrap sla-breached' : 'nowrap'}>
                  {response.text}
                </Table.Td>
                <Table.Td className={resolution.isLate ? 'nowrap sla-breached' : 'nowrap'}>
                  {resolution.text}
                </Table.Td>
                <Table.Td className="nowrap">
                  <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt)}</time>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
