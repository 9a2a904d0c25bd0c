import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { comments, ticketSearch, tickets } from '../db/schema.js';
import { type TSearchableComment, ticketSearchVectors } from './ticket-search-document.js';

/** Ticket fields whose change changes what the ticket is found by. */
const SEARCHED_FIELDS = new Set(['title', 'description', 'sapNotes', 'transports']);
export const isSearchedField = (field: string): boolean => SEARCHED_FIELDS.has(field);

const BATCH_SIZE = 500;

/**
 * Rewrites the search documents of the tickets from their text and comments. Called by every use
 * case that changes that text, inside its transaction, so a search never sees an older text.
 */
export async function refreshTicketSearches(tx: TDbOrTx, ticketIds: readonly string[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const ids = [...ticketIds];
  const rows = await tx
    .select({
      id: tickets.id,
      organizationId: tickets.organizationId,
      createdAt: tickets.createdAt,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      sapNotes: tickets.sapNotes,
      transports: tickets.transports,
    })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  if (rows.length === 0) return;
  const notes = await tx
    .select({ ticketId: comments.ticketId, body: comments.body, visibility: comments.visibility })
    .from(comments)
    .where(inArray(comments.ticketId, ids))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const byTicket = new Map<string, TSearchableComment[]>();
  for (const c of notes) byTicket.set(c.ticketId, [...(byTicket.get(c.ticketId) ?? []), c]);
  await writeTicketSearches(tx, rows, byTicket);
}

type TSearchableTicket = Parameters<typeof ticketSearchVectors>[0] & {
  id: string;
  organizationId: string;
  createdAt: Date;
};

async function writeTicketSearches(
  tx: TDbOrTx,
  rows: readonly TSearchableTicket[],
  byTicket: ReadonlyMap<string, TSearchableComment[]>,
): Promise<void> {
  await tx
    .insert(ticketSearch)
    .values(
      rows.map((t) => ({
        ticketId: t.id,
        organizationId: t.organizationId,
        createdAt: t.createdAt,
        ...ticketSearchVectors(t, byTicket.get(t.id) ?? []),
      })),
    )
    .onConflictDoUpdate({
      target: ticketSearch.ticketId,
      set: {
        publicVector: sql`excluded.public_vector`,
        staffVector: sql`excluded.staff_vector`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * The INSERT of the search documents of a ticket just created, from the row in hand (it has no
 * comments yet), to run together with the ticket's other first writes (db/write-together.ts).
 */
export function newTicketSearchInsert(tx: TDbOrTx, ticket: TSearchableTicket) {
  return tx.insert(ticketSearch).values({
    ticketId: ticket.id,
    organizationId: ticket.organizationId,
    createdAt: ticket.createdAt,
    ...ticketSearchVectors(ticket, []),
  });
}

/** Rewrites one ticket's search documents; see refreshTicketSearches. */
export function refreshTicketSearch(tx: TDbOrTx, ticketId: string): Promise<void> {
  return refreshTicketSearches(tx, [ticketId]);
}

/**
 * Indexes up to one batch of the tickets after `after` (in id order) that have no search documents
 * yet. Returns how many, and the id to continue after.
 */
export async function backfillBatch(tx: TDbOrTx, after: string): Promise<{ count: number; lastId: string }> {
  const batch = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .leftJoin(ticketSearch, eq(ticketSearch.ticketId, tickets.id))
    .where(and(gt(tickets.id, after), isNull(ticketSearch.ticketId)))
    .orderBy(asc(tickets.id))
    .limit(BATCH_SIZE);
  if (batch.length === 0) return { count: 0, lastId: after };
  await refreshTicketSearches(
    tx,
    batch.map((t) => t.id),
  );
  return { count: batch.length, lastId: batch.at(-1)!.id };
}

/**
 * Indexes the tickets that have no search documents yet (those written before search existed, or
 * loaded in bulk), a batch at a time in id order, so it may be stopped and run again. Returns how many.
 */
export async function backfillTicketSearch(tx: TDbOrTx): Promise<number> {
  let done = 0;
  let after = FIRST_ID;
  for (;;) {
    const batch = await backfillBatch(tx, after);
    if (batch.count === 0) return done;
    done += batch.count;
    after = batch.lastId;
  }
}

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';
