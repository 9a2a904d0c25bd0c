export const TICKET_STATUSES = [
  'new',
  'open',
  'in_progress',
  'waiting_customer',
  'waiting_vendor',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TTicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the work is finished; nothing moves out of them except a reopen from resolved. */
export const TERMINAL_STATUSES: readonly TTicketStatus[] = ['closed', 'cancelled'];
export const OPEN_STATUSES: readonly TTicketStatus[] = [
  'new',
  'open',
  'in_progress',
  'waiting_customer',
  'waiting_vendor',
];

const WORKING: TTicketStatus[] = [
  'open',
  'in_progress',
  'waiting_customer',
  'waiting_vendor',
  'resolved',
  'cancelled',
];

/** The status flow of DESIGN.md: new → open → in_progress → waiting_* → resolved → closed, plus cancel and reopen. */
export const STATUS_FLOW: Readonly<Record<TTicketStatus, readonly TTicketStatus[]>> = {
  new: WORKING,
  open: WORKING.filter((s) => s !== 'open'),
  in_progress: WORKING.filter((s) => s !== 'in_progress'),
  waiting_customer: WORKING.filter((s) => s !== 'waiting_customer'),
  waiting_vendor: WORKING.filter((s) => s !== 'waiting_vendor'),
  resolved: ['closed', 'open', 'in_progress'],
  closed: [],
  cancelled: [],
};

/** What a customer user may do to their own ticket: withdraw it, accept the resolution, or reopen it. */
export const CUSTOMER_STATUS_FLOW: Readonly<Record<TTicketStatus, readonly TTicketStatus[]>> = {
  new: ['cancelled'],
  open: ['cancelled'],
  in_progress: ['cancelled'],
  waiting_customer: ['cancelled'],
  waiting_vendor: [],
  resolved: ['closed', 'open'],
  closed: [],
  cancelled: [],
};

export function canTransition(from: TTicketStatus, to: TTicketStatus, isCustomer = false): boolean {
  const flow = isCustomer ? CUSTOMER_STATUS_FLOW : STATUS_FLOW;
  return flow[from].includes(to);
}

export function isOpenStatus(status: TTicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
