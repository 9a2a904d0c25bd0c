import { and, eq, type SQL } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { organizationScope } from '../auth/scope.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { tickets } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { selectTicketView, type TTicketRow, type TTicketView } from './ticket-view.js';

export const TICKET = { en: 'ticket', ko: '티켓' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The condition that keeps a customer user inside their own organization's tickets. */
export function ticketScope(actor: TActor): SQL | undefined {
  return organizationScope(actor, tickets.organizationId);
}

function byRef(idOrNumber: string): SQL {
  return UUID.test(idOrNumber) ? eq(tickets.id, idOrNumber) : eq(tickets.number, idOrNumber.toUpperCase());
}

/** A ticket by id or number with the names its page shows, if the actor may see it. */
export async function getTicketView(
  actor: TActor,
  idOrNumber: string,
  tx: TDbOrTx = db,
): Promise<TTicketView> {
  const [view] = await selectTicketView(tx).where(and(byRef(idOrNumber), ticketScope(actor)));
  if (!view) throw new NotFound(TICKET);
  return view;
}

/** The ticket row, locked for the rest of the transaction, if the actor may see it. */
export async function lockTicket(actor: TActor, id: string, tx: TDbOrTx): Promise<TTicketRow> {
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(and(byRef(id), ticketScope(actor)))
    .for('update');
  if (!ticket) throw new NotFound(TICKET);
  return ticket;
}
