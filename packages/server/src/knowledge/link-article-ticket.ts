import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { articles, articleTickets, tickets } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { getTicketView } from '../tickets/get-ticket.js';
import { articleCode, articleScope } from './article-scope.js';
import { ARTICLE, getArticle, lockArticle } from './get-article.js';

const LINK = { en: 'link between the article and the ticket', ko: '문서와 티켓의 연결' };
const MAY_LINK = {
  en: 'Only agents, managers and admins link articles to tickets',
  ko: '문서와 티켓 연결은 상담원, 팀장, 관리자만 할 수 있습니다',
};

/** Links the article to the ticket (once; linking again changes nothing) and audits a new link. */
export async function insertLink(
  tx: TDbOrTx,
  actor: TActor,
  articleId: string,
  ticketId: string,
): Promise<void> {
  const inserted = await tx
    .insert(articleTickets)
    .values({ articleId, ticketId, linkedBy: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId })
    .onConflictDoNothing()
    .returning();
  if (inserted.length > 0)
    await recordAudit(tx, actor, {
      action: 'link',
      entityType: 'article_ticket',
      entityId: articleId,
      after: { articleId, ticketId },
    });
}

/** Records that the article was used on the ticket: both must be in the actor's scope. */
export async function linkArticleTicket(actor: TActor, articleRef: string, ticketRef: string): Promise<void> {
  await db.transaction(async (tx) => {
    const article = await lockArticle(actor, articleRef, tx);
    assert(canWork(actor), MAY_LINK);
    const { ticket } = await getTicketView(actor, ticketRef, tx);
    await insertLink(tx, actor, article.id, ticket.id);
  });
}

/** Removes the link; a link that does not exist is not found. */
export async function unlinkArticleTicket(
  actor: TActor,
  articleRef: string,
  ticketId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const article = await lockArticle(actor, articleRef, tx);
    assert(canWork(actor), MAY_LINK);
    const removed = await tx
      .delete(articleTickets)
      .where(and(eq(articleTickets.articleId, article.id), eq(articleTickets.ticketId, ticketId)))
      .returning();
    if (removed.length === 0) throw new NotFound(LINK);
    await recordAudit(tx, actor, {
      action: 'unlink',
      entityType: 'article_ticket',
      entityId: article.id,
      before: { articleId: article.id, ticketId },
    });
  });
}

/** The tickets an article was used on, newest link first. Staff only: customers see articles, not their use. */
export async function listArticleTickets(actor: TActor, articleRef: string) {
  if (!isStaff(actor)) throw new NotFound(ARTICLE);
  const article = await getArticle(actor, articleRef);
  const rows = await db
    .select({
      ticketId: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      linkedAt: articleTickets.createdAt,
    })
    .from(articleTickets)
    .innerJoin(tickets, eq(tickets.id, articleTickets.ticketId))
    .where(eq(articleTickets.articleId, article.id))
    .orderBy(asc(articleTickets.createdAt), asc(tickets.id));
  return rows.map((r) => ({ ...r, linkedAt: r.linkedAt.toISOString() }));
}

/** The articles linked to a ticket that the actor may read. */
export async function listTicketArticles(actor: TActor, ticketRef: string) {
  const { ticket } = await getTicketView(actor, ticketRef);
  const rows = await db
    .select({
      articleId: articles.id,
      number: articles.number,
      title: articles.title,
      visibility: articles.visibility,
      status: articles.status,
      linkedAt: articleTickets.createdAt,
    })
    .from(articleTickets)
    .innerJoin(articles, eq(articles.id, articleTickets.articleId))
    .where(and(eq(articleTickets.ticketId, ticket.id), articleScope(actor)))
    .orderBy(asc(articleTickets.createdAt), asc(articles.id));
  return rows.map(({ number, ...r }) => ({
    ...r,
    code: articleCode(number),
    linkedAt: r.linkedAt.toISOString(),
  }));
}
