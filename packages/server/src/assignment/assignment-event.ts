import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { notifyOnCall } from '../oncall/notify-on-call.js';
import { eventInsert } from '../tickets/append-event.js';
import type { TAssignment } from './choose-assignee.js';

/**
 * The timeline event of an automatic assignment: a `changed` event by Hamkke (no person), internal,
 * whose changes show the new assignee and, as the `assignment` entry, who and why in Korean and English.
 * An on-call assignment also notifies the person on call.
 */
export async function assignmentEventInsert(tx: TDbOrTx, ticketId: string, assignment: TAssignment) {
  const assignee = { id: assignment.assigneeId, name: assignment.assigneeName };
  const changes = [
    { field: 'assignee', from: null, to: assignee },
    { field: 'assignment', from: null, to: assignment.explanation },
  ];
  await eventInsert(tx, SYSTEM_ACTOR, ticketId, {
    kind: 'changed',
    visibility: 'internal',
    data: { changes, assignment: assignment.explanation },
  });
  // An out-of-hours P1 incident pages the person on call (docs/oncall.md).
  if (assignment.explanation.rule === 'on_call') await notifyOnCall(tx, ticketId, assignment);
}
