import type { TTicketFilter } from '../api.js';
import { OPEN_STATUSES, TICKET_SORTS, type TTicketSort } from '../domain.js';

/**
 * A queue of the workspace: a named filter. `org:<id>` is one customer's open tickets, `team:<name>`
 * one team's (`team:none`: those with no team).
 */
export type TQueue =
  | 'everything'
  | 'all'
  | 'mine'
  | 'unassigned'
  | 'atRisk'
  | 'waiting'
  | `org:${string}`
  | `team:${string}`;

/**
 * Filters of GET /tickets that a dashboard's click-through adds (the `tickets` links of
 * contract/dashboards.ts): kept in the address as they come and passed to the API as they are.
 */
export const DRILL_KEYS = [
  'organizationId',
  'assigneeId',
  'requesterId',
  'team',
  'sla',
  'createdFrom',
  'createdTo',
  'resolvedFrom',
  'resolvedTo',
  'openAt',
  'responseSla',
  'resolutionSla',
  'isReopened',
  'isFirstContact',
  'workedFrom',
  'workedTo',
  'workClass',
  'csatFrom',
  'csatTo',
  'csatAgentId',
  'csatRating',
  'ids',
] as const;
type TDrillKey = (typeof DRILL_KEYS)[number];
/** As the router reads it from the address (`true`, `5` come back as a boolean, a number). */
type TDrillValue = string | number | boolean;

/** The ticket list's state in the address, so that a view can be bookmarked, shared and saved. */
export type TListSearch = { [K in TDrillKey]?: TDrillValue } & {
  queue?: TQueue;
  status?: string[];
  type?: string[];
  priority?: string[];
  module?: string[];
  sort?: TTicketSort;
  q?: string;
};

const list = (value: unknown): string[] | undefined => {
  const items = (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [])
    .map(String)
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
};

export function parseListSearch(search: Record<string, unknown>): TListSearch {
  const queue = typeof search.queue === 'string' ? (search.queue as TQueue) : undefined;
  const sort = TICKET_SORTS.find((s) => s === search.sort);
  const q = typeof search.q === 'string' && search.q.trim() ? search.q.trim() : undefined;
  const result: TListSearch = {};
  if (queue) result.queue = queue;
  for (const key of ['status', 'type', 'priority', 'module'] as const) {
    const value = list(search[key]);
    if (value) result[key] = value;
  }
  if (sort) result.sort = sort;
  if (q) result.q = q;
  for (const key of DRILL_KEYS) {
    const value = search[key];
    if (typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean')
      result[key] = value as TDrillValue;
  }
  return result;
}

/** The click-through filters of a list state, as GET /tickets reads them. */
export const drillOf = (search: TListSearch): Record<string, string> =>
  Object.fromEntries(DRILL_KEYS.filter((k) => search[k] !== undefined).map((k) => [k, String(search[k])]));

const OPEN = [...OPEN_STATUSES];

/** What GET /tickets is asked for a list state: the queue's filter, then the user's filters over it. */
export function filterOf(search: TListSearch): TTicketFilter {
  const queue = search.queue ?? 'everything';
  const base: TTicketFilter =
    queue === 'everything'
      ? {}
      : queue === 'all'
        ? { status: OPEN }
        : queue === 'mine'
          ? { status: OPEN, assigneeId: 'me' }
          : queue === 'unassigned'
            ? { status: OPEN, assigneeId: 'none' }
            : queue === 'atRisk'
              ? { status: OPEN, sla: ['at_risk', 'breached'] }
              : queue === 'waiting'
                ? { status: ['waiting_customer'] }
                : queue.startsWith('team:')
                  ? { status: OPEN, team: queue.slice(5) }
                  : { status: OPEN, organizationId: queue.slice(4) };
  return {
    ...base,
    ...drillOf(search),
    ...(search.status ? { status: search.status } : {}),
    ...(search.type ? { type: search.type } : {}),
    ...(search.priority ? { priority: search.priority } : {}),
    ...(search.module ? { module: search.module } : {}),
    sort: search.sort ?? '-updatedAt',
  };
}
