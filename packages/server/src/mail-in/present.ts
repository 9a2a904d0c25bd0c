import type { TInboundMessage, TInboundMessageDetail, TMailbox } from '@hamkke/core';
import type { mailMailboxes } from '../db/schema.js';
import { iso } from '../http/types.js';
import type { TInboundRow } from './file-message.js';

export type TInboundListRow = Omit<TInboundRow, 'raw'> & { ticketNumber: string | null };

/** A stored message for the admin list: never its raw bytes (those are a download of their own). */
export function presentInbound(row: TInboundListRow): TInboundMessage {
  return {
    id: row.id,
    source: row.source,
    mailboxId: row.mailboxId,
    messageId: row.messageId,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    subject: row.subject,
    size: row.size,
    receivedAt: row.receivedAt.toISOString(),
    status: row.status,
    reason: row.reason,
    error: row.error,
    attempts: row.attempts,
    processedAt: iso(row.processedAt),
    ticketId: row.ticketId,
    ticketNumber: row.ticketNumber,
    commentId: row.commentId,
  };
}

const THREAD_METHODS = ['message_id', 'hamkke_message_id', 'subject_number'] as const;
type TAttachmentInfo = { filename: string; contentType: string; size: number };

export function presentInboundDetail(row: TInboundListRow): TInboundMessageDetail {
  const attachments = Array.isArray(row.details.attachments)
    ? (row.details.attachments as TAttachmentInfo[])
    : [];
  return {
    ...presentInbound(row),
    envelopeFrom: row.envelopeFrom,
    envelopeTo: row.envelopeTo,
    bodyText: row.bodyText,
    quotedText: row.quotedText,
    bodyHtml: row.bodyHtml,
    threadedBy: THREAD_METHODS.find((m) => m === row.details.threadedBy) ?? null,
    remoteAddress: typeof row.details.remoteAddress === 'string' ? row.details.remoteAddress : null,
    attachments,
  };
}

/** A mailbox without its password: only whether one is set. */
export function presentMailbox(row: typeof mailMailboxes.$inferSelect): TMailbox {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    isTls: row.isTls,
    username: row.username,
    hasPassword: row.password.length > 0,
    folder: row.folder,
    pollSeconds: row.pollSeconds,
    isActive: row.isActive,
    unknownSender: row.unknownSender,
    defaultOrganizationId: row.defaultOrganizationId,
    lastPolledAt: iso(row.lastPolledAt),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
