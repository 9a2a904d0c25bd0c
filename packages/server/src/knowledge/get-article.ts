import { and, eq, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { articles, articleTickets } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { articleRef, articleScope } from './article-scope.js';

export const ARTICLE = { en: 'article', ko: '지식 문서' };

export type TArticleRow = typeof articles.$inferSelect;
export type TArticleView = TArticleRow & { useCount: number };

/** How many tickets an article is linked to. */
export const useCountOf = sql<number>`(SELECT count(*)::int FROM ${articleTickets} WHERE ${articleTickets.articleId} = ${articles.id})`;

/** An article by id or code with its use count, if the actor may read it; otherwise not found. */
export async function getArticle(actor: TActor, idOrCode: string, tx: TDbOrTx = db): Promise<TArticleView> {
  const [row] = await tx
    .select({ article: articles, useCount: useCountOf })
    .from(articles)
    .where(and(articleRef(idOrCode), articleScope(actor)));
  if (!row) throw new NotFound(ARTICLE);
  return { ...row.article, useCount: row.useCount };
}

/** The article row, locked for the rest of the transaction, if the actor may read it. */
export async function lockArticle(actor: TActor, idOrCode: string, tx: TDbOrTx): Promise<TArticleRow> {
  const [row] = await tx
    .select()
    .from(articles)
    .where(and(articleRef(idOrCode), articleScope(actor)))
    .for('update');
  if (!row) throw new NotFound(ARTICLE);
  return row;
}

/** The article by id (no scope): for a use case that has just written it. */
export async function unscopedArticleView(tx: TDbOrTx, id: string): Promise<TArticleView> {
  // Unscoped: the caller wrote this article in the same request and was authorized for it.
  const [row] = await tx
    .select({ article: articles, useCount: useCountOf })
    .from(articles)
    .where(eq(articles.id, id));
  if (!row) throw new NotFound(ARTICLE);
  return { ...row.article, useCount: row.useCount };
}
