import { and, inArray, isNotNull, or } from 'drizzle-orm';
import { db } from '../db/current.js';
import { inboundMessages, tickets } from '../db/schema.js';
import { hamkkeMessageIdPattern } from './classify-noise.js';
import type { TParsedMail } from './parse-message.js';

export type TThreadMethod = 'message_id' | 'hamkke_message_id' | 'subject_number';
export type TThreadCandidate = {
  ticketId: string;
  organizationId: string;
  status: string;
  number: string;
  method: TThreadMethod;
};

/** `[ACME-000123]` or `ACME-000123` in a subject: `{ORGCODE}-{6 digits}`. */
const SUBJECT_NUMBER = /(?:^|[^A-Z0-9])([A-Z][A-Z0-9]{1,9}-\d{6})(?![0-9])/gi;

/**
 * The tickets a reply may belong to, best first: a stored inbound Message-ID it answers, a
 * Message-ID of Hamkke's outbound mail (which carries the ticket number), then a ticket number in
 * the subject. The caller decides whether the sender may act on each.
 */
export async function findThread(mail: TParsedMail, mailDomain: string): Promise<TThreadCandidate[]> {
  // In-Reply-To first, then References from the newest (the last) back.
  const refs = [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()])];
  const candidates: { ref: string; method: TThreadMethod }[] = [];
  const own = hamkkeMessageIdPattern(mailDomain);
  const byNumber: { number: string; method: TThreadMethod }[] = [];
  const storedIds = refs.length
    ? await db
        .select({ messageId: inboundMessages.messageId, ticketId: inboundMessages.ticketId })
        .from(inboundMessages)
        .where(and(inArray(inboundMessages.messageId, refs), isNotNull(inboundMessages.ticketId)))
    : [];
  for (const ref of refs) {
    const stored = storedIds.find((s) => s.messageId === ref);
    if (stored?.ticketId) candidates.push({ ref: stored.ticketId, method: 'message_id' });
    const match = own.exec(ref);
    if (match) byNumber.push({ number: match[1]!.toUpperCase(), method: 'hamkke_message_id' });
  }
  for (const m of mail.subject.matchAll(SUBJECT_NUMBER))
    byNumber.push({ number: m[1]!.toUpperCase(), method: 'subject_number' });

  const ids = candidates.map((c) => c.ref);
  const numbers = byNumber.map((n) => n.number);
  if (!ids.length && !numbers.length) return [];
  const found = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      organizationId: tickets.organizationId,
      status: tickets.status,
    })
    .from(tickets)
    .where(
      or(
        ids.length ? inArray(tickets.id, ids) : undefined,
        numbers.length ? inArray(tickets.number, numbers) : undefined,
      ),
    );
  const out: TThreadCandidate[] = [];
  const push = (t: (typeof found)[number] | undefined, method: TThreadMethod) => {
    if (t && !out.some((o) => o.ticketId === t.id))
      out.push({
        ticketId: t.id,
        organizationId: t.organizationId,
        status: t.status,
        number: t.number,
        method,
      });
  };
  for (const c of candidates)
    push(
      found.find((t) => t.id === c.ref),
      c.method,
    );
  for (const n of byNumber)
    push(
      found.find((t) => t.number === n.number),
      n.method,
    );
  return out;
}
