import type { TListInboundQuery } from '@hamkke/core';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { inboundMessages, tickets } from '../db/schema.js';
import { Invalid } from '../http/errors.js';
import { inboundListColumns, MAIL_ADMIN_ONLY } from './get-inbound-message.js';
import type { TInboundListRow } from './present.js';

const BAD_CURSOR = new Invalid(
  'cursor',
  { en: 'Not a cursor of this list', ko: '이 목록의 커서가 아닙니다' },
  'query',
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stored messages, newest first, paged by (received at, id); admins only. */
export async function listInboundMessages(
  actor: TActor,
  query: TListInboundQuery,
): Promise<{ items: TInboundListRow[]; nextCursor: string | null }> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  const conditions: (SQL | undefined)[] = [];
  if (query.status) conditions.push(inArray(inboundMessages.status, query.status));
  if (query.mailboxId) conditions.push(eq(inboundMessages.mailboxId, query.mailboxId));
  if (query.ticketId) conditions.push(eq(inboundMessages.ticketId, query.ticketId));
  if (query.cursor) {
    const [at, id] = query.cursor.split('|');
    const when = new Date(at ?? '');
    if (Number.isNaN(when.getTime()) || !id || !UUID.test(id)) throw BAD_CURSOR;
    conditions.push(
      or(
        lt(inboundMessages.receivedAt, when),
        and(eq(inboundMessages.receivedAt, when), lt(inboundMessages.id, id)),
      ),
    );
  }
  const rows = await db
    .select(inboundListColumns)
    .from(inboundMessages)
    .leftJoin(tickets, eq(tickets.id, inboundMessages.ticketId))
    .where(and(...conditions))
    .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? `${last.receivedAt.toISOString()}|${last.id}` : null,
  };
}
