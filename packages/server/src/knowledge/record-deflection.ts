import { and, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { articleDeflections, articles } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { articleCode } from './article-scope.js';
import { ARTICLE, getArticle } from './get-article.js';

/** `YYYY-MM` of the instant in Seoul: the team counts by Korean months. */
export function seoulMonth(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}

/**
 * The portal reports that the article answered a customer's question and no inquiry was submitted.
 * Counted per article and month (Seoul). Only customer users deflect: staff reading an article is not
 * an inquiry avoided.
 */
export async function recordDeflection(actor: TActor, articleRef: string, query: string) {
  const article = await getArticle(actor, articleRef);
  assert(!isStaff(actor), {
    en: 'Only customer users report that an article answered their inquiry',
    ko: '문서로 문의가 해결되었다는 보고는 고객 사용자만 할 수 있습니다',
  });
  const month = seoulMonth(new Date());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(articleDeflections)
      .values({
        articleId: article.id,
        userId: actor.userId,
        organizationId: actor.organizationId,
        month,
        query,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'deflect',
      entityType: 'article',
      entityId: article.id,
      after: row,
    });
    const [n] = await tx
      .select({ n: count() })
      .from(articleDeflections)
      .where(and(eq(articleDeflections.articleId, article.id), eq(articleDeflections.month, month)));
    return { articleId: article.id, month, count: n!.n };
  });
}

/** How many inquiries the article answered, per month (newest first) and in all. Staff only. */
export async function getDeflectionStats(actor: TActor, articleRef: string) {
  if (!isStaff(actor)) throw new NotFound(ARTICLE);
  const article = await getArticle(actor, articleRef);
  const months = await db
    .select({ month: articleDeflections.month, count: sql<number>`count(*)::int` })
    .from(articleDeflections)
    .where(eq(articleDeflections.articleId, article.id))
    .groupBy(articleDeflections.month)
    .orderBy(sql`${articleDeflections.month} DESC`);
  return { articleId: article.id, total: months.reduce((sum, m) => sum + m.count, 0), months };
}

/** Every article's deflections in one month (Seoul), most first: for the monthly report. Staff only. */
export async function listDeflectionsOfMonth(actor: TActor, month = seoulMonth(new Date())) {
  assert(isStaff(actor));
  const rows = await db
    .select({
      articleId: articles.id,
      number: articles.number,
      title: articles.title,
      count: sql<number>`count(*)::int`,
    })
    .from(articleDeflections)
    .innerJoin(articles, eq(articles.id, articleDeflections.articleId))
    .where(eq(articleDeflections.month, month))
    .groupBy(articles.id)
    .orderBy(sql`count(*) DESC`, articles.number);
  return {
    month,
    total: rows.reduce((sum, r) => sum + r.count, 0),
    items: rows.map(({ number, ...r }) => ({ ...r, code: articleCode(number) })),
  };
}
