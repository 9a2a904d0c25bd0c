import { type SQL, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { articleSearch } from '../db/schema.js';
import { tsvectorLiteral } from '../search/ticket-search-document.js';

export type TSearchableArticle = {
  id: string;
  title: string;
  body: string;
  tags: string[];
  modules: string[];
};

/** Title weighs most (A), then the body with the tags and modules (B); built by the core tokenizer. */
export function articleVector(article: TSearchableArticle): SQL {
  const body = [article.body, ...article.tags, ...article.modules].join('\n');
  return sql`setweight(${tsvectorLiteral(article.title)}::tsvector, 'A') || setweight(${tsvectorLiteral(body)}::tsvector, 'B')`;
}

/** Rewrites the article's search document in the caller's transaction, so search never sees an older text. */
export async function refreshArticleSearch(tx: TDbOrTx, article: TSearchableArticle): Promise<void> {
  const vector = articleVector(article);
  await tx
    .insert(articleSearch)
    .values({ articleId: article.id, vector })
    .onConflictDoUpdate({ target: articleSearch.articleId, set: { vector } });
}
