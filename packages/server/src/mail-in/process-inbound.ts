import { and, eq, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR, type TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { inboundMessages, mailMailboxes, users } from '../db/schema.js';
import { classifyNoise } from './classify-noise.js';
import {
  openTicketFromMessage,
  replyFromMessage,
  storeMessageFiles,
  type TInboundRow,
} from './file-message.js';
import { findThread } from './find-thread.js';
import { parseMessage, type TParsedMail } from './parse-message.js';
import type { TMailInSettings } from './settings.js';

/** A processing attempt older than this was cut short (a crash) and is taken up again. */
const STALE_CLAIM_MS = 10 * 60_000;

type TOutcome = { status: 'processed' | 'ignored' | 'triage' | 'rejected'; reason: string };

const WRITERS = ['customer', 'agent', 'manager', 'admin'];

/** The active user the message is from, as the actor its comment and files are written by. */
async function senderOf(mail: TParsedMail, row: TInboundRow): Promise<TActor | null> {
  if (!mail.fromAddress) return null;
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${mail.fromAddress}`, eq(users.isActive, true)));
  if (!user || !WRITERS.includes(user.role)) return null;
  const remote = typeof row.details.remoteAddress === 'string' ? row.details.remoteAddress : null;
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    name: user.name,
    locale: user.locale,
    sourceAddress: remote,
    via: 'token',
  };
}

/** The sender over its limit: this message and more than `ratePerHour` before it within the hour. */
async function isOverRate(row: TInboundRow, mail: TParsedMail, ratePerHour: number): Promise<boolean> {
  if (!mail.fromAddress || ratePerHour === 0) return false;
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(inboundMessages)
    .where(
      and(
        sql`lower(${inboundMessages.fromAddress}) = ${mail.fromAddress}`,
        gte(inboundMessages.receivedAt, new Date(row.receivedAt.getTime() - 3_600_000)),
        or(
          lt(inboundMessages.receivedAt, row.receivedAt),
          and(eq(inboundMessages.receivedAt, row.receivedAt), lt(inboundMessages.id, row.id)),
        ),
        ne(inboundMessages.id, row.id),
      ),
    );
  return count >= ratePerHour;
}

async function unknownSenderPolicy(row: TInboundRow, settings: TMailInSettings) {
  if (!row.mailboxId) return { policy: settings.unknownSender, defaultOrganizationId: null };
  const [box] = await db.select().from(mailMailboxes).where(eq(mailMailboxes.id, row.mailboxId));
  return {
    policy: box?.unknownSender ?? 'triage',
    defaultOrganizationId: box?.defaultOrganizationId ?? null,
  };
}

/** Decides what a message is and files it: a noise check, a reply to a ticket, a new ticket, or triage. */
async function handle(
  row: TInboundRow,
  mail: TParsedMail,
  settings: TMailInSettings,
  isForced: boolean,
  retryActor: TActor | null,
): Promise<TOutcome> {
  const noise = classifyNoise(mail, { mailDomain: settings.mailDomain, envelopeFrom: row.envelopeFrom });
  if (noise) return { status: 'ignored', reason: noise };
  if (!isForced && !row.ticketId && (await isOverRate(row, mail, settings.ratePerHour)))
    return { status: 'ignored', reason: 'rate_limited' };

  const sender = await senderOf(mail, row);
  // A retry resumes where the last attempt stopped: the ticket (and the comment) are there, files
  // may be missing. They are uploaded by the sender, or by the admin who retries.
  if (row.ticketId) {
    const uploader = sender ?? retryActor;
    if (!uploader) throw new Error('No user to stand as uploader of the remaining files');
    await storeMessageFiles(row, mail, uploader, row.ticketId, settings);
    // A ticket opened from triage by an admin keeps saying so.
    const wasTriaged = row.reason === 'unknown_sender' || row.reason === 'no_organization';
    return {
      status: 'processed',
      reason: row.commentId ? 'reply' : wasTriaged ? 'opened_by_admin' : 'new_ticket',
    };
  }
  const mailActor: TActor = {
    ...SYSTEM_ACTOR,
    name: 'Hamkke mail',
    sourceAddress: sender?.sourceAddress ?? null,
  };
  const { policy, defaultOrganizationId } = await unknownSenderPolicy(row, settings);
  if (!sender)
    return policy === 'reject'
      ? { status: 'rejected', reason: 'unknown_sender' }
      : { status: 'triage', reason: 'unknown_sender' };
  for (const candidate of await findThread(mail, settings.mailDomain)) {
    // A customer of another organization must not reach the ticket: their mail is new, not a reply.
    const mayAct = sender.role !== 'customer' || sender.organizationId === candidate.organizationId;
    const takesReplies = candidate.status !== 'closed' && candidate.status !== 'cancelled';
    if (!mayAct || !takesReplies) continue;
    await replyFromMessage(row, mail, {
      sender,
      ticketId: candidate.ticketId,
      ticketStatus: candidate.status,
      settings,
    });
    await db
      .update(inboundMessages)
      .set({
        details: sql`${inboundMessages.details} || ${JSON.stringify({ threadedBy: candidate.method })}::jsonb`,
      })
      .where(eq(inboundMessages.id, row.id));
    return { status: 'processed', reason: 'reply' };
  }

  const organizationId = sender.role === 'customer' ? sender.organizationId : defaultOrganizationId;
  if (!organizationId) return { status: 'triage', reason: 'no_organization' };
  await openTicketFromMessage(row, mail, {
    creator: mailActor,
    uploader: sender,
    organizationId,
    requesterId: sender.userId,
    settings,
  });
  return { status: 'processed', reason: 'new_ticket' };
}

/** Statuses a message is taken from automatically; an admin's retry also takes the final ones. */
const AUTOMATIC = ['received'] as const;
const ON_RETRY = ['received', 'failed', 'ignored', 'rejected', 'triage'] as const;

/**
 * Processes one stored message: claims it (so two processes never work it at once), parses it,
 * files it, and records the outcome. A failure leaves it `failed` with the error, to be retried;
 * steps already committed (the ticket, the comment, each file) are recorded and not repeated.
 */
export async function processInbound(
  id: string,
  settings: TMailInSettings,
  opts: { isRetry?: boolean; actor?: TActor } = {},
): Promise<TInboundRow | null> {
  const claimable = opts.isRetry ? ON_RETRY : AUTOMATIC;
  const now = new Date();
  const [row] = await db
    .update(inboundMessages)
    .set({
      status: 'processing',
      attempts: sql`${inboundMessages.attempts} + 1`,
      claimedAt: now,
      error: null,
    })
    .where(
      and(
        eq(inboundMessages.id, id),
        or(
          inArray(inboundMessages.status, [...claimable]),
          and(
            eq(inboundMessages.status, 'processing'),
            lt(inboundMessages.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
          ),
        ),
      ),
    )
    .returning();
  if (!row) return null;
  try {
    const mail = await parseMessage(row.raw);
    await db
      .update(inboundMessages)
      .set({
        messageId: mail.messageId,
        fromAddress: mail.fromAddress,
        fromName: mail.fromName,
        subject: mail.subject,
        bodyText: mail.text,
        quotedText: mail.quoted,
        bodyHtml: mail.html,
        details: sql`${inboundMessages.details} || ${JSON.stringify({
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            size: a.content.length,
          })),
        })}::jsonb`,
      })
      .where(eq(inboundMessages.id, id));
    const outcome = await handle(row, mail, settings, Boolean(opts.isRetry), opts.actor ?? null);
    const [done] = await db
      .update(inboundMessages)
      .set({ status: outcome.status, reason: outcome.reason, processedAt: new Date(), claimedAt: null })
      .where(eq(inboundMessages.id, id))
      .returning();
    return done!;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const [failed] = await db
      .update(inboundMessages)
      .set({ status: 'failed', error: message.slice(0, 2000), claimedAt: null })
      .where(eq(inboundMessages.id, id))
      .returning();
    return failed!;
  }
}

/**
 * Messages waiting to be processed (left by a restart), oldest first. A message younger than
 * `graceMs` is left alone: the listener that stored it is processing it right now.
 */
export async function pendingInboundIds(limit = 50, graceMs = 30_000): Promise<string[]> {
  const stale = new Date(Date.now() - STALE_CLAIM_MS);
  const rows = await db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(
      or(
        and(
          eq(inboundMessages.status, 'received'),
          lte(inboundMessages.receivedAt, new Date(Date.now() - graceMs)),
        ),
        and(eq(inboundMessages.status, 'processing'), lt(inboundMessages.claimedAt, stale)),
      ),
    )
    .orderBy(inboundMessages.receivedAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
