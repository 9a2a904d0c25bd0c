import type { TListArticlesQuery } from '@hamkke/core';
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { articles } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { articleScope } from './article-scope.js';
import { type TArticleView, useCountOf } from './get-article.js';

type TCursor = { u: string; id: string };
const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this list', ko: '이 목록에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this list', in: 'query' }],
);

function decodeCursor(cursor: string): TCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TCursor;
    if (Number.isNaN(Date.parse(parsed.u)) || !/^[0-9a-f-]{36}$/.test(parsed.id)) throw BAD_CURSOR;
    return parsed;
  } catch {
    throw BAD_CURSOR;
  }
}

/** The articles the actor may read, most recently changed first, a page at a time. */
export async function listArticles(
  actor: TActor,
  query: TListArticlesQuery,
): Promise<{ items: TArticleView[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [articleScope(actor)];
  if (query.status) conditions.push(inArray(articles.status, query.status));
  if (query.visibility) conditions.push(inArray(articles.visibility, query.visibility));
  if (query.module)
    conditions.push(
      sql`${articles.modules} && ARRAY[${sql.join(
        query.module.map((m) => sql`${m}`),
        sql`, `,
      )}]::text[]`,
    );
  if (query.organizationId === 'general') conditions.push(isNull(articles.organizationId));
  else if (query.organizationId) conditions.push(eq(articles.organizationId, query.organizationId));
  if (query.sourceTicketId) conditions.push(eq(articles.sourceTicketId, query.sourceTicketId));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    conditions.push(sql`(${articles.updatedAt}, ${articles.id}) < (${c.u}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select({ article: articles, useCount: useCountOf })
    .from(articles)
    .where(and(...conditions))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map((r) => ({ ...r.article, useCount: r.useCount }));
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ u: last.updatedAt.toISOString(), id: last.id })).toString('base64url')
      : null;
  return { items, nextCursor };
}
