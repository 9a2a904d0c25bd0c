import type { TArticleDraftRequest, TSapModule } from '@hamkke/core';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { comments, users } from '../db/schema.js';
import { Conflict } from '../http/errors.js';
import { getTicketView } from '../tickets/get-ticket.js';
import { buildArticleDraft } from './build-article-draft.js';
import { insertArticle } from './create-article.js';
import { type TArticleView, unscopedArticleView } from './get-article.js';
import { insertLink } from './link-article-ticket.js';

/**
 * One click on a resolved (or closed) ticket: a draft article prefilled with its question, cause and
 * solution, its module, system and tags, kept to the ticket's organization unless made general, and
 * linked to the ticket.
 */
export async function draftArticleFromTicket(
  actor: TActor,
  ticketRef: string,
  input: TArticleDraftRequest,
): Promise<TArticleView> {
  return db.transaction(async (tx) => {
    const { ticket } = await getTicketView(actor, ticketRef, tx);
    assert(canWork(actor), {
      en: 'Only agents, managers and admins write articles',
      ko: '지식 문서는 상담원, 팀장, 관리자만 작성할 수 있습니다',
    });
    if (ticket.status !== 'resolved' && ticket.status !== 'closed') {
      const message = {
        en: `Only a resolved or closed ticket makes an article (this one is ${ticket.status})`,
        ko: `해결 또는 종료된 티켓만 지식 문서로 만들 수 있습니다 (현재 상태: ${ticket.status})`,
      };
      throw new Conflict(message, [{ path: 'status', message: message.en, in: 'path' }]);
    }
    const notes = await tx
      .select({
        body: comments.body,
        visibility: comments.visibility,
        createdAt: comments.createdAt,
        authorRole: users.role,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.ticketId, ticket.id), ne(comments.body, '')))
      .orderBy(asc(comments.createdAt), asc(comments.id));
    const draft = buildArticleDraft(
      ticket,
      notes.map((n) => ({ ...n, isByStaff: n.authorRole !== null && n.authorRole !== 'customer' })),
      input.visibility,
      input.isGeneral,
    );
    const article = await insertArticle(tx, actor, {
      ...draft,
      modules: draft.modules as TSapModule[],
      // A general article names no one's systems.
      systemIds: input.isGeneral ? [] : draft.systemIds,
      organizationId: input.isGeneral ? null : ticket.organizationId,
      visibility: input.visibility,
      status: 'draft',
      sourceTicketId: ticket.id,
    });
    await insertLink(tx, actor, article.id, ticket.id);
    return unscopedArticleView(tx, article.id);
  });
}
