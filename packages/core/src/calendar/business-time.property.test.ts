import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TCalendar, TWorkingInterval } from '../contract/calendars.js';
import { KR_STANDARD, TWENTY_FOUR_SEVEN } from './built-in-calendars.js';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime } from './business-time.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

const office: TWorkingInterval[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const night: TWorkingInterval[] = [
  { start: '00:00', end: '04:00' },
  { start: '22:30', end: '24:00' },
];
const early: TWorkingInterval[] = [{ start: '02:30', end: '04:00' }];

/** Calendars whose hours touch the DST switches: Berlin offices, a New York night shift, an early shift. */
const CALENDARS: TCalendar[] = [
  KR_STANDARD,
  TWENTY_FOUR_SEVEN,
  {
    key: 'berlin-office',
    timeZone: 'Europe/Berlin',
    weeklyHours: [[], office, office, office, office, office, []],
    holidays: ['2024-03-29', '2024-04-01', '2024-12-25', '2024-12-26'],
    closures: ['2024-10-28'],
  },
  {
    key: 'ny-night',
    timeZone: 'America/New_York',
    weeklyHours: [night, night, [], night, night, night, early],
    holidays: ['2024-11-04'],
    closures: [],
  },
  {
    key: 'berlin-early',
    timeZone: 'Europe/Berlin',
    weeklyHours: [early, early, early, early, early, early, early],
    holidays: [],
    closures: [],
  },
];

/** Instants near what makes business time hard: DST switches, holidays next to weekends, year ends. */
const ANCHORS = [
  '2024-03-10T06:00:00Z', // New York spring switch
  '2024-11-03T05:00:00Z', // New York autumn switch
  '2024-03-31T01:00:00Z', // Berlin spring switch
  '2024-10-27T01:00:00Z', // Berlin autumn switch
  '2024-02-09T00:00:00Z', // 설날 2024 before a weekend, substitute Monday
  '2025-10-03T00:00:00Z', // 개천절 … 한글날 2025
  '2025-05-05T00:00:00Z', // 어린이날 and 부처님 오신 날 2025
  '2025-12-31T12:00:00Z',
  '2026-07-17T00:00:00Z', // 제헌절 2026
].map((iso) => Date.parse(iso));

/** A whole-minute instant within three days of an anchor. */
const nearAnchor = fc
  .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -3 * 1440, max: 3 * 1440 }))
  .map(([anchor, minutes]) => anchor + minutes * MINUTE);

// The naive reference: reads each minute's wall time from Intl on its own and asks the calendar's raw data.
const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

type TWallTime = { date: string; weekday: number; minute: number };
/** Runs revisit the days around the same anchors: remember each minute's wall time once read. */
const wallTimes = new Map<string, TWallTime>();

function wallTimeOf(timeZone: string, instant: number): TWallTime {
  const key = `${timeZone} ${instant}`;
  const known = wallTimes.get(key);
  if (known) return known;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const p = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  const wallTime = {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAYS.indexOf(p.weekday ?? ''),
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
  wallTimes.set(key, wallTime);
  return wallTime;
}

const daysOff = new Map(CALENDARS.map((c) => [c, new Set([...c.holidays, ...c.closures])]));

function isWorkingMinute(calendar: TCalendar, instant: number): boolean {
  const { date, weekday, minute } = wallTimeOf(calendar.timeZone, instant);
  if (daysOff.get(calendar)?.has(date)) return false;
  const day = calendar.weeklyHours[weekday] ?? [];
  return day.some((i) => toMinutes(i.start) <= minute && minute < toMinutes(i.end));
}

function naiveBetween(calendar: TCalendar, from: number, to: number): number {
  let count = 0;
  for (let u = from; u < to; u += MINUTE) if (isWorkingMinute(calendar, u)) count++;
  return count;
}

function naiveAdd(calendar: TCalendar, start: number, minutes: number): number {
  let u = start;
  if (minutes === 0) {
    while (!isWorkingMinute(calendar, u)) u += MINUTE;
    return u;
  }
  for (let count = 0; ; u += MINUTE) {
    if (isWorkingMinute(calendar, u) && ++count === minutes) return u + MINUTE;
  }
}

const calendar = fc.constantFrom(...CALENDARS);
const add = (c: TCalendar, t: number, m: number) => addBusinessMinutes(new Date(t), m, c).getTime();
const between = (c: TCalendar, a: number, b: number) => businessMinutesBetween(new Date(a), new Date(b), c);

describe('business time against a minute-by-minute reference', () => {
  it('adds minutes as the reference does', () => {
    fc.assert(
      fc.property(calendar, nearAnchor, fc.integer({ min: 0, max: 900 }), (c, start, minutes) => {
        expect(add(c, start, minutes)).toBe(naiveAdd(c, start, minutes));
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('counts minutes between two instants as the reference does', () => {
    fc.assert(
      fc.property(calendar, nearAnchor, fc.integer({ min: 0, max: 4 * 1440 }), (c, from, length) => {
        const to = from + length * MINUTE;
        expect(between(c, from, to)).toBe(naiveBetween(c, from, to));
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('business time properties', () => {
  /** Any millisecond of 2015–2035. */
  const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 11, 1) });
  const start = fc.oneof(instant, nearAnchor);
  /** Up to six weeks around the clock, or about 125 working days of an office. */
  const minutes = fc.integer({ min: 0, max: 60_480 });

  it('counts back exactly the minutes it added', () => {
    fc.assert(
      fc.property(calendar, start, minutes, (c, s, m) => {
        expect(between(c, s, add(c, s, m))).toBe(m);
      }),
      { numRuns: 2000 },
    );
  });

  it('never ends earlier for more minutes or a later start', () => {
    fc.assert(
      fc.property(
        calendar,
        start,
        minutes,
        minutes,
        fc.integer({ min: 0, max: 14 * DAY }),
        (c, s, m1, m2, delay) => {
          const [few, many] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(add(c, s, few)).toBeLessThanOrEqual(add(c, s, many));
          expect(add(c, s, few)).toBeLessThanOrEqual(add(c, s + delay, few));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('adds up over consecutive spans and changes sign when reversed', () => {
    fc.assert(
      fc.property(
        calendar,
        start,
        fc.integer({ min: 0, max: 30 * DAY }),
        fc.integer({ min: 0, max: 30 * DAY }),
        (c, a, x, y) => {
          const b = a + x;
          const d = b + y;
          expect(between(c, a, b) + between(c, b, d)).toBeCloseTo(between(c, a, d), 9);
          expect(between(c, d, a) + between(c, a, d)).toBe(0);
          expect(Object.is(between(c, d, a), -0)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('lands inside working time, or at the end of a working span', () => {
    fc.assert(
      fc.property(calendar, start, minutes, (c, s, m) => {
        const due = add(c, s, m);
        expect(due).toBeGreaterThanOrEqual(s);
        expect(isBusinessTime(new Date(m === 0 ? due : due - 1), c)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
