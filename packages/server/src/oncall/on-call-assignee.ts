import { KR_STANDARD, outOfHoursReason, type TPriority, whoIsOnCall } from '@hamkke/core';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { TAssignment } from '../assignment/choose-assignee.js';
import { loadCalendars } from '../calendars/load-calendars.js';
import type { TTx } from '../db/database.js';
import { oncallRotations, teams, users } from '../db/schema.js';
import { explainOnCall } from './explain-on-call.js';
import { loadOverrides, overrideRuleOf, ruleOf } from './get-rotation.js';

const WORKER_ROLES = ['agent', 'manager', 'admin'] as const;

/**
 * A new P1 incident opened out of hours on its contract's calendar goes to the person on call: of the
 * rotation of the first team covering the ticket (customer and module, customer, module — as the
 * round-robin orders them), else of the default rotation. Null otherwise (not a P1 incident, in
 * hours, no rotation, nobody on call): the normal assignment rules then apply. Costs no query for
 * any other ticket.
 */
export async function onCallAssignee(
  tx: TTx,
  ticket: {
    organizationId: string;
    module: string | null;
    type: string;
    priority: TPriority;
    /** The contract's own calendar (not the 24x7 one a P1 SLA may run on); null without a contract. */
    calendarKey: string | null;
  },
  at = new Date(),
): Promise<TAssignment | null> {
  if (ticket.type !== 'incident' || ticket.priority !== 'P1') return null;
  const calendarKey = ticket.calendarKey ?? KR_STANDARD.key;
  const calendar = (await loadCalendars(tx)).get(calendarKey)?.calendar ?? KR_STANDARD;
  const outOfHours = outOfHoursReason(at, calendar);
  if (!outOfHours) return null;

  const covers = sql`(cardinality(${teams.organizationIds}) > 0 OR cardinality(${teams.modules}) > 0)
    AND (cardinality(${teams.organizationIds}) = 0 OR ${ticket.organizationId}::uuid = ANY(${teams.organizationIds}))
    AND (cardinality(${teams.modules}) = 0 OR ${ticket.module}::text = ANY(${teams.modules}))`;
  const rotations = await tx
    .select({ r: oncallRotations, teamName: teams.name })
    .from(oncallRotations)
    .leftJoin(teams, eq(teams.id, oncallRotations.teamId))
    .where(or(isNull(oncallRotations.teamId), and(sql`${teams.id} IS NOT NULL`, covers)))
    .orderBy(
      sql`${oncallRotations.teamId} IS NULL`,
      sql`cardinality(${teams.organizationIds}) > 0 DESC`,
      sql`cardinality(${teams.modules}) > 0 DESC`,
      asc(teams.name),
    );
  if (rotations.length === 0) return null;
  const overrides = await loadOverrides(
    tx,
    rotations.map(({ r }) => r.id),
    at,
    new Date(at.getTime() + 1),
  );
  const found = rotations.map(({ r, teamName }) => ({
    rotation: { id: r.id, name: r.name, teamId: r.teamId, teamName },
    piece: whoIsOnCall(ruleOf(r), overrides.filter((o) => o.rotationId === r.id).map(overrideRuleOf), at),
  }));
  const ids = found.flatMap((f) => (f.piece ? [f.piece.userId] : []));
  if (ids.length === 0) return null;
  const people = await tx
    .select({ id: users.id, name: users.name, isActive: users.isActive, role: users.role })
    .from(users)
    .where(inArray(users.id, ids));
  const byId = new Map(people.map((p) => [p.id, p]));
  const isWorker = (id: string) => {
    const p = byId.get(id);
    return Boolean(p?.isActive && (WORKER_ROLES as readonly string[]).includes(p.role));
  };
  const skipped: { id: string; name: string }[] = [];
  for (const { rotation, piece } of found) {
    if (!piece) continue;
    if (!isWorker(piece.userId)) {
      skipped.push({ id: piece.userId, name: byId.get(piece.userId)?.name ?? '' });
      continue;
    }
    const assignee = { id: piece.userId, name: byId.get(piece.userId)!.name };
    return {
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      teamName: rotation.teamName,
      explanation: explainOnCall({ assignee, rotation, piece, outOfHours, calendarKey, skipped }),
    };
  }
  return null;
}
