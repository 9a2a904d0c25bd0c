import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import type { TDbOrTx } from '../db/database.js';
import { csatSurveys, users } from '../db/schema.js';
import { publicUrl } from '../http/public-url.js';
import { notify } from '../notifications/notify.js';
import type { TTicketRow } from '../tickets/ticket-view.js';

/** How long a survey link may be answered. */
export const SURVEY_DAYS = 14;

/** The survey page's address for a token: what the mail links to (with `?rating=1..5`). */
export const surveyUrl = (token: string) => publicUrl(`/csat/${token}`);

/**
 * Sends the satisfaction survey of a resolution, in the resolving transaction: to the requester if
 * there is one and it is an active customer user. A survey of an earlier resolution still
 * unanswered is superseded by this one (one open survey per ticket); an answered one stays counted.
 * The token is 32 random bytes, stored as its sha256 only; the link goes out in a `ticket_resolved`
 * notification, which the mail renders. Returns the token, or null when no survey is sent.
 */
export async function onTicketResolved(
  tx: TDbOrTx,
  ticket: TTicketRow,
  actor: TActor,
): Promise<string | null> {
  const now = new Date();
  await tx
    .update(csatSurveys)
    .set({ supersededAt: now })
    .where(
      and(
        eq(csatSurveys.ticketId, ticket.id),
        isNull(csatSurveys.answeredAt),
        isNull(csatSurveys.supersededAt),
      ),
    );
  if (!ticket.requesterId) return null;
  const [requester] = await tx
    .select({ role: users.role, isActive: users.isActive, organizationId: users.organizationId })
    .from(users)
    .where(eq(users.id, ticket.requesterId));
  const isCustomer =
    requester?.role === 'customer' &&
    requester.isActive &&
    requester.organizationId === ticket.organizationId;
  if (!isCustomer) return null;

  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SURVEY_DAYS * 86_400_000);
  const [survey] = await tx
    .insert(csatSurveys)
    .values({
      ticketId: ticket.id,
      organizationId: ticket.organizationId,
      requesterId: ticket.requesterId,
      agentId: ticket.assigneeId ?? (isStaff(actor) ? actor.userId : null),
      module: ticket.module,
      tokenHash: sha256(token),
      sentAt: now,
      expiresAt,
    })
    .returning({ id: csatSurveys.id });
  await notify(tx, [ticket.requesterId], {
    kind: 'ticket_resolved',
    ticketId: ticket.id,
    data: {
      surveyUrl: surveyUrl(token),
      surveyExpiresAt: expiresAt.toISOString(),
      ticketNumber: ticket.number,
      ticketTitle: ticket.title,
    },
  });
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'csat_survey',
    entityId: survey!.id,
    after: { ticketId: ticket.id, requesterId: ticket.requesterId, expiresAt: expiresAt.toISOString() },
  });
  return token;
}
