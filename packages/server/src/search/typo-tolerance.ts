import { queryTokens } from '@hamkke/core';
import { inArray, sql } from 'drizzle-orm';
import { db } from '../db/current.js';
import { searchVocabulary } from '../db/schema.js';

/** A word typo tolerance may correct: Latin letters only (no digits: SAP codes such as ME21N stay exact). */
const CORRECTABLE = /^[a-z]{4,40}$/;
/** How alike (pg_trgm similarity, 0 to 1) a known word must be to stand in for an unknown one. */
const MIN_SIMILARITY = 0.3;
/** At most this many known words stand in for one unknown word. */
const MAX_ALTERNATIVES = 3;

/**
 * The vocabulary (search_vocabulary) holds the Latin words of every ticket's search documents; a
 * trigger on ticket_search keeps it current on every write (migration `search-vocabulary-sql`).
 *
 * A query as the backends run it: each group is one word of the query and the tokens that may
 * stand for it (the word itself, or for a misspelt Latin word the known words most like it); every
 * group must match. `tokens` are all of them, for highlighting.
 */
export type TQueryPlan = { tokens: string[]; groups: string[][]; corrected: Record<string, string[]> };

/**
 * The plan of a query: its tokens, each a group of its own, except a Latin word that no indexed text
 * holds (`matrial`), which stands for the known words most like it by trigram similarity
 * (`material`). A word the vocabulary knows is never corrected, so `ME21` and `ME21N` stay apart.
 */
export async function planQuery(
  q: string,
  knownElsewhere: (token: string) => boolean = () => false,
): Promise<TQueryPlan> {
  const tokens = queryTokens(q);
  const candidates = tokens.filter((t) => CORRECTABLE.test(t) && !knownElsewhere(t));
  const corrected: Record<string, string[]> = {};
  if (candidates.length > 0) {
    const known = new Set(
      (
        await db
          .select({ token: searchVocabulary.token })
          .from(searchVocabulary)
          .where(inArray(searchVocabulary.token, candidates))
      ).map((r) => r.token),
    );
    for (const word of candidates.filter((t) => !known.has(t))) {
      const rows = await db.execute<{ token: string }>(sql`
        SELECT token FROM ${searchVocabulary}
        WHERE token % ${word} AND similarity(token, ${word}) >= ${MIN_SIMILARITY}
        ORDER BY similarity(token, ${word}) DESC, token LIMIT ${MAX_ALTERNATIVES}`);
      const alternatives = rows.rows.map((r) => r.token);
      if (alternatives.length > 0) corrected[word] = alternatives;
    }
  }
  const groups = tokens.map((t) => corrected[t] ?? [t]);
  return { tokens: [...new Set(groups.flat())], groups, corrected };
}

const quote = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** A tsquery literal of the plan: groups ANDed, the tokens of a group ORed, each limited to the weights. */
export function planTsquery(plan: TQueryPlan, weights = ''): string {
  const term = (t: string) => `${quote(t)}${weights ? `:${weights}` : ''}`;
  return plan.groups.map((g) => (g.length === 1 ? term(g[0]!) : `(${g.map(term).join(' | ')})`)).join(' & ');
}

/** Whether a set of a document's tokens holds every group of the plan. */
export const holdsPlan = (plan: TQueryPlan, tokens: ReadonlySet<string>): boolean =>
  plan.groups.every((g) => g.some((t) => tokens.has(t)));
