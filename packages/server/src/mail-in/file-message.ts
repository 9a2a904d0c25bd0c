import { Readable } from 'node:stream';
import type { TCreateTicket } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { inboundMessages } from '../db/schema.js';
import { addAttachment, type TUpload } from '../tickets/add-attachment.js';
import { addComment } from '../tickets/add-comment.js';
import { createTicket } from '../tickets/create-ticket.js';
import { updateTicket } from '../tickets/update-ticket.js';
import type { TParsedMail } from './parse-message.js';
import type { TMailInSettings } from './settings.js';

export type TInboundRow = typeof inboundMessages.$inferSelect;

const TITLE_MAX = 200;
const BODY_MAX = 50_000;

/** The ticket title a subject gives: one line, at most 200 characters, never empty. */
export function titleOf(subject: string): string {
  const line = subject
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (line || '(제목 없음)').slice(0, TITLE_MAX);
}

function bodyOf(text: string, fallback: string): string {
  const body = text.replaceAll('\0', '').trim() || fallback;
  return body.length > BODY_MAX
    ? `${body.slice(0, BODY_MAX - 40)}\n\n(…이하 생략: 원문은 메일 보관함에 있음)`
    : body;
}

/** Each step, once committed, is recorded on the message so that a retry resumes after it. */
async function record(id: string, patch: Partial<TInboundRow>): Promise<void> {
  await db.update(inboundMessages).set(patch).where(eq(inboundMessages.id, id));
}

/**
 * A stored attachment goes through the same use case as an upload (addAttachment), so it lands in
 * the same storage with the same checks.
 */
function asUpload(part: TParsedMail['attachments'][number]): TUpload {
  return { content: Readable.from([part.content]), filename: part.filename, mimetype: part.contentType };
}

/** Stores the message's files not stored yet on the ticket, recording each as it is done. */
export async function storeMessageFiles(
  row: TInboundRow,
  mail: TParsedMail,
  actor: TActor,
  ticketId: string,
  settings: TMailInSettings,
): Promise<void> {
  for (let i = row.attachmentsStored; i < mail.attachments.length; i++) {
    await addAttachment(actor, ticketId, asUpload(mail.attachments[i]!), {
      dataDir: settings.dataDir,
      maxBytes: settings.maxAttachmentBytes,
    });
    await record(row.id, { attachmentsStored: i + 1 });
  }
}

/**
 * Opens a ticket from a message (requester as given, channel `email`), then keeps its attachments.
 * `creator` opens the ticket; `uploader` (a real user) stands as the uploader of the files.
 */
export async function openTicketFromMessage(
  row: TInboundRow,
  mail: TParsedMail,
  opts: {
    creator: TActor;
    uploader: TActor;
    organizationId: string;
    requesterId: string | null;
    type?: TCreateTicket['type'];
    settings: TMailInSettings;
  },
): Promise<string> {
  let ticketId = row.ticketId;
  if (!ticketId) {
    const view = await createTicket(opts.creator, {
      type: opts.type ?? 'inquiry',
      title: titleOf(mail.subject),
      description: bodyOf(mail.text, '(본문 없음)'),
      impact: 'medium',
      urgency: 'medium',
      organizationId: opts.organizationId,
      ...(opts.requesterId ? { requesterId: opts.requesterId } : {}),
      channel: 'email',
    });
    ticketId = view.ticket.id;
    await record(row.id, { ticketId });
  }
  await storeMessageFiles(row, mail, opts.uploader, ticketId, opts.settings);
  return ticketId;
}

/** Adds the reply as a public comment by its sender (which reopens a resolved ticket), then its files. */
export async function replyFromMessage(
  row: TInboundRow,
  mail: TParsedMail,
  opts: { sender: TActor; ticketId: string; ticketStatus: string; settings: TMailInSettings },
): Promise<void> {
  if (!row.commentId) {
    const comment = await addComment(opts.sender, opts.ticketId, {
      body: bodyOf(mail.text, mail.attachments.length ? '(첨부 파일)' : '(본문 없음)'),
      visibility: 'public',
    });
    // Ticket and comment are recorded together: a ticket without a comment means a new ticket.
    await record(row.id, { ticketId: opts.ticketId, commentId: comment.id });
    // addComment hands a customer's reply back to the team itself; a staff member's mail reopens too.
    if (opts.sender.role !== 'customer' && opts.ticketStatus === 'resolved')
      await updateTicket(opts.sender, opts.ticketId, { status: 'open' });
  }
  await storeMessageFiles(row, mail, opts.sender, opts.ticketId, opts.settings);
}
