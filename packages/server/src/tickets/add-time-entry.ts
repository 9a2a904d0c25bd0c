import type { TCreateTimeEntry } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { checkContractHours } from '../contracts/check-contract-hours.js';
import { db } from '../db/current.js';
import { timeEntries } from '../db/schema.js';
import { appendEvent } from './append-event.js';
import { lockTicket } from './get-ticket.js';

export type TTimeEntryRow = typeof timeEntries.$inferSelect;

/** Logs the caller's minutes on a ticket. Time is internal: customers neither log nor see it. */
export async function addTimeEntry(
  actor: TActor,
  ticketRef: string,
  input: TCreateTimeEntry,
): Promise<TTimeEntryRow> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(actor, ticketRef, tx);
    assert(canWork(actor));
    const [entry] = await tx
      .insert(timeEntries)
      .values({
        ticketId: ticket.id,
        userId: actor.userId,
        minutes: input.minutes,
        workDate: input.date,
        billable: input.billable,
        workClass: input.workClass,
        note: input.note,
      })
      .returning();
    await appendEvent(tx, actor, ticket.id, {
      kind: 'time_entry',
      visibility: 'internal',
      subjectId: entry!.id,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'time_entry',
      entityId: entry!.id,
      after: entry,
    });
    await checkContractHours(tx, ticket, entry!.workDate);
    return entry!;
  });
}
