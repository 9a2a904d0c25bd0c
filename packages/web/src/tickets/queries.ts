import type { TTicket, TUser } from '@hamkke/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type TTicketFilter } from '../api.js';

export const PAGE_SIZE = 50;

/** One page of the list. The mark is where "data arrived" is measured from (TicketTable). */
export function useTicketPage(filter: TTicketFilter, cursor: string | null) {
  return useQuery({
    queryKey: ['tickets', 'list', filter, cursor],
    queryFn: async () => {
      const page = await api.tickets(filter, PAGE_SIZE, cursor);
      // A refetch that changes nothing renders nothing: only the latest arrival counts.
      performance.clearMarks('tickets:data');
      performance.mark('tickets:data');
      return page;
    },
    placeholderData: keepPreviousData,
  });
}

export function useQueues() {
  return useQuery({ queryKey: ['queues'], queryFn: api.queues });
}

/** Active staff, for assignment and @mentions. */
export function useStaff() {
  return useQuery({
    queryKey: ['users', 'staff'],
    queryFn: async (): Promise<TUser[]> =>
      (await api.users()).items.filter((u) => u.role !== 'customer' && u.isActive),
    staleTime: 5 * 60_000,
  });
}

export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => (await api.organizations()).items,
    staleTime: 5 * 60_000,
  });
}

export const ticketHref = (ticket: Pick<TTicket, 'number'>) => `/tickets/${ticket.number}`;
