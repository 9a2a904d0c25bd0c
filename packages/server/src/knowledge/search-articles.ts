import { highlightRanges, queryTokens, snippetOf, type TSapModule, type TSearchHit } from '@hamkke/core';
import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { articleSearch, articles } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { tsqueryLiteral } from '../search/ticket-search-document.js';
import { articleCode, articleScope } from './article-scope.js';
import { plainText } from './plain-text.js';

export type TArticleSearchQuery = {
  q: string;
  module?: TSapModule[];
  /** Articles for this organization: its own and the general ones. */
  organizationId?: string;
  limit: number;
  cursor?: string;
};

type TCursor = { k: string; s: number; id: string };

const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this query', ko: '이 검색에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this query', in: 'query' }],
);

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
 * Articles the actor may read holding every token of the query, best first: the cover-density rank
 * (title A > body, tags and modules B) plus 1 when the title alone holds every token. Staff find
 * every article (drafts and archived ones too); a customer only published public articles that are
 * general or their organization's. The search box (`GET /search?type=article`) answers with this.
 */
export async function searchArticles(
  actor: TActor,
  query: TArticleSearchQuery,
): Promise<{ items: TSearchHit[]; nextCursor: string | null }> {
  const tokens = queryTokens(query.q);
  if (tokens.length === 0) return { items: [], nextCursor: null };
  const key = `a:${tokens.join(' ')}`;
  const vector = sql`${articleSearch.vector}`;
  const matches = sql`${tsqueryLiteral(tokens)}::tsquery`;
  const inTitle = sql`${tsqueryLiteral(tokens, 'A')}::tsquery`;
  const score = sql<number>`(ts_rank_cd(${vector}, ${matches}, 32) + (${vector} @@ ${inTitle})::int)::real`;
  const conditions: (SQL | undefined)[] = [sql`${vector} @@ ${matches}`, articleScope(actor)];
  if (query.organizationId)
    conditions.push(or(isNull(articles.organizationId), eq(articles.organizationId, query.organizationId)));
  if (query.module?.length)
    conditions.push(
      sql`${articles.modules} && ARRAY[${sql.join(
        query.module.map((m) => sql`${m}`),
        sql`, `,
      )}]::text[]`,
    );
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, key);
    conditions.push(sql`(${score}, ${articles.id}) < (${cursor.s}::real, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({ id: articles.id, number: articles.number, title: articles.title, body: articles.body, score })
    .from(articleSearch)
    .innerJoin(articles, eq(articles.id, articleSearch.articleId))
    .where(and(...conditions))
    .orderBy(desc(score), desc(articles.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items = page.map((r): TSearchHit => {
    const title = r.title.normalize('NFC');
    const snippet = snippetOf(plainText(r.body).split('\n'), tokens);
    return {
      type: 'article',
      id: r.id,
      number: articleCode(r.number),
      title,
      titleHighlights: highlightRanges(title, tokens),
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: Math.round(r.score * 10_000) / 10_000,
    };
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify({ k: key, s: last.score, id: last.id } satisfies TCursor)).toString(
          'base64url',
        )
      : null;
  return { items, nextCursor };
}
