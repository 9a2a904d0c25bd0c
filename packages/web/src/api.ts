import type { TCalendarDayOff, TCalendarView, TProblem, TTicket, TUser } from '@hamkke/core';
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
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    // Before sign-in the server answers in this language; afterwards in the user's own.
    'accept-language': currentLanguage(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
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

export const api = {
  me: () => request<TUser>('GET', '/me'),
  login: (email: string, password: string) => request<TUser>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  latestTickets: (limit = 20) => request<TPage<TTicket>>('GET', `/tickets?limit=${limit}`),
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
