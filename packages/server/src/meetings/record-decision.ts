import type { TCreateMeetingDecision, TMeetingDecision } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { improvements, meetingDecisions, meetings } from '../db/schema.js';
import { presentImprovements } from '../improvements/get-improvement.js';
import { checkOrganizations, checkWorkers } from '../teams/check-team-references.js';
import { openTicketIn } from '../tickets/create-ticket.js';
import { getMeetingRow, presentMeetings } from './meetings.js';

type TMeetingRow = typeof meetings.$inferSelect;

/** The decision's first line, as a title of at most `max` characters. */
const titleOf = (text: string, max: number) => {
  const line = text
    .split('\n')
    .find((l) => l.trim() !== '')!
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
const sourceLine = (m: TMeetingRow) =>
  `— ${m.week} 주간 공유회의 결정 (${m.heldAt.toISOString().slice(0, 10)}) / decision of the weekly meeting`;

async function toImprovement(
  tx: TTx,
  actor: TActor,
  m: TMeetingRow,
  input: Extract<TCreateMeetingDecision, { becomes: 'improvement' }>,
) {
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  if (ownerId && ownerId !== actor.userId) await checkWorkers(tx, 'ownerId', [ownerId]);
  const [row] = await tx
    .insert(improvements)
    .values({
      title: input.title ?? titleOf(input.text, 200),
      description: `${input.text}\n\n${sourceLine(m)}`,
      kind: input.kind,
      origin: 'meeting_decision',
      ownerId,
      createdById: actor.userId,
    })
    .returning();
  const [created] = await presentImprovements(tx, [row!]);
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'improvement',
    entityId: row!.id,
    after: created,
  });
  return row!.id;
}

/** A ticket opened as createTicket opens one (numbering, contract SLA, assignment rules), inside the decision's transaction. */
async function toTicket(
  tx: TTx,
  actor: TActor,
  m: TMeetingRow,
  input: Extract<TCreateMeetingDecision, { becomes: 'ticket' }>,
) {
  await checkOrganizations(tx, 'organizationId', [input.organizationId]);
  const { ticket } = await openTicketIn(tx, actor, input.organizationId, {
    organizationId: input.organizationId,
    systemId: input.systemId,
    assigneeId: input.assigneeId,
    type: input.type,
    title: input.title ?? titleOf(input.text, 300),
    description: `${input.text}\n\n${sourceLine(m)}`,
    impact: 'medium',
    urgency: 'medium',
    channel: 'internal',
  });
  return ticket.id;
}

/**
 * Records a decision of the meeting and, in the same transaction, what it becomes: an improvement
 * item (origin `meeting_decision`) or a ticket; the decision links to it. Agents, managers, admins.
 */
export async function recordDecision(
  actor: TActor,
  meetingId: string,
  input: TCreateMeetingDecision,
): Promise<TMeetingDecision> {
  assert(canWork(actor));
  return db.transaction(async (tx) => {
    const m = await getMeetingRow(tx, meetingId, true);
    const improvementId = input.becomes === 'improvement' ? await toImprovement(tx, actor, m, input) : null;
    const ticketId = input.becomes === 'ticket' ? await toTicket(tx, actor, m, input) : null;
    const [decision] = await tx
      .insert(meetingDecisions)
      .values({
        meetingId,
        text: input.text,
        becomes: input.becomes,
        improvementId,
        ticketId,
        createdById: actor.userId,
      })
      .returning();
    await tx.update(meetings).set({ updatedAt: new Date() }).where(eq(meetings.id, meetingId));
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'meeting_decision',
      entityId: decision!.id,
      after: decision,
    });
    const [presented] = await presentMeetings(tx, [m]);
    return presented!.decisions.find((d) => d.id === decision!.id)!;
  });
}
