import type { TCsatAnswer, TCsatSurvey } from '@hamkke/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { sha256 } from '../auth/secrets.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { csatSurveys, tickets, users } from '../db/schema.js';
import { AppError, Conflict, Forbidden, NotFound } from '../http/errors.js';
import { lockTicket } from '../tickets/get-ticket.js';
import { followUpLowRating, isLowRating } from './follow-up-low-rating.js';

type TSurveyRow = typeof csatSurveys.$inferSelect;
type TSurveyWithTicket = TSurveyRow & { ticketNumber: string; ticketTitle: string; ticketStatus: string };

export const SURVEY = { en: 'survey', ko: '만족도 조사' };

/** Why a survey can no longer be answered, or `open`. */
export function surveyState(s: TSurveyWithTicket, now = new Date()): TCsatSurvey['state'] {
  if (s.answeredAt) return 'answered';
  if (s.supersededAt) return 'superseded';
  if (s.expiresAt <= now) return 'expired';
  // Reopened: the resolution it asks about was withdrawn; the next resolution sends a new survey.
  if (s.ticketStatus !== 'resolved' && s.ticketStatus !== 'closed') return 'reopened';
  return 'open';
}

const GONE: Record<Exclude<TCsatSurvey['state'], 'open' | 'answered'>, { en: string; ko: string }> = {
  expired: {
    en: 'This survey has expired: answers are taken for 14 days after the resolution',
    ko: '만족도 조사 기간이 지났습니다. 해결 후 14일 동안만 응답할 수 있습니다',
  },
  superseded: {
    en: 'This survey was replaced by a newer one, sent when the ticket was resolved again',
    ko: '티켓이 다시 해결되어 새 만족도 조사로 대체되었습니다',
  },
  reopened: {
    en: 'The ticket was reopened: a new survey comes when it is resolved again',
    ko: '티켓이 다시 열렸습니다. 다시 해결되면 새 만족도 조사를 보내 드립니다',
  },
};

/** The error for a survey that cannot be answered: 409 once answered, 410 when expired or withdrawn. */
export function notAnswerable(state: TCsatSurvey['state']): AppError {
  if (state === 'answered')
    return new Conflict({
      en: 'This survey has already been answered; a survey is answered once',
      ko: '이미 응답한 만족도 조사입니다. 한 번만 응답할 수 있습니다',
    });
  return new AppError(410, `survey_${state}`, GONE[state as keyof typeof GONE]);
}

const withTicket = (tx: TDbOrTx) =>
  tx
    .select({
      survey: csatSurveys,
      ticketNumber: tickets.number,
      ticketTitle: tickets.title,
      ticketStatus: tickets.status,
    })
    .from(csatSurveys)
    .innerJoin(tickets, eq(tickets.id, csatSurveys.ticketId));

const flatten = (r: {
  survey: TSurveyRow;
  ticketNumber: string;
  ticketTitle: string;
  ticketStatus: string;
}) => ({
  ...r.survey,
  ticketNumber: r.ticketNumber,
  ticketTitle: r.ticketTitle,
  ticketStatus: r.ticketStatus,
});

/** The survey a link's token stands for; an unknown or altered token is not found (404). */
export async function surveyByToken(
  token: string,
  tx: TDbOrTx = db,
  lock = false,
): Promise<TSurveyWithTicket> {
  const query = withTicket(tx).where(eq(csatSurveys.tokenHash, sha256(token)));
  const [row] = lock ? await query.for('update', { of: csatSurveys }) : await query;
  if (!row) throw new NotFound(SURVEY);
  return flatten(row);
}

export function presentSurvey(s: TSurveyWithTicket, now = new Date()): TCsatSurvey {
  return {
    ticketId: s.ticketId,
    ticketNumber: s.ticketNumber,
    ticketTitle: s.ticketTitle,
    expiresAt: s.expiresAt.toISOString(),
    state: surveyState(s, now),
    rating: s.rating,
    comment: s.comment,
    answeredAt: s.answeredAt?.toISOString() ?? null,
  };
}

/** The requester as the actor of an answer given through the link they were sent. */
async function requesterActor(tx: TDbOrTx, s: TSurveyRow, sourceAddress: string | null): Promise<TActor> {
  const [u] = await tx.select().from(users).where(eq(users.id, s.requesterId));
  return {
    userId: s.requesterId,
    role: 'customer',
    organizationId: s.organizationId,
    name: u?.name ?? '',
    locale: u?.locale ?? 'ko',
    sourceAddress,
    via: 'token',
  };
}

/** Records the answer once, in one transaction with its audit row and, for a low rating, the follow-up. */
async function record(
  tx: TDbOrTx,
  s: TSurveyWithTicket,
  answer: TCsatAnswer,
  via: 'page' | 'portal' | 'signed_in',
  actor: TActor,
): Promise<TSurveyWithTicket> {
  const state = surveyState(s);
  if (state !== 'open') throw notAnswerable(state);
  const comment = answer.comment.trim();
  const [updated] = await tx
    .update(csatSurveys)
    .set({ rating: answer.rating, comment: comment || null, answeredAt: new Date(), answeredVia: via })
    .where(and(eq(csatSurveys.id, s.id), isNull(csatSurveys.answeredAt)))
    .returning();
  // The row was locked first, so this holds; a second answer in a race finds it answered above.
  if (!updated) throw notAnswerable('answered');
  await recordAudit(tx, actor, {
    action: 'answer',
    entityType: 'csat_survey',
    entityId: s.id,
    before: { rating: null },
    after: { rating: answer.rating, comment: comment || null, via },
  });
  if (isLowRating(answer.rating)) await followUpLowRating(tx, { ...s, ...updated }, actor);
  return { ...s, ...updated };
}

/** Answers a survey by its link's token, without signing in (the mail page or the portal). */
export async function answerSurveyByToken(
  token: string,
  answer: TCsatAnswer,
  via: 'page' | 'portal',
  sourceAddress: string | null,
): Promise<TSurveyWithTicket> {
  return db.transaction(async (tx) => {
    const survey = await surveyByToken(token, tx, true);
    return record(tx, survey, answer, via, await requesterActor(tx, survey, sourceAddress));
  });
}

/**
 * The signed-in requester rates their ticket: answers the ticket's latest survey, under the same
 * single-use rule as the link. Staff cannot rate; another user of the customer is refused (403).
 */
export async function rateTicket(
  actor: TActor,
  ticketRef: string,
  answer: TCsatAnswer,
): Promise<TSurveyWithTicket> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(actor, ticketRef, tx);
    if (isStaff(actor) || ticket.requesterId !== actor.userId)
      throw new Forbidden({
        en: 'Only the requester of the ticket may rate it',
        ko: '티켓 요청자만 만족도를 평가할 수 있습니다',
      });
    const [latest] = await withTicket(tx)
      .where(eq(csatSurveys.ticketId, ticket.id))
      .orderBy(desc(csatSurveys.sentAt), desc(csatSurveys.id))
      .limit(1)
      .for('update', { of: csatSurveys });
    if (!latest)
      throw new Conflict({
        en: 'This ticket has no satisfaction survey: one is sent when it is resolved',
        ko: '이 티켓에는 만족도 조사가 없습니다. 티켓이 해결되면 보내 드립니다',
      });
    return record(tx, flatten(latest), answer, 'signed_in', actor);
  });
}
