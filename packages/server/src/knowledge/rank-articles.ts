import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { db } from '../db/current.js';
import { articleSearch, articles } from '../db/schema.js';
import { orQueryLiteral } from '../similar/similar-tokens.js';

export type TRankedArticle = {
  id: string;
  number: number;
  title: string;
  body: string;
  modules: string[];
  systemIds: string[];
  /** The tokens of the query the article holds. */
  shared: Set<string>;
  isSameSystem: boolean;
  isSameModule: boolean;
  score: number;
};

/** Articles looked at per ranking: the best by text rank among those holding any token. */
const CANDIDATES = 50;
/** What the same system and the same module add to a score of text alone (0 to about 1). */
export const SAME_SYSTEM_BONUS = 0.3;
export const SAME_MODULE_BONUS = 0.2;

/**
 * Articles in `scope` holding some of the tokens, best first: the share of the tokens they hold, plus
 * a little text rank, plus the same-system and same-module bonuses; below `minShare` of the tokens held
 * an article is left out (so one common word does not suggest everything).
 */
export async function rankArticles(opts: {
  scope: SQL | undefined;
  tokens: readonly string[];
  minShare: number;
  systemId?: string | null;
  module?: string | null;
  limit: number;
}): Promise<TRankedArticle[]> {
  const { tokens } = opts;
  if (tokens.length === 0) return [];
  const query = sql`${orQueryLiteral(tokens)}::tsquery`;
  const tokenArray = sql`ARRAY[${sql.join(
    tokens.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const rank = sql<number>`ts_rank(${articleSearch.vector}, ${query}, 32)::real`;
  const rows = await db
    .select({
      id: articles.id,
      number: articles.number,
      title: articles.title,
      body: articles.body,
      modules: articles.modules,
      systemIds: articles.systemIds,
      rank,
      shared: sql<
        string[]
      >`ARRAY(SELECT u.lexeme FROM unnest(${articleSearch.vector}) AS u WHERE u.lexeme = ANY(${tokenArray}))`,
    })
    .from(articleSearch)
    .innerJoin(articles, eq(articles.id, articleSearch.articleId))
    .where(and(sql`${articleSearch.vector} @@ ${query}`, opts.scope))
    .orderBy(desc(rank), desc(articles.id))
    .limit(CANDIDATES);
  const need = Math.max(1, Math.ceil(tokens.length * opts.minShare));
  return rows
    .filter((r) => r.shared.length >= need)
    .map((r) => {
      const isSameSystem = !!opts.systemId && r.systemIds.includes(opts.systemId);
      const isSameModule = !!opts.module && r.modules.includes(opts.module);
      const score =
        r.shared.length / tokens.length +
        0.1 * r.rank +
        (isSameSystem ? SAME_SYSTEM_BONUS : 0) +
        (isSameModule ? SAME_MODULE_BONUS : 0);
      return { ...r, shared: new Set(r.shared), isSameSystem, isSameModule, score };
    })
    .sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : -1))
    .slice(0, opts.limit);
}
