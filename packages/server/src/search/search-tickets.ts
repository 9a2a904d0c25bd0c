import { queryTokens, type TSearchQuery } from '@hamkke/core';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { organizationScope } from '../auth/scope.js';
import { db } from '../db/current.js';
import { comments, ticketSearch, tickets } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { ticketScope } from '../tickets/get-ticket.js';
import { tsqueryLiteral } from './ticket-search-document.js';

/**
 * The search document the actor may search: staff search internal notes too; a customer user only
 * the public document, which holds no internal text at all. The one place that choice is made.
 */
export function ticketSearchVector(actor: TActor): SQL {
  return isStaff(actor) ? sql`${ticketSearch.staffVector}` : sql`${ticketSearch.publicVector}`;
}

export type TTicketMatch = {
  id: string;
  number: string;
  title: string;
  description: string;
  score: number;
  /** The comments the actor may read, oldest first: where the snippet may come from. */
  comments: string[];
};
export type TTicketMatches = { tokens: string[]; items: TTicketMatch[]; nextCursor: string | null };

type TCursor = { k: string; s: number; id: string };

const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this query', ko: '이 검색에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this query', in: 'query' }],
);

/** A cursor belongs to one query: its tokens travel with it. */
function decodeCursor(cursor: string, key: string): TCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TCursor;
    if (parsed.k !== key || typeof parsed.s !== 'number' || !/^[0-9a-f-]{36}$/.test(parsed.id))
      throw BAD_CURSOR;
    return parsed;
  } catch {
    throw BAD_CURSOR;
  }
}

/**
 * Tickets in the actor's scope holding every token of the query, best first: the cover-density rank
 * of the matches (title A > description B > comments C), plus 1 when the title alone holds them all.
 */
export async function searchTickets(actor: TActor, query: TSearchQuery): Promise<TTicketMatches> {
  const tokens = queryTokens(query.q);
  if (tokens.length === 0) return { tokens, items: [], nextCursor: null };
  const key = tokens.join(' ');
  const vector = ticketSearchVector(actor);
  const matches = sql`${tsqueryLiteral(tokens)}::tsquery`;
  const inTitle = sql`${tsqueryLiteral(tokens, 'A')}::tsquery`;
  const score = sql<number>`(ts_rank_cd(${vector}, ${matches}, 32) + (${vector} @@ ${inTitle})::int)::real`;

  const conditions: (SQL | undefined)[] = [
    sql`${vector} @@ ${matches}`,
    ticketScope(actor),
    // The same scope on the search table, so PostgreSQL narrows to the organization before it ranks.
    organizationScope(actor, ticketSearch.organizationId),
  ];
  if (query.organizationId) conditions.push(eq(ticketSearch.organizationId, query.organizationId));
  if (query.module) conditions.push(inArray(tickets.module, query.module));
  if (query.status) conditions.push(inArray(tickets.status, query.status));
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, key);
    // The score is a real; compared as a real, the value read back from the cursor is exact.
    conditions.push(sql`(${score}, ${tickets.id}) < (${cursor.s}::real, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      score,
    })
    .from(ticketSearch)
    .innerJoin(tickets, eq(tickets.id, ticketSearch.ticketId))
    .where(and(...conditions))
    .orderBy(desc(score), desc(tickets.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);

  const readable = await visibleComments(
    actor,
    page.map((r) => r.id),
  );
  const items = page.map((r) => ({ ...r, comments: readable.get(r.id) ?? [] }));
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ k: key, s: last.score, id: last.id } satisfies TCursor)).toString(
          'base64url',
        )
      : null;
  return { tokens, items, nextCursor };
}

/** The comments of these tickets the actor may read: all for staff, the public ones for a customer. */
async function visibleComments(actor: TActor, ticketIds: string[]): Promise<Map<string, string[]>> {
  const byTicket = new Map<string, string[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await db
    .select({ ticketId: comments.ticketId, body: comments.body })
    .from(comments)
    .where(
      and(
        inArray(comments.ticketId, ticketIds),
        isStaff(actor) ? undefined : eq(comments.visibility, 'public'),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id));
  for (const c of rows) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c.body]);
  return byTicket;
}
