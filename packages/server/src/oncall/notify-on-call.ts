import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TAssignment } from '../assignment/choose-assignee.js';
import type { TDbOrTx } from '../db/database.js';
import { mailOutbox, tickets, users } from '../db/schema.js';
import { publicUrl } from '../http/public-url.js';
import { loadMailSettings, mailDomain } from '../mail-out/mail-settings.js';
import { escapeHtml } from '../mail-out/render-mail.js';
import { notify } from '../notifications/notify.js';

/** The in-app notification kind of an on-call page; its mail is always sent (no preference can mute it). */
export const ONCALL_KIND = 'oncall_p1';

/**
 * Tells the person on call, in the ticket's creating transaction, that a P1 incident is theirs: an
 * in-app notification and a mail in the outbox (sent by the outbox worker after commit) when mail is
 * configured. A page must not be muted by a preference, so the mail is written here, not through the
 * preference-driven templates.
 */
export async function notifyOnCall(tx: TDbOrTx, ticketId: string, assignment: TAssignment): Promise<void> {
  const [row] = await tx
    .select({ number: tickets.number, title: tickets.title, email: users.email, locale: users.locale })
    .from(tickets)
    .innerJoin(users, eq(users.id, assignment.assigneeId))
    .where(eq(tickets.id, ticketId));
  if (!row) return;
  const reason = assignment.explanation.reason;
  await notify(tx, [assignment.assigneeId], {
    kind: ONCALL_KIND,
    ticketId,
    data: { number: row.number, title: row.title, reason },
  });
  const settings = await loadMailSettings(tx);
  if (!settings.isSending || !row.email) return;
  const locale = row.locale === 'en' ? 'en' : 'ko';
  const url = publicUrl(`/tickets/${row.number}`);
  const subject =
    locale === 'ko'
      ? `[당직 호출] P1 장애 ${row.number} ${row.title}`
      : `[On call] P1 incident ${row.number} ${row.title}`;
  const intro =
    locale === 'ko' ? '당직 중인 P1 장애가 배정되었습니다.' : 'A P1 incident was assigned to you on call.';
  const text = `${intro}\n\n${row.number} ${row.title}\n${reason[locale]}\n\n${url}\n`;
  const html = `<p>${escapeHtml(intro)}</p><p><strong>${escapeHtml(`${row.number} ${row.title}`)}</strong><br>${escapeHtml(reason[locale])}</p><p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
  const id = randomUUID();
  await tx.insert(mailOutbox).values({
    id,
    userId: assignment.assigneeId,
    toAddress: row.email,
    kind: ONCALL_KIND,
    ticketId,
    locale,
    subject,
    text,
    html,
    messageId: `<hamkke-${row.number}-${id}@${mailDomain()}>`,
  });
}
