import type { TCalendar } from '@hamkke/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import type { TTx } from '../db/database.js';
import {
  type contracts,
  inspectionOccurrences,
  inspectionSchedules,
  inspectionTemplates,
  primaryAgents,
  systems,
} from '../db/schema.js';
import { firstOccurrenceFrom, occurrenceOf, rruleOf, type TScheduleTiming, upcoming } from './occurrences.js';
import { calendarOfKey, type TScheduleRow } from './schedules.js';
import { ensureStandardTemplates } from './standard-templates.js';

type TContractRow = typeof contracts.$inferSelect;
type TRecurrence = TScheduleRow['recurrence'];

/**
 * The recurrence a cadence stands for: the 20th of every month, or of the last month of each quarter
 * (after the month's first half, before the month-end close customers keep free of changes).
 */
export function recurrenceOfCadence(cadence: 'monthly' | 'quarterly'): TRecurrence {
  return cadence === 'monthly'
    ? { kind: 'monthly', day: 20 }
    : { kind: 'quarterly', monthOfQuarter: 3, day: 20 };
}

const seoulToday = (now: Date) => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The next occurrence from today, never on or before the last one created (its key is taken). */
async function positionOf(
  tx: TTx,
  scheduleId: string | null,
  t: TScheduleTiming,
  calendar: TCalendar,
  now: Date,
) {
  const [last] = scheduleId
    ? await tx
        .select({ on: inspectionOccurrences.occurrenceOn })
        .from(inspectionOccurrences)
        .where(eq(inspectionOccurrences.scheduleId, scheduleId))
        .orderBy(desc(inspectionOccurrences.occurrenceOn))
        .limit(1)
    : [];
  let next = firstOccurrenceFrom(t, calendar, now);
  while (last && next && next <= last.on) next = upcoming(t, calendar, next, 2)[1]?.occurrenceOn ?? null;
  return { nextOccurrenceOn: next, nextCreateAt: next ? occurrenceOf(t, calendar, next).createAt : null };
}

/** Who runs a generated inspection: the customer's primary agent for Basis (BC), else the customer-wide one. */
async function assigneeOf(tx: TTx, organizationId: string): Promise<string | null> {
  const slots = await tx
    .select({ userId: primaryAgents.userId, module: primaryAgents.module })
    .from(primaryAgents)
    .where(eq(primaryAgents.organizationId, organizationId));
  return (slots.find((s) => s.module === 'BC') ?? slots.find((s) => s.module === null))?.userId ?? null;
}

/**
 * Keeps the schedules a contract's `inspectionCadence` stands for in step with it, in the contract's
 * transaction: with the `inspection` service and a cadence, one schedule per active PRD system of
 * the organization with the standard Basis template (`basis-monthly`) on the contract's calendar
 * (created if missing, cadence, end and calendar position updated, resumed if paused); with `none`
 * or without the service, those schedules are paused. Schedules managers made are never touched.
 */
export async function syncContractSchedules(
  tx: TTx,
  actor: TActor,
  contract: TContractRow,
  now = new Date(),
): Promise<void> {
  const generated = await tx
    .select()
    .from(inspectionSchedules)
    .where(
      and(eq(inspectionSchedules.contractId, contract.id), eq(inspectionSchedules.isFromContract, true)),
    );
  const cadence = contract.services.includes('inspection') ? contract.inspectionCadence : 'none';
  if (cadence === 'none') {
    for (const s of generated.filter((g) => g.status === 'active'))
      await save(tx, actor, s, { status: 'paused' }, now);
    return;
  }
  const calendar = await calendarOfKey(tx, contract.calendarKey);
  const recurrence = recurrenceOfCadence(cadence);
  const prd = await tx
    .select({ id: systems.id, sid: systems.sid, client: systems.client })
    .from(systems)
    .where(
      and(
        eq(systems.organizationId, contract.organizationId),
        eq(systems.tier, 'PRD'),
        eq(systems.isActive, true),
      ),
    )
    .orderBy(asc(systems.sid));
  for (const s of generated) {
    if (s.status === 'ended') continue;
    const timing = { ...s, recurrence, rrule: rruleOf(recurrence), endsOn: contract.endsOn };
    await save(
      tx,
      actor,
      s,
      {
        recurrence,
        rrule: timing.rrule,
        endsOn: contract.endsOn,
        status: 'active',
        ...(await positionOf(tx, s.id, timing, calendar, now)),
      },
      now,
    );
  }
  const missing = prd.filter((system) => !generated.some((g) => g.systemId === system.id));
  if (missing.length === 0) return;
  await ensureStandardTemplates(tx);
  const [template] = await tx
    .select({ id: inspectionTemplates.id })
    .from(inspectionTemplates)
    .where(eq(inspectionTemplates.key, 'basis-monthly'));
  const assigneeId = await assigneeOf(tx, contract.organizationId);
  for (const system of missing) {
    const timing: TScheduleTiming = {
      recurrence,
      rrule: rruleOf(recurrence),
      shift: 'next',
      leadBusinessDays: 3,
      windowStart: '09:00',
      windowEnd: '18:00',
      startsOn: [contract.startsOn, seoulToday(now)].sort().at(-1)!,
      endsOn: contract.endsOn,
    };
    const [row] = await tx
      .insert(inspectionSchedules)
      .values({
        ...timing,
        organizationId: contract.organizationId,
        contractId: contract.id,
        systemId: system.id,
        templateId: template!.id,
        name: `${system.sid}${system.client ? `/${system.client}` : ''} ${cadence === 'monthly' ? '월간' : '분기'} Basis 정기 점검`,
        assigneeId,
        isFromContract: true,
        ...(await positionOf(tx, null, timing, calendar, now)),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'inspection_schedule',
      entityId: row!.id,
      after: row,
    });
  }
}

async function save(tx: TTx, actor: TActor, before: TScheduleRow, patch: Partial<TScheduleRow>, now: Date) {
  const [after] = await tx
    .update(inspectionSchedules)
    .set({ ...patch, updatedAt: now })
    .where(eq(inspectionSchedules.id, before.id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'inspection_schedule',
    entityId: before.id,
    before,
    after,
  });
}

/** Whether a contract change concerns its generated schedules. */
export const touchesSchedules = (before: TContractRow, after: TContractRow): boolean =>
  before.inspectionCadence !== after.inspectionCadence ||
  before.services.join() !== after.services.join() ||
  before.calendarKey !== after.calendarKey ||
  before.startsOn !== after.startsOn ||
  before.endsOn !== after.endsOn;
