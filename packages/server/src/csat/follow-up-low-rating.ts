import { recordAudit } from '../audit/record-audit.js';
import { SYSTEM_ACTOR, type TActor } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { comments, type csatSurveys } from '../db/schema.js';
import { managerIds, notify } from '../notifications/notify.js';
import { refreshTicketSearch } from '../search/refresh-ticket-search.js';
import { appendEvent } from '../tickets/append-event.js';

/** Ratings of 1 and 2 call for a manager's follow-up. */
export const isLowRating = (rating: number) => rating <= 2;

type TAnswered = typeof csatSurveys.$inferSelect & { ticketNumber: string; ticketTitle: string };

/**
 * The follow-up of a low rating, in the answering transaction: an internal note on the ticket's
 * timeline (by Hamkke, staff only) quoting the rating and comment, and a `csat_low` notification to
 * every active manager, with the ticket, rating, comment and the agent of the resolution.
 */
export async function followUpLowRating(tx: TDbOrTx, survey: TAnswered, _by: TActor): Promise<void> {
  const comment = survey.comment ? `\n\n“${survey.comment}”` : '';
  const [note] = await tx
    .insert(comments)
    .values({
      ticketId: survey.ticketId,
      authorId: null,
      body: `[만족도 ${survey.rating}/5 · CSAT ${survey.rating}/5] 고객 만족도가 낮습니다. 관리자 후속 조치가 필요합니다 (low satisfaction: manager follow-up needed).${comment}`,
      visibility: 'internal',
    })
    .returning();
  await appendEvent(tx, SYSTEM_ACTOR, survey.ticketId, {
    kind: 'comment',
    visibility: 'internal',
    subjectId: note!.id,
  });
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: 'create',
    entityType: 'comment',
    entityId: note!.id,
    after: {
      ticketId: survey.ticketId,
      visibility: 'internal',
      length: note!.body.length,
      reason: 'csat_low',
    },
  });
  await refreshTicketSearch(tx, survey.ticketId);
  await notify(tx, await managerIds(tx), {
    kind: 'csat_low',
    ticketId: survey.ticketId,
    data: {
      surveyId: survey.id,
      rating: survey.rating,
      comment: survey.comment,
      ticketNumber: survey.ticketNumber,
      ticketTitle: survey.ticketTitle,
      agentId: survey.agentId,
    },
  });
}
