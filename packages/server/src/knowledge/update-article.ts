import type { TUpdateArticle } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { articles } from '../db/schema.js';
import { Conflict } from '../http/errors.js';
import { checkArticle } from './check-article.js';
import { lockArticle, type TArticleView, unscopedArticleView } from './get-article.js';
import { writeArticleVersion } from './write-article-version.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Edits an article: every change is a new version (the old ones stay readable). The caller sends the
 * version it started from; if someone saved in between, the edit is refused (409), never merged.
 */
export async function updateArticle(
  actor: TActor,
  idOrCode: string,
  input: TUpdateArticle,
): Promise<TArticleView> {
  const id = await db.transaction(async (tx) => {
    const before = await lockArticle(actor, idOrCode, tx);
    assert(canWork(actor), {
      en: 'Only agents, managers and admins edit articles',
      ko: '지식 문서는 상담원, 팀장, 관리자만 수정할 수 있습니다',
    });
    const { version, ...fields } = input;
    if (version !== before.version) {
      const message = {
        en: `Someone else changed this article (now version ${before.version}, you had ${version}); reload and try again`,
        ko: `다른 사람이 이 문서를 먼저 변경했습니다 (현재 버전 ${before.version}, 요청 버전 ${version}). 새로 고친 뒤 다시 시도하세요`,
      };
      throw new Conflict(message, [{ path: 'version', message: message.en, in: 'body' }]);
    }
    const next = { ...before, ...fields };
    for (const key of ['tags', 'modules', 'systemIds'] as const) next[key] = [...new Set(next[key])];
    const changed = Object.keys(fields).filter(
      (k) => !same(before[k as keyof typeof before], next[k as keyof typeof next]),
    );
    if (changed.length === 0) return before.id;
    await checkArticle(tx, next);
    const now = new Date();
    const [after] = await tx
      .update(articles)
      .set({
        ...fields,
        tags: next.tags,
        modules: next.modules,
        systemIds: next.systemIds,
        version: before.version + 1,
        updatedBy: actor.userId,
        updatedAt: now,
        publishedAt: next.status === 'published' && !before.publishedAt ? now : before.publishedAt,
      })
      .where(eq(articles.id, before.id))
      .returning();
    await writeArticleVersion(tx, actor, after!);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'article',
      entityId: before.id,
      before,
      after,
    });
    return before.id;
  });
  return unscopedArticleView(db, id);
}
