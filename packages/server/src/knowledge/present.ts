import type { TArticle, TArticleVersion, TLocale, TSapModule } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { iso } from '../http/types.js';
import { articleCode } from './article-scope.js';
import type { TArticleView } from './get-article.js';
import type { TArticleVersionView } from './list-article-versions.js';

/**
 * The article as the actor may see it. A customer gets the systems only of an article of their own
 * organization (a general article may name other customers' systems) and no use count.
 */
export function presentArticle(a: TArticleView, actor: TActor): TArticle {
  const staff = isStaff(actor);
  return {
    id: a.id,
    code: articleCode(a.number),
    organizationId: a.organizationId,
    title: a.title,
    body: a.body,
    language: a.language as TLocale,
    tags: a.tags,
    modules: a.modules as TSapModule[],
    systemIds: staff || a.organizationId === actor.organizationId ? a.systemIds : [],
    visibility: a.visibility,
    status: a.status,
    version: a.version,
    sourceTicketId: staff ? a.sourceTicketId : null,
    useCount: staff ? a.useCount : 0,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    publishedAt: iso(a.publishedAt),
  };
}

export function presentArticleVersion(v: TArticleVersionView): TArticleVersion {
  return {
    articleId: v.articleId,
    version: v.version,
    organizationId: v.organizationId,
    title: v.title,
    body: v.body,
    language: v.language as TLocale,
    tags: v.tags,
    modules: v.modules as TSapModule[],
    systemIds: v.systemIds,
    visibility: v.visibility as TArticleVersion['visibility'],
    status: v.status as TArticleVersion['status'],
    editedBy: v.editedBy ? { id: v.editedBy, name: v.editorName ?? '' } : null,
    createdAt: v.createdAt.toISOString(),
  };
}
