import type { TListTicketsQuery } from '@hamkke/core';
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from '../auth/actor.js';
import { dashboardConditions } from '../dashboards/ticket-list-filters.js';
import { db } from '../db/current.js';
import { tickets } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { ticketScope } from './get-ticket.js';
import { selectTicketView, type TTicketView } from './ticket-view.js';

type TSortKey = { expr: SQL; isTime: boolean; read: (t: TTicketView['ticket']) => string };

const timeKey = (column: PgColumn, read: (t: TTicketView['ticket']) => Date | null): TSortKey => ({
  // Tickets without an SLA have no due time; they sort after every due time, as 'infinity'.
  expr: sql`coalesce(${column}, 'infinity'::timestamptz)`,
  isTime: true,
  read: (t) => read(t)?.toISOString() ?? 'infinity',
});

const SORT_KEYS: Record<string, TSortKey> = {
  createdAt: { expr: sql`${tickets.createdAt}`, isTime: true, read: (t) => t.createdAt.toISOString() },
  updatedAt: { expr: sql`${tickets.updatedAt}`, isTime: true, read: (t) => t.updatedAt.toISOString() },
  priority: { expr: sql`${tickets.priority}`, isTime: false, read: (t) => t.priority },
  number: { expr: sql`${tickets.number}`, isTime: false, read: (t) => t.number },
  responseDueAt: timeKey(tickets.responseDueAt, (t) => t.responseDueAt),
  resolutionDueAt: timeKey(tickets.resolutionDueAt, (t) => t.resolutionDueAt),
};

const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this query', ko: '이 조회에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this query', in: 'query' }],
);

type TCursor = { s: string; v: string; id: string };

function encodeCursor(sort: string, view: TTicketView): string {
  const value = SORT_KEYS[sort.replace('-', '')]!.read(view.ticket);
  return Buffer.from(JSON.stringify({ s: sort, v: value, id: view.ticket.id } satisfies TCursor)).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string, sort: string): TCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TCursor;
    if (parsed.s !== sort || typeof parsed.v !== 'string' || !/^[0-9a-f-]{36}$/.test(parsed.id))
      throw BAD_CURSOR;
    return parsed;
  } catch {
    throw BAD_CURSOR;
  }
}

/**
 * Tickets in the actor's scope, filtered and sorted, a page at a time. Paging is by keyset on
 * (sort column, id), so a page costs the same at the millionth row as at the first.
 */
export async function listTickets(
  actor: TActor,
  query: TListTicketsQuery,
): Promise<{ items: TTicketView[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [ticketScope(actor)];
  if (query.status) conditions.push(inArray(tickets.status, query.status));
  if (query.type) conditions.push(inArray(tickets.type, query.type));
  if (query.priority) conditions.push(inArray(tickets.priority, query.priority));
  if (query.module) conditions.push(inArray(tickets.module, query.module));
  if (query.organizationId) conditions.push(eq(tickets.organizationId, query.organizationId));
  if (query.requesterId) conditions.push(eq(tickets.requesterId, query.requesterId));
  if (query.team === 'none') conditions.push(isNull(tickets.team));
  else if (query.team) conditions.push(eq(tickets.team, query.team));
  if (query.assigneeId === 'none') conditions.push(isNull(tickets.assigneeId));
  else if (query.assigneeId)
    conditions.push(eq(tickets.assigneeId, query.assigneeId === 'me' ? actor.userId : query.assigneeId));
  if (query.createdFrom) conditions.push(gte(tickets.createdAt, new Date(query.createdFrom)));
  if (query.createdTo) conditions.push(lt(tickets.createdAt, new Date(query.createdTo)));
  if (query.sla) conditions.push(inArray(tickets.slaState, query.sla));
  conditions.push(...dashboardConditions(query));

  const isDesc = query.sort.startsWith('-');
  const key = SORT_KEYS[query.sort.replace('-', '')]!;
  const column = key.expr;
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    if (key.isTime && cursor.v !== 'infinity' && Number.isNaN(Date.parse(cursor.v))) throw BAD_CURSOR;
    const value = key.isTime ? sql`${cursor.v}::timestamptz` : cursor.v;
    // Row comparison lets PostgreSQL walk the (column, id) index from the cursor on.
    conditions.push(
      isDesc
        ? sql`(${column}, ${tickets.id}) < (${value}, ${cursor.id})`
        : sql`(${column}, ${tickets.id}) > (${value}, ${cursor.id})`,
    );
  }
  const order = isDesc ? [desc(column), desc(tickets.id)] : [asc(column), asc(tickets.id)];
  const rows = await selectTicketView(db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(query.sort, items.at(-1)!) : null };
}
