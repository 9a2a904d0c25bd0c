import type { TCreateArticle } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { articles } from '../db/schema.js';
import { checkArticle } from './check-article.js';
import { type TArticleRow, type TArticleView, unscopedArticleView } from './get-article.js';
import { writeArticleVersion } from './write-article-version.js';

export type TNewArticle = TCreateArticle & { sourceTicketId?: string | null };

/** Writes a new article (version 1) with its version row, search document and audit row, in `tx`. */
export async function insertArticle(tx: TDbOrTx, actor: TActor, input: TNewArticle): Promise<TArticleRow> {
  await checkArticle(tx, input);
  const now = new Date();
  const by = actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId;
  const [row] = await tx
    .insert(articles)
    .values({
      ...input,
      systemIds: [...new Set(input.systemIds)],
      tags: [...new Set(input.tags)],
      modules: [...new Set(input.modules)],
      sourceTicketId: input.sourceTicketId ?? null,
      createdBy: by,
      updatedBy: by,
      createdAt: now,
      updatedAt: now,
      publishedAt: input.status === 'published' ? now : null,
    })
    .returning();
  await writeArticleVersion(tx, actor, row!);
  await recordAudit(tx, actor, { action: 'create', entityType: 'article', entityId: row!.id, after: row });
  return row!;
}

/** Creates an article. Agents, managers and admins write knowledge; viewers and customers read it. */
export async function createArticle(actor: TActor, input: TCreateArticle): Promise<TArticleView> {
  assert(canWork(actor), {
    en: 'Only agents, managers and admins write articles',
    ko: '지식 문서는 상담원, 팀장, 관리자만 작성할 수 있습니다',
  });
  return db.transaction(async (tx) => unscopedArticleView(tx, (await insertArticle(tx, actor, input)).id));
}
