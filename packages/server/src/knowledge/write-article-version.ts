import { SYSTEM_ACTOR, type TActor } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { articleVersions } from '../db/schema.js';
import { refreshArticleSearch } from './article-search-document.js';
import type { TArticleRow } from './get-article.js';

/**
 * What follows every article write, in its transaction: the version row (the history holds every
 * version, the current one included) and a fresh search document.
 */
export async function writeArticleVersion(tx: TDbOrTx, actor: TActor, article: TArticleRow): Promise<void> {
  await tx.insert(articleVersions).values({
    articleId: article.id,
    version: article.version,
    organizationId: article.organizationId,
    title: article.title,
    body: article.body,
    language: article.language,
    tags: article.tags,
    modules: article.modules,
    systemIds: article.systemIds,
    visibility: article.visibility,
    status: article.status,
    editedBy: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId,
    createdAt: article.updatedAt,
  });
  await refreshArticleSearch(tx, article);
}
