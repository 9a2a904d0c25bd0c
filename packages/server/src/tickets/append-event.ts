import { eq, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { ticketEvents, tickets } from '../db/schema.js';

export type TEventInput = {
  kind: (typeof ticketEvents.$inferInsert)['kind'];
  visibility: 'public' | 'internal';
  subjectId?: string;
  data?: Record<string, unknown>;
};

/** The INSERT of a timeline event, to run alone or together with other writes (db/write-together.ts). */
export function eventInsert(tx: TDbOrTx, actor: TActor, ticketId: string, event: TEventInput) {
  return tx.insert(ticketEvents).values({
    ticketId,
    actorId: actor.userId === SYSTEM_ACTOR.userId ? null : actor.userId,
    kind: event.kind,
    visibility: event.visibility,
    subjectId: event.subjectId ?? null,
    data: event.data ?? {},
  });
}

/** Appends to the ticket's timeline in the caller's transaction and marks the ticket as updated. */
export async function appendEvent(
  tx: TDbOrTx,
  actor: TActor,
  ticketId: string,
  event: TEventInput,
): Promise<void> {
  await eventInsert(tx, actor, ticketId, event);
  if (event.kind !== 'created') {
    await tx.update(tickets).set({ updatedAt: sql`now()` }).where(eq(tickets.id, ticketId));
  }
}
