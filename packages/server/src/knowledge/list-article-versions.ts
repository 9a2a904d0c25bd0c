import { and, asc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { articleVersions, users } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { ARTICLE, getArticle } from './get-article.js';

const VERSION = { en: 'article version', ko: '문서 버전' };

export type TArticleVersionView = typeof articleVersions.$inferSelect & { editorName: string | null };

const select = () =>
  db
    .select({ version: articleVersions, editorName: users.name })
    .from(articleVersions)
    .leftJoin(users, eq(users.id, articleVersions.editedBy));

/**
 * Every version of an article, oldest first. Staff only: a past version may have been internal, so
 * customers read the current published text and nothing else.
 */
export async function listArticleVersions(actor: TActor, articleRef: string): Promise<TArticleVersionView[]> {
  if (!isStaff(actor)) throw new NotFound(ARTICLE);
  const article = await getArticle(actor, articleRef);
  const rows = await select()
    .where(eq(articleVersions.articleId, article.id))
    .orderBy(asc(articleVersions.version));
  return rows.map((r) => ({ ...r.version, editorName: r.editorName }));
}

/** One past (or the current) version of an article. Staff only. */
export async function getArticleVersion(
  actor: TActor,
  articleRef: string,
  version: number,
): Promise<TArticleVersionView> {
  if (!isStaff(actor)) throw new NotFound(ARTICLE);
  const article = await getArticle(actor, articleRef);
  const [row] = await select().where(
    and(eq(articleVersions.articleId, article.id), eq(articleVersions.version, version)),
  );
  if (!row) throw new NotFound(VERSION);
  return { ...row.version, editorName: row.editorName };
}
