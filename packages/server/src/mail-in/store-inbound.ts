import { db } from '../db/current.js';
import { inboundMessages } from '../db/schema.js';

export type TStoreInbound = {
  source: 'smtp' | 'imap';
  raw: Buffer;
  mailboxId?: string;
  uidValidity?: number;
  uid?: number;
  envelopeFrom?: string | null;
  envelopeTo?: string[];
  remoteAddress?: string | null;
};

/** The Message-ID of the header block, read cheaply at once (processing parses the message properly). */
function peekMessageId(raw: Buffer): string | null {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block)?.[1]?.trim() ?? null;
  return field('Message-ID')?.match(/<[^>]+>/)?.[0] ?? null;
}

/**
 * Stores a message exactly as it arrived, in its own commit, before anything else is done with it.
 * An IMAP message already taken (same mailbox, UIDVALIDITY and UID) is not stored again: null.
 */
export async function storeInbound(input: TStoreInbound): Promise<string | null> {
  const messageId = peekMessageId(input.raw);
  const rows = await db
    .insert(inboundMessages)
    .values({
      source: input.source,
      raw: input.raw,
      size: input.raw.length,
      messageId,
      mailboxId: input.mailboxId ?? null,
      uidValidity: input.uidValidity ?? null,
      uid: input.uid ?? null,
      envelopeFrom: input.envelopeFrom ?? null,
      envelopeTo: input.envelopeTo ?? [],
      details: input.remoteAddress ? { remoteAddress: input.remoteAddress } : {},
    })
    .onConflictDoNothing({
      target: [inboundMessages.mailboxId, inboundMessages.uidValidity, inboundMessages.uid],
    })
    .returning({ id: inboundMessages.id });
  return rows[0]?.id ?? null;
}
