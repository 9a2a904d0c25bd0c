import type { TListNotificationsQuery } from '@hamkke/core';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { notifications } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { TNotificationRow } from './present.js';

const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this query', ko: '이 조회에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this query', in: 'query' }],
);

type TCursor = { at: string; id: string };

const encodeCursor = (n: TNotificationRow): string =>
  Buffer.from(JSON.stringify({ at: n.createdAt.toISOString(), id: n.id } satisfies TCursor)).toString(
    'base64url',
  );

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TCursor;
    const at = new Date(parsed.at);
    if (typeof parsed.at !== 'string' || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(parsed.id))
      throw BAD_CURSOR;
    return { at, id: parsed.id };
  } catch {
    throw BAD_CURSOR;
  }
}

/** The caller's own notifications, newest first, a page at a time (keyset on created time and id). */
export async function listNotifications(
  actor: TActor,
  query: TListNotificationsQuery,
): Promise<{ items: TNotificationRow[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [eq(notifications.userId, actor.userId)];
  if (query.unread) conditions.push(isNull(notifications.readAt));
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    conditions.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor.at}, ${cursor.id})`);
  }
  const rows = await db
    .select()
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items.at(-1)!) : null };
}
