import { eq, getTableColumns } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { inboundMessages, tickets } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TInboundListRow } from './present.js';

export const INBOUND_MESSAGE = { en: 'inbound message', ko: '수신 메일' };
export const MAIL_ADMIN_ONLY = {
  en: 'Only admins manage mail intake',
  ko: '메일 수신 관리는 운영자(admin)만 할 수 있습니다',
};

const { raw: _raw, ...listColumns } = getTableColumns(inboundMessages);
/** The columns of a stored message without its raw bytes, and the number of its ticket. */
export const inboundListColumns = { ...listColumns, ticketNumber: tickets.number };

/** One stored message (without its raw bytes), for admins. */
export async function getInboundMessage(
  actor: TActor,
  id: string,
  tx: TDbOrTx = db,
): Promise<TInboundListRow> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  const [row] = await tx
    .select(inboundListColumns)
    .from(inboundMessages)
    .leftJoin(tickets, eq(tickets.id, inboundMessages.ticketId))
    .where(eq(inboundMessages.id, id));
  if (!row) throw new NotFound(INBOUND_MESSAGE);
  return row;
}

/** The message exactly as it arrived, for download. */
export async function getInboundRaw(actor: TActor, id: string): Promise<Buffer> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  const [row] = await db
    .select({ raw: inboundMessages.raw })
    .from(inboundMessages)
    .where(eq(inboundMessages.id, id));
  if (!row) throw new NotFound(INBOUND_MESSAGE);
  return row.raw;
}
