import {
  KR_STANDARD,
  type TCalendar,
  type TCreateInspectionSchedule,
  type TInspectionOccurrence,
  type TInspectionSchedule,
  type TUpdateInspectionSchedule,
} from '@hamkke/core';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, isStaff } from '../auth/policy.js';
import { loadCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import {
  contracts,
  inspectionOccurrences,
  inspectionSchedules,
  inspectionTemplates,
  systems,
  tickets,
  users,
} from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { firstOccurrenceFrom, occurrenceOf, rruleOf, type TScheduleTiming, upcoming } from './occurrences.js';

export const SCHEDULE = { en: 'inspection schedule', ko: '점검 일정' };
const MANAGERS_ONLY = {
  en: 'Only managers and admins set up inspection schedules',
  ko: '점검 일정은 관리자와 팀장만 설정할 수 있습니다',
};

export type TScheduleRow = typeof inspectionSchedules.$inferSelect;

/** The business calendar of a contract (by its calendarKey); the standard Korean one if it is gone. */
export async function calendarOfKey(tx: TDbOrTx, key: string): Promise<TCalendar> {
  return (await loadCalendars(tx, { maySnapshot: tx === db })).get(key)?.calendar ?? KR_STANDARD;
}

const seoulToday = (now: Date) => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);

export function presentOccurrence(
  o: ReturnType<typeof occurrenceOf>,
  ticket: { id: string; number: string } | null,
): TInspectionOccurrence {
  return {
    occurrenceOn: o.occurrenceOn,
    dueOn: o.dueOn,
    createAt: o.createAt.toISOString(),
    plannedStart: o.plannedStart.toISOString(),
    plannedEnd: o.plannedEnd.toISOString(),
    ticket,
  };
}

export function presentSchedule(
  s: TScheduleRow,
  calendarKey: string,
  calendar: TCalendar,
): TInspectionSchedule {
  return {
    id: s.id,
    organizationId: s.organizationId,
    contractId: s.contractId,
    systemId: s.systemId,
    templateId: s.templateId,
    name: s.name,
    recurrence: s.recurrence as TInspectionSchedule['recurrence'],
    rrule: s.rrule,
    shift: s.shift,
    leadBusinessDays: s.leadBusinessDays,
    windowStart: s.windowStart,
    windowEnd: s.windowEnd,
    assigneeId: s.assigneeId,
    team: s.team,
    impact: s.impact as TInspectionSchedule['impact'],
    urgency: s.urgency as TInspectionSchedule['urgency'],
    calendarKey,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    status: s.status,
    nextOccurrence:
      s.status === 'active' && s.nextOccurrenceOn
        ? presentOccurrence(occurrenceOf(s, calendar, s.nextOccurrenceOn), null)
        : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

async function checkRefs(
  tx: TDbOrTx,
  organizationId: string,
  input: { templateId?: string; systemId?: string | null; assigneeId?: string | null },
) {
  if (input.templateId) {
    const [t] = await tx
      .select({ id: inspectionTemplates.id })
      .from(inspectionTemplates)
      .where(eq(inspectionTemplates.id, input.templateId));
    if (!t)
      throw new Invalid('templateId', { en: 'No such inspection template', ko: '점검 템플릿이 없습니다' });
  }
  if (input.systemId) {
    const [s] = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(and(eq(systems.id, input.systemId), eq(systems.organizationId, organizationId)));
    if (!s)
      throw new Invalid('systemId', {
        en: 'No such system of this organization',
        ko: '이 고객사의 시스템이 아닙니다',
      });
  }
  if (input.assigneeId) {
    const [u] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.assigneeId));
    if (!u || u.role === 'customer' || u.role === 'viewer')
      throw new Invalid('assigneeId', {
        en: 'The assignee must be an agent, manager or admin',
        ko: '담당자는 상담원·팀장·관리자여야 합니다',
      });
  }
}

function checkWindow(t: { windowStart: string; windowEnd: string }) {
  if (t.windowEnd <= t.windowStart)
    throw new Invalid('windowEnd', {
      en: 'windowEnd must be after windowStart',
      ko: 'windowEnd는 windowStart보다 늦어야 합니다',
    });
}

/** Where the schedule stands: its next occurrence without a ticket, due today or later, and when to create it. */
function nextFrom(t: TScheduleTiming, calendar: TCalendar, now: Date) {
  const next = firstOccurrenceFrom(t, calendar, now);
  return {
    nextOccurrenceOn: next,
    nextCreateAt: next ? occurrenceOf(t, calendar, next).createAt : null,
  };
}

async function contractOf(tx: TDbOrTx, contractId: string) {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
  if (!c) throw new Invalid('contractId', { en: 'No such contract', ko: '계약이 없습니다' });
  return c;
}

/** A schedule for a contract (and optionally one of its systems), starting with the first occurrence due from today. */
export async function createSchedule(actor: TActor, input: TCreateInspectionSchedule, now = new Date()) {
  assert(canManage(actor), MANAGERS_ONLY);
  return db.transaction(async (tx) => {
    const contract = await contractOf(tx, input.contractId);
    await checkRefs(tx, contract.organizationId, input);
    checkWindow(input);
    const { contractId, ...rest } = input;
    const timing = {
      ...rest,
      rrule: rruleOf(input.recurrence),
      startsOn: input.startsOn ?? seoulToday(now),
      endsOn: input.endsOn === undefined ? contract.endsOn : input.endsOn,
    };
    if (timing.endsOn && timing.endsOn < timing.startsOn)
      throw new Invalid('endsOn', {
        en: 'endsOn must not be before startsOn',
        ko: 'endsOn은 startsOn보다 앞설 수 없습니다',
      });
    const calendar = await calendarOfKey(tx, contract.calendarKey);
    const [row] = await tx
      .insert(inspectionSchedules)
      .values({
        ...timing,
        contractId,
        organizationId: contract.organizationId,
        ...nextFrom(timing, calendar, now),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'inspection_schedule',
      entityId: row!.id,
      after: row,
    });
    return presentSchedule(row!, contract.calendarKey, calendar);
  });
}

/**
 * Edits a schedule. A change of timing, or a resume, recomputes where it stands from today: what
 * was created stays, occurrences missed while paused are not made up. Ended is final.
 */
export async function updateSchedule(
  actor: TActor,
  id: string,
  input: TUpdateInspectionSchedule,
  now = new Date(),
) {
  assert(canManage(actor), MANAGERS_ONLY);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(inspectionSchedules)
      .where(eq(inspectionSchedules.id, id))
      .for('update');
    if (!before) throw new NotFound(SCHEDULE);
    if (before.status === 'ended' && input.status && input.status !== 'ended')
      throw new Invalid('status', {
        en: 'An ended schedule cannot start again; create a new one',
        ko: '종료된 일정은 다시 시작할 수 없습니다. 새 일정을 만드세요',
      });
    await checkRefs(tx, before.organizationId, input);
    const merged = { ...before, ...input } as TScheduleRow;
    checkWindow(merged);
    if (input.recurrence) merged.rrule = rruleOf(input.recurrence);
    const contract = await contractOf(tx, before.contractId);
    const calendar = await calendarOfKey(tx, contract.calendarKey);
    // Never again an occurrence on or before the last one created: its key is taken.
    const [last] = await tx
      .select({ on: inspectionOccurrences.occurrenceOn })
      .from(inspectionOccurrences)
      .where(eq(inspectionOccurrences.scheduleId, id))
      .orderBy(desc(inspectionOccurrences.occurrenceOn))
      .limit(1);
    let position = nextFrom(merged, calendar, now);
    while (last && position.nextOccurrenceOn && position.nextOccurrenceOn <= last.on) {
      const after = upcoming(merged, calendar, position.nextOccurrenceOn, 2)[1];
      position = { nextOccurrenceOn: after?.occurrenceOn ?? null, nextCreateAt: after?.createAt ?? null };
    }
    const [after] = await tx
      .update(inspectionSchedules)
      .set({ ...input, rrule: merged.rrule, ...position, updatedAt: now })
      .where(eq(inspectionSchedules.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'inspection_schedule',
      entityId: id,
      before,
      after,
    });
    return presentSchedule(after!, contract.calendarKey, calendar);
  });
}

async function scheduleWithCalendar(actor: TActor, id: string) {
  assert(isStaff(actor));
  const [row] = await db
    .select({ s: inspectionSchedules, calendarKey: contracts.calendarKey })
    .from(inspectionSchedules)
    .innerJoin(contracts, eq(contracts.id, inspectionSchedules.contractId))
    .where(eq(inspectionSchedules.id, id));
  if (!row) throw new NotFound(SCHEDULE);
  return { ...row, calendar: await calendarOfKey(db, row.calendarKey) };
}

export async function getSchedule(actor: TActor, id: string) {
  const { s, calendarKey, calendar } = await scheduleWithCalendar(actor, id);
  return presentSchedule(s, calendarKey, calendar);
}

/** Staff: schedules, by organization, contract or status. */
export async function listSchedules(
  actor: TActor,
  q: { organizationId?: string; contractId?: string; status?: TScheduleRow['status'] },
) {
  assert(isStaff(actor));
  const where: (SQL | undefined)[] = [
    q.organizationId ? eq(inspectionSchedules.organizationId, q.organizationId) : undefined,
    q.contractId ? eq(inspectionSchedules.contractId, q.contractId) : undefined,
    q.status ? eq(inspectionSchedules.status, q.status) : undefined,
  ];
  const rows = await db
    .select({ s: inspectionSchedules, calendarKey: contracts.calendarKey })
    .from(inspectionSchedules)
    .innerJoin(contracts, eq(contracts.id, inspectionSchedules.contractId))
    .where(and(...where))
    .orderBy(inspectionSchedules.name)
    .limit(500);
  const calendars = await loadCalendars();
  return rows.map((r) =>
    presentSchedule(r.s, r.calendarKey, calendars.get(r.calendarKey)?.calendar ?? KR_STANDARD),
  );
}

/** The occurrences a schedule created (with their tickets) and the next `count` it will create. */
export async function scheduleOccurrences(actor: TActor, id: string, count: number) {
  const { s, calendar } = await scheduleWithCalendar(actor, id);
  const created = await db
    .select({ o: inspectionOccurrences, number: tickets.number })
    .from(inspectionOccurrences)
    .innerJoin(tickets, eq(tickets.id, inspectionOccurrences.ticketId))
    .where(eq(inspectionOccurrences.scheduleId, id))
    .orderBy(desc(inspectionOccurrences.occurrenceOn))
    .limit(100);
  return {
    created: created.map(({ o, number }) =>
      presentOccurrence(
        { ...occurrenceOf(s, calendar, o.occurrenceOn), dueOn: o.dueOn },
        { id: o.ticketId, number },
      ),
    ),
    upcoming:
      s.status === 'active'
        ? upcoming(s, calendar, s.nextOccurrenceOn, count).map((o) => presentOccurrence(o, null))
        : [],
  };
}
