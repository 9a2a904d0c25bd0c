import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import type { TDbOrTx } from '../db/database.js';
import { MENTION } from '../mail-out/queue-mail.js';
import { notify } from './notify.js';

type TTicketRef = {
  id: string;
  number: string;
  title: string;
  requesterId: string | null;
  assigneeId: string | null;
};
type TCommentRef = { id: string; body: string; visibility: 'public' | 'internal' };

/** The users a comment mentions as `@[표시 이름](user:<uuid>)`, each once, in order. */
export function mentionedUserIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2]!.toLowerCase()))];
}

/**
 * Tells people of a new comment, in its transaction: a public reply by staff goes to the requester,
 * a customer's reply to the assignee (`public_reply`); staff named in the comment hear of it
 * (`mention`) — never a customer user, so an internal note reaches staff only. The author is never
 * told of their own comment, and nobody gets both notices for one comment.
 */
export async function notifyComment(
  tx: TDbOrTx,
  actor: TActor,
  ticket: TTicketRef,
  comment: TCommentRef,
): Promise<void> {
  const data = { number: ticket.number, title: ticket.title, commentId: comment.id, authorName: actor.name };
  const mail = { authorName: actor.name, commentBody: comment.body };
  const replied: (string | null)[] = [];
  if (comment.visibility === 'public') {
    replied.push(isStaff(actor) ? ticket.requesterId : ticket.assigneeId);
    await notify(tx, replied, {
      kind: 'public_reply',
      ticketId: ticket.id,
      data,
      mail,
      actorId: actor.userId,
    });
  }
  // notify() keeps `mention` to staff users (customers never receive it) and skips unknown ids.
  const mentioned = mentionedUserIds(comment.body).filter((id) => !replied.includes(id));
  await notify(tx, mentioned, { kind: 'mention', ticketId: ticket.id, data, mail, actorId: actor.userId });
}
