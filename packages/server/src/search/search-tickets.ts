import type { TSearchQuery } from '@hamkke/core';
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { organizationScope } from '../auth/scope.js';
import { db } from '../db/current.js';
import { comments, ticketSearch, tickets } from '../db/schema.js';
import { ticketScope } from '../tickets/get-ticket.js';
import { BAD_CURSOR } from './search-backend.js';
import { planQuery, planTsquery, type TQueryPlan } from './typo-tolerance.js';

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

/** `t`: the tier the cursor is in, `s` strict (every word) or `r` relaxed (all words but one). */
type TCursor = { k: string; t: 's' | 'r'; s: number; c: string; id: string };

/** A cursor belongs to one query: its tokens travel with it. */
function decodeCursor(cursor: string, key: string): TCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TCursor;
    if (
      parsed.k !== key ||
      (parsed.t !== 's' && parsed.t !== 'r') ||
      typeof parsed.s !== 'number' ||
      Number.isNaN(Date.parse(parsed.c)) ||
      !/^[0-9a-f-]{36}$/.test(parsed.id)
    )
      throw BAD_CURSOR;
    return parsed;
  } catch {
    throw BAD_CURSOR;
  }
}

const encodeCursor = (cursor: TCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The part of the search box's query that ticket search reads. */
export type TTicketSearch = Pick<
  TSearchQuery,
  'q' | 'organizationId' | 'module' | 'status' | 'createdFrom' | 'createdTo' | 'limit' | 'cursor'
>;

/**
 * Past this many tickets holding every word (a word in nearly every ticket: 오류, 요청), only the
 * newest this many are ranked: ranking reads each matching document, so without a bound a broad
 * word would cost in proportion to the whole history. Narrower queries rank every match.
 */
let rankCap = 5000;

/** For tests: a small cap, so a handful of tickets shows its effect. */
export function setRankCap(n: number): void {
  rankCap = n;
}

/**
 * The creation time of the cap-th newest ticket matching, or null when fewer match. Read from the
 * search table alone (it carries the creation time), so no ticket row is joined for the thousands of
 * matches of a broad query; only filters on ticket fields (module, status) need the join.
 */
async function newestCutoff(
  match: SQL,
  searchFilters: (SQL | undefined)[],
  ticketFilters: (SQL | undefined)[],
): Promise<Date | null> {
  const base = db.select({ at: ticketSearch.createdAt }).from(ticketSearch);
  const joined = ticketFilters.some(Boolean)
    ? base
        .innerJoin(tickets, eq(tickets.id, ticketSearch.ticketId))
        .where(and(match, ...searchFilters, ...ticketFilters))
    : base.where(and(match, ...searchFilters));
  const [row] = await joined
    .orderBy(desc(ticketSearch.createdAt))
    .offset(rankCap - 1)
    .limit(1);
  return row?.at ?? null;
}

/** Queries of more words than this get no relaxed tier (one tsquery branch per word left out). */
const MAX_RELAXED_GROUPS = 8;

/** The plan with one group left out, for each group: the relaxed tier ORs them. */
function relaxedTsquery(plan: TQueryPlan): string | null {
  const n = plan.groups.length;
  if (n < 2 || n > MAX_RELAXED_GROUPS) return null;
  const branches = plan.groups.map((_, skip) =>
    planTsquery({ ...plan, groups: plan.groups.filter((__, i) => i !== skip) }),
  );
  return branches.map((b) => `(${b})`).join(' | ');
}

type TRow = {
  id: string;
  number: string;
  title: string;
  description: string;
  score: number;
  createdAt: Date;
};

/**
 * Tickets in the actor's scope holding every word of the query (a misspelt Latin word: one of the
 * known words most like it), best first: the cover-density rank of the matches (title A >
 * description B > comments C), plus 1 when the title alone holds them all; equal scores newest
 * first. When those run out before the page is full, a relaxed tier follows: tickets holding all the
 * words but one, scored by the same rank minus 1 (so below 0: the client can tell them apart), and
 * `전표가 생성되지 않음` still finds 전표가 생성되지 않았습니다 after every ticket holding all four.
 */
export async function searchTickets(
  actor: TActor,
  query: TTicketSearch,
  given?: TQueryPlan,
): Promise<TTicketMatches> {
  const plan = given ?? (await planQuery(query.q));
  const { tokens } = plan;
  if (plan.groups.length === 0) return { tokens, items: [], nextCursor: null };
  const key = plan.groups.map((g) => g.join('|')).join(' ');
  const vector = ticketSearchVector(actor);
  const strict = sql`${planTsquery(plan)}::tsquery`;
  const inTitle = sql`${planTsquery(plan, 'A')}::tsquery`;
  const strictScore = sql<number>`(ts_rank_cd(${vector}, ${strict}, 32) + (${vector} @@ ${inTitle})::int)::real`;
  const relaxedQuery = relaxedTsquery(plan);
  const relaxed = relaxedQuery ? sql`${relaxedQuery}::tsquery` : null;
  const relaxedScore = relaxed ? sql<number>`(ts_rank_cd(${vector}, ${relaxed}, 32) - 1)::real` : null;

  // Filters the search table answers itself (scope, organization, creation date), so PostgreSQL
  // narrows there before it reads a ticket row or ranks; and those that need the ticket row.
  const searchFilters: (SQL | undefined)[] = [organizationScope(actor, ticketSearch.organizationId)];
  if (query.organizationId) searchFilters.push(eq(ticketSearch.organizationId, query.organizationId));
  if (query.createdFrom) searchFilters.push(gte(ticketSearch.createdAt, new Date(query.createdFrom)));
  if (query.createdTo) searchFilters.push(lt(ticketSearch.createdAt, new Date(query.createdTo)));
  const ticketFilters: (SQL | undefined)[] = [];
  if (query.module) ticketFilters.push(inArray(tickets.module, query.module));
  if (query.status) ticketFilters.push(inArray(tickets.status, query.status));
  const filters = [ticketScope(actor), ...searchFilters, ...ticketFilters];
  const cursor = query.cursor ? decodeCursor(query.cursor, key) : null;

  const run = async (
    match: SQL,
    score: SQL<number>,
    after: TCursor | null,
    limit: number,
  ): Promise<TRow[]> => {
    const where = and(
      match,
      // The score is a real; compared as a real, the value read back from the cursor is exact.
      after
        ? sql`(${score}, ${ticketSearch.createdAt}, ${ticketSearch.ticketId}) < (${after.s}::real, ${new Date(after.c)}, ${after.id}::uuid)`
        : undefined,
    );
    const order = [desc(score), desc(ticketSearch.createdAt), desc(ticketSearch.ticketId)];
    if (ticketFilters.length > 0)
      return db
        .select({
          id: tickets.id,
          number: tickets.number,
          title: tickets.title,
          description: tickets.description,
          score,
          createdAt: ticketSearch.createdAt,
        })
        .from(ticketSearch)
        .innerJoin(tickets, eq(tickets.id, ticketSearch.ticketId))
        .where(and(where, ...filters))
        .orderBy(...order)
        .limit(limit);
    // Nothing to filter on the ticket row (the organization scope is on the search table too): rank on
    // the search table alone and read only the page's ticket rows, not one per ranked match.
    const ranked = await db
      .select({ id: ticketSearch.ticketId, score, createdAt: ticketSearch.createdAt })
      .from(ticketSearch)
      .where(and(where, ...searchFilters))
      .orderBy(...order)
      .limit(limit);
    if (ranked.length === 0) return [];
    const rows = await db
      .select({
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
        description: tickets.description,
      })
      .from(tickets)
      .where(
        and(
          inArray(
            tickets.id,
            ranked.map((r) => r.id),
          ),
          ticketScope(actor),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ranked.flatMap((r) => {
      const ticket = byId.get(r.id);
      return ticket ? [{ ...ticket, score: r.score, createdAt: r.createdAt }] : [];
    });
  };

  let page: { row: TRow; tier: 's' | 'r' }[] = [];
  let hasMore = false;
  if (!cursor || cursor.t === 's') {
    const cutoff = await newestCutoff(sql`${vector} @@ ${strict}`, searchFilters, ticketFilters);
    const match = cutoff
      ? sql`${vector} @@ ${strict} AND ${ticketSearch.createdAt} >= ${cutoff}`
      : sql`${vector} @@ ${strict}`;
    const rows = await run(match, strictScore, cursor, query.limit + 1);
    page = rows.slice(0, query.limit).map((row) => ({ row, tier: 's' }));
    hasMore = rows.length > query.limit;
  }
  if (!hasMore && relaxed && relaxedScore && page.length < query.limit) {
    const wanted = query.limit - page.length;
    const after = cursor?.t === 'r' ? cursor : null;
    const rows = await run(
      sql`${vector} @@ ${relaxed} AND NOT (${vector} @@ ${strict})`,
      relaxedScore,
      after,
      wanted + 1,
    );
    page = [...page, ...rows.slice(0, wanted).map((row) => ({ row, tier: 'r' as const }))];
    hasMore = rows.length > wanted;
  }

  const readable = await visibleComments(
    actor,
    page.map((p) => p.row.id),
  );
  const items = page.map(({ row: { createdAt: _, ...row } }) => ({
    ...row,
    comments: readable.get(row.id) ?? [],
  }));
  const last = page.at(-1);
  const nextCursor =
    hasMore && last
      ? encodeCursor({
          k: key,
          t: last.tier,
          s: last.row.score,
          c: last.row.createdAt.toISOString(),
          id: last.row.id,
        })
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
