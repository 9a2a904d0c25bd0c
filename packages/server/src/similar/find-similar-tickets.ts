import type { TSapModule, TSimilarTicket } from '@hamkke/core';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { ticketSearch, tickets } from '../db/schema.js';
import { SAME_MODULE_BONUS, SAME_SYSTEM_BONUS } from '../knowledge/rank-articles.js';
import { ticketSearchVector } from '../search/search-tickets.js';
import { ticketScope } from '../tickets/get-ticket.js';
import { orQueryLiteral, sharedWords } from './similar-tokens.js';
import { commonTokenShares } from './token-frequency.js';

/** Tokens held by more than this share of all tickets find too much to be worth a lookup. */
const COMMON_SHARE = 0.02;
/** How many of the rarest tokens look candidates up, and how many candidates each brings at most. */
const LOOKUP_TOKENS = 8;
const PER_TOKEN = 200;
/** Candidates ranked in full: those that hold the most of the lookup tokens. */
const CANDIDATES = 150;
/** A past case must hold at least this share of the ticket's tokens (and two of them) to be shown. */
const MIN_SHARE = 0.2;

/** The rarest of the tokens (PostgreSQL's statistics of the column the actor searches), common ones left out. */
export async function lookupTokens(actor: TActor, tokens: readonly string[]): Promise<string[]> {
  const shares = await commonTokenShares(isStaff(actor) ? 'staff_vector' : 'public_vector');
  const ranked = [...tokens]
    .map((t, i) => ({ t, i, share: shares.get(t) ?? 0 }))
    .sort((a, b) => a.share - b.share || a.i - b.i);
  const rare = ranked.filter((x) => x.share <= COMMON_SHARE);
  // A short ticket of common words only ("전표 오류") still looks up its two least common ones.
  return (rare.length > 0 ? rare.slice(0, LOOKUP_TOKENS) : ranked.slice(0, 2)).map((x) => x.t);
}

/**
 * The bounded candidate lookup: each token brings at most PER_TOKEN tickets of the actor's scope
 * from the GIN index; those holding the most of the tokens come first.
 */
export function candidateQuery(actor: TActor, sourceId: string, lookup: readonly string[]): SQL {
  const vector = ticketSearchVector(actor);
  const inScope = isStaff(actor) ? sql`` : sql` AND ${ticketSearch.organizationId} = ${actor.organizationId}`;
  const perToken = lookup.map(
    (t) =>
      sql`(SELECT ${ticketSearch.ticketId} AS id FROM ${ticketSearch} WHERE ${vector} @@ ${orQueryLiteral([t])}::tsquery${inScope} LIMIT ${PER_TOKEN})`,
  );
  return sql`SELECT c.id FROM (${sql.join(perToken, sql` UNION ALL `)}) AS c
    WHERE c.id <> ${sourceId}
    GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT ${CANDIDATES}`;
}

export type TSimilarSource = {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  systemId: string | null;
  module: string | null;
};

/**
 * The resolved (or closed) tickets most like `source`, best first, in the actor's scope: a customer
 * compares against the public documents of their own organization only. Candidates come from the GIN
 * index, a bounded number per rare token; then each is scored by the share of the ticket's tokens it
 * holds, its text rank, and the same system and module.
 */
export async function findSimilarTickets(
  actor: TActor,
  source: TSimilarSource,
  tokens: readonly string[],
  limit = 5,
): Promise<TSimilarTicket[]> {
  if (tokens.length === 0) return [];
  const lookup = await lookupTokens(actor, tokens);
  if (lookup.length === 0) return [];
  const vector = ticketSearchVector(actor);
  const candidates = await db.execute<{ id: string }>(candidateQuery(actor, source.id, lookup));
  const ids = candidates.rows.map((r) => r.id);
  if (ids.length === 0) return [];

  const all = sql`${orQueryLiteral(tokens)}::tsquery`;
  const tokenArray = sql`ARRAY[${sql.join(
    tokens.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const rows = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      module: tickets.module,
      systemId: tickets.systemId,
      resolvedAt: tickets.resolvedAt,
      rank: sql<number>`ts_rank(${vector}, ${all}, 32)::real`,
      shared: sql<
        string[]
      >`ARRAY(SELECT u.lexeme FROM unnest(${vector}) AS u WHERE u.lexeme = ANY(${tokenArray}))`,
    })
    .from(ticketSearch)
    .innerJoin(tickets, eq(tickets.id, ticketSearch.ticketId))
    .where(
      and(
        inArray(ticketSearch.ticketId, ids),
        inArray(tickets.status, ['resolved', 'closed']),
        ticketScope(actor),
      ),
    );
  const need = Math.max(2, Math.ceil(tokens.length * MIN_SHARE));
  const sourceText = `${source.title}\n${source.description.slice(0, 4000)}`;
  return rows
    .filter((r) => r.shared.length >= Math.min(need, tokens.length))
    .map((r) => {
      const isSameSystem = source.systemId !== null && r.systemId === source.systemId;
      const isSameModule = source.module !== null && r.module === source.module;
      const score =
        r.shared.length / tokens.length +
        0.1 * r.rank +
        (isSameSystem ? SAME_SYSTEM_BONUS : 0) +
        (isSameModule ? SAME_MODULE_BONUS : 0);
      return { r, isSameSystem, isSameModule, score };
    })
    .sort((a, b) => b.score - a.score || (a.r.id < b.r.id ? 1 : -1))
    .slice(0, limit)
    .map(({ r, isSameSystem, isSameModule, score }) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      module: r.module as TSapModule | null,
      systemId: r.systemId,
      resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
      score: Math.round(score * 10_000) / 10_000,
      reasons: { sharedWords: sharedWords(sourceText, new Set(r.shared)), isSameSystem, isSameModule },
    }));
}
