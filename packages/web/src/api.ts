import type {
  TAttachment,
  TBulkUpdateResult,
  TCalendarDayOff,
  TCalendarView,
  TComment,
  TCreateTicket,
  TOrganization,
  TProblem,
  TQueues,
  TSearchPage,
  TSystem,
  TTicket,
  TTimeEntry,
  TTimelineItem,
  TUpdateTicket,
  TUser,
} from '@hamkke/core';
import { currentLanguage } from './i18n.js';

/** A failed API call; `detail` is the problem+json detail (in the language asked for) when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: TProblem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** A stale edit: someone else changed the record since it was read. */
  get isStale(): boolean {
    return this.status === 409 && (this.problem?.errors ?? []).some((e) => e.path === 'version');
  }
}

/** One call to the API (JSON or FormData), its failure an ApiError. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    // Before sign-in the server answers in this language; afterwards in the user's own.
    'accept-language': currentLanguage(),
  };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : isForm ? body : JSON.stringify(body),
  });
  if (!response.ok) {
    let problem: TProblem | null = null;
    try {
      problem = (await response.json()) as TProblem;
    } catch {
      // Not JSON (a proxy's error page, say): the status alone says what happened.
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export type TPage<T> = { items: T[]; nextCursor: string | null };

/** The filters and sort of the ticket list, as GET /tickets reads them. */
export type TTicketFilter = {
  status?: string[];
  type?: string[];
  priority?: string[];
  module?: string[];
  sla?: string[];
  assigneeId?: string;
  organizationId?: string;
  team?: string;
  sort?: string;
};

function ticketQuery(filter: TTicketFilter, limit: number, cursor?: string | null): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value) ? value.length > 0 : value)
      params.set(key, Array.isArray(value) ? value.join(',') : value);
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

const ticketPath = (ref: string) => `/tickets/${encodeURIComponent(ref)}`;

export const api = {
  me: () => request<TUser>('GET', '/me'),
  login: (email: string, password: string) => request<TUser>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  updateUser: (id: string, change: { locale?: 'ko' | 'en' }) =>
    request<TUser>('PATCH', `/users/${id}`, change),
  users: () => request<{ items: TUser[] }>('GET', '/users?isActive=true'),
  organizations: () => request<{ items: TOrganization[] }>('GET', '/organizations'),
  organization: (id: string) => request<TOrganization>('GET', `/organizations/${id}`),
  systems: (organizationId: string) =>
    request<{ items: TSystem[] }>('GET', `/organizations/${organizationId}/systems`),
  latestTickets: (limit = 20) => request<TPage<TTicket>>('GET', `/tickets?limit=${limit}`),
  tickets: (filter: TTicketFilter, limit: number, cursor?: string | null) =>
    request<TPage<TTicket>>('GET', `/tickets?${ticketQuery(filter, limit, cursor)}`),
  search: (q: string) =>
    request<TSearchPage>('GET', `/search?${new URLSearchParams({ q, type: 'ticket', limit: '50' })}`),
  queues: () => request<TQueues>('GET', '/queues'),
  ticket: (ref: string) => request<TTicket>('GET', ticketPath(ref)),
  createTicket: (input: TCreateTicket) => request<TTicket>('POST', '/tickets', input),
  updateTicket: (ref: string, change: TUpdateTicket) => request<TTicket>('PATCH', ticketPath(ref), change),
  bulkUpdate: (ids: string[], change: { status?: string; assigneeId?: string | null }) =>
    request<TBulkUpdateResult>('POST', '/tickets/bulk', { ids, change }),
  timeline: (ref: string) => request<{ items: TTimelineItem[] }>('GET', `${ticketPath(ref)}/timeline`),
  addComment: (ref: string, body: string, visibility: 'public' | 'internal') =>
    request<TComment>('POST', `${ticketPath(ref)}/comments`, { body, visibility }),
  addTimeEntry: (ref: string, entry: { minutes: number; date: string }) =>
    request<TTimeEntry>('POST', `${ticketPath(ref)}/time-entries`, entry),
  addAttachment: (ref: string, file: File, visibility: 'public' | 'internal') => {
    const form = new FormData();
    form.append('visibility', visibility);
    form.append('file', file);
    return request<TAttachment>('POST', `${ticketPath(ref)}/attachments`, form);
  },
  attachmentUrl: (ticketId: string, attachmentId: string) =>
    `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`,
  calendars: () => request<{ items: TCalendarView[] }>('GET', '/calendars'),
  calendarDaysOff: (calendar: string, year: number) =>
    request<{ items: TCalendarDayOff[] }>(
      'GET',
      `/calendars/${encodeURIComponent(calendar)}/holidays?year=${year}`,
    ),
  /** The instant `minutes` business minutes after `from`, in the calendar. */
  businessDue: (calendar: string, from: Date, minutes: number) =>
    request<{ due: string }>(
      'GET',
      `/calendars/${encodeURIComponent(calendar)}/business-time?${new URLSearchParams({ from: from.toISOString(), minutes: String(minutes) })}`,
    ),
  /** The business minutes from `from` up to `to` (negative when `to` is earlier). */
  businessMinutes: (calendar: string, from: Date, to: Date) =>
    request<{ minutes: number }>(
      'GET',
      `/calendars/${encodeURIComponent(calendar)}/business-time?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString() })}`,
    ),
};
