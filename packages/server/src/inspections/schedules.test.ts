import { KR_STANDARD } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { db } from '../db/current.js';
import { connect } from '../db/database.js';
import { auditLog, inspectionOccurrences, inspectionRuns, tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeContract, makeWorld } from '../test/factories.js';
import { makeTemplate } from './inspections.fixtures.js';
import { nextNominal, occurrenceOf, rruleOf, type TScheduleTiming, upcoming } from './occurrences.js';
import { sweepInspections } from './sweep-inspections.js';

const app = useApp();
const kst = (local: string) => new Date(`${local}+09:00`);
const at = (local: string) => vi.setSystemTime(kst(local));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const timing = (over: Partial<TScheduleTiming>): TScheduleTiming => {
  const t = {
    recurrence: { kind: 'monthly', day: 1 },
    shift: 'next',
    leadBusinessDays: 0,
    windowStart: '09:00',
    windowEnd: '18:00',
    startsOn: '2026-01-01',
    endsOn: null,
    ...over,
  } as TScheduleTiming;
  return { ...t, rrule: rruleOf(t.recurrence) };
};
const dueDates = (t: TScheduleTiming, count: number) =>
  upcoming(t, KR_STANDARD, nextNominal(t, null), count).map((o) => o.dueOn);

describe('when an inspection is due on the Korean business calendar', () => {
  it('moves a monthly date that falls on 추석 to the next business day, or the previous one when so configured', () => {
    // 2026-09-24 to 26 are 추석 (Thu–Sat); the 27th is a Sunday.
    const on24 = { recurrence: { kind: 'monthly' as const, day: 24 }, startsOn: '2026-09-01' };
    expect(occurrenceOf(timing(on24), KR_STANDARD, '2026-09-24').dueOn).toBe('2026-09-28');
    expect(occurrenceOf(timing({ ...on24, shift: 'previous' }), KR_STANDARD, '2026-09-24').dueOn).toBe(
      '2026-09-23',
    );
    expect(occurrenceOf(timing({ ...on24, shift: 'none' }), KR_STANDARD, '2026-09-24').dueOn).toBe(
      '2026-09-24',
    );
  });

  it('moves a weekend date and one on a substitute holiday', () => {
    const first = timing({ recurrence: { kind: 'monthly', day: 1 }, startsOn: '2026-11-01' });
    expect(occurrenceOf(first, KR_STANDARD, '2026-11-01').dueOn).toBe('2026-11-02'); // Sunday → Monday
    // 광복절 2026-08-15 is a Saturday, its substitute the Monday 17th: the due date is Tuesday the 18th.
    const fifteenth = timing({ recurrence: { kind: 'monthly', day: 15 }, startsOn: '2026-08-01' });
    expect(dueDates(fifteenth, 1)).toEqual(['2026-08-18']);
  });

  it('creates the ticket the lead time in business days before the due date, at midnight in Seoul, planned for the window', () => {
    const t = timing({
      recurrence: { kind: 'monthly', day: 24 },
      leadBusinessDays: 3,
      startsOn: '2026-09-01',
    });
    const o = occurrenceOf(t, KR_STANDARD, '2026-09-24');
    // Due Mon 09-28; three business days before, skipping 추석: Wed 23, Tue 22, Mon 21.
    expect(o.createAt).toEqual(kst('2026-09-21T00:00:00'));
    expect(o.plannedStart).toEqual(kst('2026-09-28T09:00:00'));
    expect(o.plannedEnd).toEqual(kst('2026-09-28T18:00:00'));
  });

  it('runs quarterly in the chosen month of each quarter', () => {
    const q = timing({ recurrence: { kind: 'quarterly', monthOfQuarter: 1, day: 10 } });
    // Jan 10 is a Saturday; Oct 10 a Saturday after 한글날 (Fri 9th).
    expect(dueDates(q, 4)).toEqual(['2026-01-12', '2026-04-10', '2026-07-10', '2026-10-12']);
    expect(upcoming({ ...q, shift: 'previous' }, KR_STANDARD, '2026-10-10', 1).map((o) => o.dueOn)).toEqual([
      '2026-10-08',
    ]);
    const second = timing({ recurrence: { kind: 'quarterly', monthOfQuarter: 2, nth: -1, weekday: 'FR' } });
    expect(dueDates(second, 2)).toEqual(['2026-02-27', '2026-05-29']);
  });

  it('follows an iCalendar RRULE, moving a date on 설날 past the holidays', () => {
    const r = timing({ recurrence: { kind: 'rrule', rrule: 'FREQ=MONTHLY;BYDAY=3TU' } });
    expect(r.rrule).toBe('FREQ=MONTHLY;BYDAY=3TU');
    // 2026-02-17 (Tue) is 설날; 16–18 are holidays.
    expect(dueDates(r, 3)).toEqual(['2026-01-20', '2026-02-19', '2026-03-17']);
    const biweekly = timing({
      recurrence: { kind: 'rrule', rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE' },
    });
    // Every other week counted from the start date's week (Mon 2025-12-29): Wed 31 Dec precedes the start.
    expect(dueDates(biweekly, 3)).toEqual(['2026-01-14', '2026-01-28', '2026-02-11']);
  });

  it('takes the last day of the month and clamps the 31st to short months', () => {
    expect(dueDates(timing({ recurrence: { kind: 'monthly', day: -1 }, shift: 'none' }), 2)).toEqual([
      '2026-01-31',
      '2026-02-28',
    ]);
    expect(
      dueDates(
        timing({ recurrence: { kind: 'monthly', day: 31 }, startsOn: '2026-04-01', shift: 'none' }),
        1,
      ),
    ).toEqual(['2026-04-30']);
  });

  it('stops at the end date', () => {
    const t = timing({ recurrence: { kind: 'monthly', day: 5 }, endsOn: '2026-02-28' });
    expect(dueDates(t, 5)).toEqual(['2026-01-05', '2026-02-05']);
  });
});

/** A world with a contract and template, and a schedule created by its manager at `when` (Seoul time). */
async function setUp(when: string, recurrence: object, extra: object = {}) {
  vi.useRealTimers(); // sessions are made valid from the real now
  const w = await makeWorld();
  const contract = await makeContract(w.org.id, { startsOn: '2026-01-01', endsOn: '2027-12-31' });
  const template = await makeTemplate();
  vi.useFakeTimers({ toFake: ['Date'] });
  at(when);
  const manager = client(app, { cookie: w.manager.cookie });
  const res = await manager.post('/inspection-schedules', {
    contractId: contract.id,
    systemId: w.system.id,
    templateId: template.template.id,
    name: 'PRD 월간 Basis 점검',
    recurrence,
    leadBusinessDays: 3,
    assigneeId: w.agent.id,
    team: 'Basis',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { w, contract, template, manager, schedule: res.data };
}

const ticketsOf = async (scheduleId: string) =>
  db
    .select({
      occurrenceOn: inspectionOccurrences.occurrenceOn,
      dueOn: inspectionOccurrences.dueOn,
      t: tickets,
    })
    .from(inspectionOccurrences)
    .innerJoin(tickets, eq(tickets.id, inspectionOccurrences.ticketId))
    .where(eq(inspectionOccurrences.scheduleId, scheduleId))
    .orderBy(inspectionOccurrences.occurrenceOn);

describe('the inspection sweep', () => {
  it('creates the 추석 occurrence as one inspection ticket when its lead time begins, with schedule and checklist', async () => {
    const { w, schedule, template, manager } = await setUp('2026-09-01T10:00:00', {
      kind: 'monthly',
      day: 24,
    });
    expect(schedule).toMatchObject({
      startsOn: '2026-09-01',
      endsOn: '2027-12-31',
      calendarKey: 'kr-standard',
    });
    expect(schedule.nextOccurrence).toMatchObject({
      occurrenceOn: '2026-09-24',
      dueOn: '2026-09-28',
      createAt: kst('2026-09-21T00:00:00').toISOString(),
    });
    const only = [schedule.id];
    expect((await sweepInspections(kst('2026-09-20T23:59:59'), { only })).created).toBe(0);
    expect((await sweepInspections(kst('2026-09-21T00:00:00'), { only })).created).toBe(1);
    expect((await sweepInspections(kst('2026-09-21T08:00:00'), { only })).created).toBe(0);

    const [made] = await ticketsOf(schedule.id);
    expect(made!.dueOn).toBe('2026-09-28');
    expect(made!.t).toMatchObject({
      type: 'inspection',
      organizationId: w.org.id,
      systemId: w.system.id,
      assigneeId: w.agent.id,
      team: 'Basis',
      module: 'BC',
      channel: 'internal',
      plannedStart: kst('2026-09-28T09:00:00'),
      plannedEnd: kst('2026-09-28T18:00:00'),
      // Planned work: no response/resolution clock that would run out before the due date.
      slaState: 'none',
      responseDueAt: null,
    });
    expect(made!.t.title).toContain('2026-09-28');
    const inspection = await manager.get(`/tickets/${made!.t.number}/inspection`);
    expect(inspection.statusCode, inspection.body).toBe(200);
    expect(inspection.data.template).toMatchObject({ id: template.template.id, version: 1 });
    expect(inspection.data.items.map((i: { id: string }) => i.id)).toEqual(['sm37', 'st22', 'db02']);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'ticket'), eq(auditLog.entityId, made!.t.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    const next = await manager.get(`/inspection-schedules/${schedule.id}`);
    expect(next.data.nextOccurrence).toMatchObject({ occurrenceOn: '2026-10-24', dueOn: '2026-10-26' });
  });

  it('creates each occurrence exactly once with two processes sweeping at the same time', async () => {
    const { schedule } = await setUp(
      '2026-01-02T10:00:00',
      { kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' },
      { leadBusinessDays: 0 },
    );
    const second = connect(inject('databaseUrl'), 4);
    try {
      const now = kst('2026-03-31T12:00:00');
      const only = [schedule.id];
      const results = await Promise.all([
        sweepInspections(now, { only }),
        sweepInspections(now, { db: second.db, only }),
        sweepInspections(now, { only }),
        sweepInspections(now, { db: second.db, only }),
      ]);
      const made = await ticketsOf(schedule.id);
      // Mon/Wed/Fri from Fri 2 January to Tue 31 March, less those whose due date (moved off holidays) is after the 31st.
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(made.length);
      expect(made.length).toBeGreaterThan(30);
      expect(new Set(made.map((m) => m.occurrenceOn)).size).toBe(made.length);
      const runs = await db.select().from(inspectionRuns).where(eq(inspectionRuns.scheduleId, schedule.id));
      expect(runs).toHaveLength(made.length);
      expect((await sweepInspections(now, { db: second.db, only })).created).toBe(0);
    } finally {
      await second.pool.end();
    }
  });

  it('catches up after downtime: missed occurrences are created late, each once', async () => {
    const { schedule, manager } = await setUp(
      '2026-01-05T10:00:00',
      { kind: 'monthly', day: 15 },
      { leadBusinessDays: 2 },
    );
    const only = [schedule.id];
    expect((await sweepInspections(kst('2026-01-13T09:00:00'), { only })).created).toBe(1);
    // No process ran from mid-January to late May.
    expect((await sweepInspections(kst('2026-05-20T09:00:00'), { only })).created).toBe(4);
    expect((await sweepInspections(kst('2026-05-20T09:01:00'), { only })).created).toBe(0);
    const made = await ticketsOf(schedule.id);
    expect(made.map((m) => m.occurrenceOn)).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
      '2026-04-15',
      '2026-05-15',
    ]);
    // 2026-02-15 is a Sunday and 16–18 are 설날: due Thursday the 19th. 03-15 is a Sunday.
    expect(made.map((m) => m.dueOn)).toEqual([
      '2026-01-15',
      '2026-02-19',
      '2026-03-16',
      '2026-04-15',
      '2026-05-15',
    ]);
    const occurrences = await manager.get(`/inspection-schedules/${schedule.id}/occurrences?count=2`);
    expect(occurrences.data.created).toHaveLength(5);
    expect(occurrences.data.upcoming.map((o: { dueOn: string }) => o.dueOn)).toEqual([
      '2026-06-15',
      '2026-07-15',
    ]);
  });

  it('creates nothing while paused, resumes from today without making up the pause, and ends for good', async () => {
    const { schedule, manager } = await setUp(
      '2026-01-05T10:00:00',
      { kind: 'monthly', day: 20 },
      { leadBusinessDays: 0 },
    );
    const only = [schedule.id];
    const paused = await manager.patch(`/inspection-schedules/${schedule.id}`, { status: 'paused' });
    expect(paused.data).toMatchObject({ status: 'paused', nextOccurrence: null });
    expect((await sweepInspections(kst('2026-03-25T09:00:00'), { only })).created).toBe(0);

    at('2026-03-25T10:00:00');
    const resumed = await manager.patch(`/inspection-schedules/${schedule.id}`, { status: 'active' });
    expect(resumed.data.nextOccurrence.occurrenceOn).toBe('2026-04-20');
    expect((await sweepInspections(kst('2026-04-20T09:00:00'), { only })).created).toBe(1);

    const ended = await manager.patch(`/inspection-schedules/${schedule.id}`, { status: 'ended' });
    expect(ended.data).toMatchObject({ status: 'ended', nextOccurrence: null });
    expect((await sweepInspections(kst('2026-12-31T09:00:00'), { only })).created).toBe(0);
    const again = await manager.patch(`/inspection-schedules/${schedule.id}`, { status: 'active' });
    expect(again.statusCode).toBe(422);
    expect((await ticketsOf(schedule.id)).map((m) => m.occurrenceOn)).toEqual(['2026-04-20']);
  });

  it('refuses a bad RRULE, a window that ends before it starts and a system of another customer, in Korean', async () => {
    const { w, contract, template, manager } = await setUp('2026-01-05T10:00:00', {
      kind: 'monthly',
      day: 1,
    });
    const base = { contractId: contract.id, templateId: template.template.id, name: '점검' };
    const bad = await manager.post(
      '/inspection-schedules',
      { ...base, recurrence: { kind: 'rrule', rrule: 'FREQ=SECONDLY' } },
      { 'accept-language': 'ko' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('RRULE');
    const both = await manager.post('/inspection-schedules', {
      ...base,
      recurrence: { kind: 'monthly', day: 1, weekday: 'MO' },
    });
    expect(both.statusCode).toBe(400); // the contract's validation
    expect(both.data.errors[0].path).toContain('weekday');
    const window = await manager.post('/inspection-schedules', {
      ...base,
      recurrence: { kind: 'monthly', day: 1 },
      windowStart: '18:00',
      windowEnd: '09:00',
    });
    expect(window.statusCode).toBe(422);
    expect(window.data.errors[0].path).toBe('windowEnd');
    const other = await makeWorld();
    const foreign = await manager.post('/inspection-schedules', {
      ...base,
      recurrence: { kind: 'monthly', day: 1 },
      systemId: other.system.id,
    });
    expect(foreign.statusCode).toBe(422);
    const agent = await client(app, { cookie: w.agent.cookie }).post('/inspection-schedules', {
      ...base,
      recurrence: { kind: 'monthly', day: 1 },
    });
    expect(agent.statusCode).toBe(403);
  });
});
