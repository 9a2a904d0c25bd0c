import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  onCallShifts,
  scheduledShiftAt,
  shiftStartOf,
  type TOverrideRule,
  type TRotationRule,
  whoIsOnCall,
} from './on-call.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-01-01T00:00:00Z');

const arbRule: fc.Arbitrary<TRotationRule> = fc.record({
  memberIds: fc.uniqueArray(fc.constantFrom('kim', 'lee', 'park', 'choi', 'jung', 'kang'), {
    minLength: 1,
    maxLength: 6,
  }),
  shiftDays: fc.oneof(fc.constant(7), fc.integer({ min: 1, max: 14 })),
  handoverWeekday: fc.integer({ min: 0, max: 6 }),
  handoverTime: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  timeZone: fc.constantFrom('Asia/Seoul', 'Asia/Seoul', 'Europe/Berlin', 'UTC'),
  startsOn: fc.integer({ min: 0, max: 60 }).map((d) => new Date(START + d * DAY).toISOString().slice(0, 10)),
});

/** An instant from the rotation's start date up to a year and a half later. */
const arbOffset = fc.integer({ min: 8 * DAY, max: 540 * DAY });

const arbOverrides: fc.Arbitrary<TOverrideRule[]> = fc.array(
  fc
    .record({
      userId: fc.constantFrom('sub1', 'sub2', 'kim'),
      offset: fc.integer({ min: 0, max: 600 * DAY }),
      length: fc.integer({ min: HOUR, max: 20 * DAY }),
    })
    .map(({ userId, offset, length }) => ({
      id: `o-${offset}-${length}`,
      userId,
      forUserId: null,
      startsAt: new Date(START + offset),
      endsAt: new Date(START + offset + length),
    })),
  { maxLength: 5 },
);

describe('who is on call', () => {
  it('names exactly one member at every instant after the first handover', () => {
    fc.assert(
      fc.property(arbRule, arbOffset, (rule, offset) => {
        const at = new Date(START + offset);
        const first = shiftStartOf(rule, 0);
        const now = whoIsOnCall(rule, [], at);
        if (at < first) {
          expect(now).toBeNull();
          return;
        }
        expect(now).not.toBeNull();
        expect(rule.memberIds).toContain(now!.userId);
        expect(now!.start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(now!.end.getTime()).toBeGreaterThan(at.getTime());
      }),
    );
  });

  it('rotates in order: each shift goes to the next member, the last hands back to the first', () => {
    fc.assert(
      fc.property(arbRule, arbOffset, (rule, offset) => {
        const shift = scheduledShiftAt(rule, new Date(START + offset));
        if (!shift) return;
        const next = scheduledShiftAt(rule, shift.end)!;
        expect(next.start).toEqual(shift.end);
        expect(next.index).toBe(shift.index + 1);
        const n = rule.memberIds.length;
        expect(rule.memberIds.indexOf(next.userId)).toBe((rule.memberIds.indexOf(shift.userId) + 1) % n);
      }),
    );
  });

  it('hands over on the weekday and local time of the rule', () => {
    fc.assert(
      fc.property(
        arbRule.map((r) => ({ ...r, shiftDays: 7 })),
        arbOffset,
        (rule, offset) => {
          const shift = scheduledShiftAt(rule, new Date(START + offset));
          if (!shift) return;
          const local = new Intl.DateTimeFormat('en-US', {
            timeZone: rule.timeZone,
            weekday: 'short',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(shift.start);
          const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][rule.handoverWeekday];
          expect(local).toBe(`${weekday} ${rule.handoverTime}`);
          // Weekly shifts last a week (no DST in Seoul; a DST switch moves it by an hour).
          expect(Math.abs(shift.end.getTime() - shift.start.getTime() - 7 * DAY)).toBeLessThanOrEqual(HOUR);
        },
      ),
    );
  });

  it('lets an override win over the rotation for exactly its period', () => {
    fc.assert(
      fc.property(arbRule, arbOverrides, arbOffset, (rule, overrides, offset) => {
        const at = new Date(START + offset);
        const now = whoIsOnCall(rule, overrides, at);
        const covering = overrides.filter((o) => o.startsAt <= at && at < o.endsAt);
        if (covering.length > 0) {
          expect(now!.userId).toBe(covering[covering.length - 1]!.userId);
          expect(now!.overrideId).toBe(covering[covering.length - 1]!.id);
        } else {
          expect(now?.userId ?? null).toBe(scheduledShiftAt(rule, at)?.userId ?? null);
          expect(now?.overrideId ?? null).toBeNull();
        }
      }),
    );
  });

  it('lists the shifts of a period without gaps or overlaps, agreeing with who is on call', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbOverrides,
        arbOffset,
        fc.integer({ min: HOUR, max: 45 * DAY }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (rule, overrides, offset, length, probes) => {
          const from = new Date(START + offset);
          const to = new Date(from.getTime() + length);
          const shifts = onCallShifts(rule, overrides, from, to);
          for (let i = 0; i < shifts.length; i++) {
            expect(shifts[i]!.start < shifts[i]!.end).toBe(true);
            if (i > 0)
              expect(shifts[i]!.start.getTime()).toBeGreaterThanOrEqual(shifts[i - 1]!.end.getTime());
          }
          if (from >= shiftStartOf(rule, 0)) {
            expect(shifts[0]!.start).toEqual(from);
            expect(shifts[shifts.length - 1]!.end).toEqual(to);
            for (let i = 1; i < shifts.length; i++) expect(shifts[i]!.start).toEqual(shifts[i - 1]!.end);
          }
          for (const p of probes) {
            const at = new Date(from.getTime() + Math.floor(p * (length - 1)));
            const piece = shifts.find((s) => s.start <= at && at < s.end);
            expect(piece?.userId ?? null).toBe(whoIsOnCall(rule, overrides, at)?.userId ?? null);
          }
        },
      ),
    );
  });
});

describe('a weekly rotation in Seoul', () => {
  const rule: TRotationRule = {
    memberIds: ['kim', 'lee', 'park'],
    shiftDays: 7,
    handoverWeekday: 1,
    handoverTime: '09:00',
    timeZone: 'Asia/Seoul',
    startsOn: '2026-11-02',
  };
  const at = (iso: string) => whoIsOnCall(rule, [], new Date(iso))?.userId ?? null;

  it('hands over on Monday at 09:00 Seoul time', () => {
    expect(at('2026-11-02T08:59:00+09:00')).toBeNull();
    expect(at('2026-11-02T09:00:00+09:00')).toBe('kim');
    expect(at('2026-11-09T08:59:59+09:00')).toBe('kim');
    expect(at('2026-11-09T09:00:00+09:00')).toBe('lee');
    expect(at('2026-11-21T23:00:00+09:00')).toBe('park');
    expect(at('2026-11-23T09:00:00+09:00')).toBe('kim');
  });

  it('starts on the first handover weekday on or after the start date', () => {
    const fromWednesday = { ...rule, startsOn: '2026-11-04' };
    expect(whoIsOnCall(fromWednesday, [], new Date('2026-11-06T12:00:00+09:00'))).toBeNull();
    expect(whoIsOnCall(fromWednesday, [], new Date('2026-11-09T09:00:00+09:00'))?.userId).toBe('kim');
  });

  it('cuts a shift where an override begins and ends', () => {
    const sick: TOverrideRule = {
      id: 'o1',
      userId: 'choi',
      forUserId: 'lee',
      startsAt: new Date('2026-11-10T18:00:00+09:00'),
      endsAt: new Date('2026-11-12T09:00:00+09:00'),
    };
    const shifts = onCallShifts(
      rule,
      [sick],
      new Date('2026-11-09T00:00:00+09:00'),
      new Date('2026-11-16T12:00:00+09:00'),
    );
    expect(shifts.map((s) => [s.userId, s.start.toISOString(), s.overrideId])).toEqual([
      ['kim', '2026-11-08T15:00:00.000Z', null],
      ['lee', '2026-11-09T00:00:00.000Z', null],
      ['choi', '2026-11-10T09:00:00.000Z', 'o1'],
      ['lee', '2026-11-12T00:00:00.000Z', null],
      ['park', '2026-11-16T00:00:00.000Z', null],
    ]);
    expect(shifts[2]!.scheduledUserId).toBe('lee');
    expect(shifts[4]!.end.toISOString()).toBe('2026-11-16T03:00:00.000Z');
  });
});
