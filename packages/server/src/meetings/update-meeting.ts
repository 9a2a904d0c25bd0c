import type { TMeeting, TUpdateMeeting } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { meetings } from '../db/schema.js';
import { checkAttendees, getMeetingRow, presentMeetings } from './meetings.js';

/** Corrects a meeting's record (agents, managers, admins); its decisions stay as they were recorded. */
export async function updateMeeting(actor: TActor, id: string, input: TUpdateMeeting): Promise<TMeeting> {
  assert(canWork(actor));
  return db.transaction(async (tx) => {
    const before = await getMeetingRow(tx, id, true);
    const [row] = await tx
      .update(meetings)
      .set({
        ...(input.heldAt !== undefined ? { heldAt: new Date(input.heldAt) } : {}),
        ...(input.attendeeIds !== undefined
          ? { attendeeIds: await checkAttendees(tx, input.attendeeIds) }
          : {}),
        ...(input.guests !== undefined ? { guests: input.guests } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        updatedAt: new Date(),
      })
      .where(eq(meetings.id, id))
      .returning();
    const [meeting] = await presentMeetings(tx, [row!]);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      before,
      after: meeting,
    });
    return meeting!;
  });
}
