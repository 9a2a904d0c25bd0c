import { DAY_MS, dayNumberOf, isoDateOf, type TCalendar, weekdayOf, zoneOffsetMs } from '@hamkke/core';
import rrulePkg from 'rrule';
import type { TRecurrenceData } from '../db/schema-inspections.js';
import { Invalid } from '../http/errors.js';

const { RRule } = rrulePkg;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** An RRULE whose next occurrence lies further out than this is treated as ended. */
const HORIZON_DAYS = 366 * 10;

export type TShift = 'next' | 'previous' | 'none';

/** The schedule fields occurrences are computed from. */
export type TScheduleTiming = {
  recurrence: TRecurrenceData;
  rrule: string;
  shift: TShift;
  leadBusinessDays: number;
  windowStart: string;
  windowEnd: string;
  startsOn: string;
  endsOn: string | null;
};

export type TOccurrence = {
  occurrenceOn: string;
  dueOn: string;
  createAt: Date;
  plannedStart: Date;
  plannedEnd: Date;
};

const daysOffCache = new WeakMap<TCalendar, Set<number>>();

/** A day is a business day when the calendar has working hours on its weekday and it is no holiday or closure. */
export function isBusinessDay(calendar: TCalendar, day: number): boolean {
  let off = daysOffCache.get(calendar);
  if (!off) {
    off = new Set([...calendar.holidays, ...calendar.closures].map(dayNumberOf));
    daysOffCache.set(calendar, off);
  }
  return (calendar.weeklyHours[weekdayOf(day)]?.length ?? 0) > 0 && !off.has(day);
}

/** The due date of a nominal date: moved to the next or previous business day, or kept. */
export function shiftToBusinessDay(calendar: TCalendar, isoDate: string, shift: TShift): string {
  let day = dayNumberOf(isoDate);
  if (shift === 'none') return isoDate;
  const step = shift === 'next' ? 1 : -1;
  for (let i = 0; i < 400 && !isBusinessDay(calendar, day); i++) day += step;
  return isoDateOf(day);
}

/** The date `count` business days before `isoDate` (0: the date itself). */
export function businessDaysBefore(calendar: TCalendar, isoDate: string, count: number): string {
  let day = dayNumberOf(isoDate);
  for (let left = count, guard = 0; left > 0 && guard < 2000; guard++) {
    day -= 1;
    if (isBusinessDay(calendar, day)) left -= 1;
  }
  return isoDateOf(day);
}

/** The instant of a local wall time on a date in the calendar's time zone. */
export function localInstant(timeZone: string, isoDate: string, clock = '00:00'): Date {
  const [h, m] = clock.split(':').map(Number);
  const wall = dayNumberOf(isoDate) * DAY_MS + (h! * 60 + m!) * 60_000;
  // Two passes settle the offset also next to a DST switch.
  let utc = wall - zoneOffsetMs(timeZone, wall);
  utc = wall - zoneOffsetMs(timeZone, utc);
  return new Date(utc);
}

const monthDays = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** The nominal date in a month: a day of month (−1 last, clamped to the month) or the nth weekday (−1 last). */
function dateInMonth(
  year: number,
  month0: number,
  r: { day?: number; nth?: number; weekday?: string },
): string {
  const length = monthDays(year, month0);
  let dom: number;
  if (r.weekday) {
    const target = WEEKDAYS.indexOf(r.weekday);
    const nth = r.nth ?? 1;
    if (nth > 0) {
      const first = new Date(Date.UTC(year, month0, 1)).getUTCDay();
      dom = 1 + ((target - first + 7) % 7) + (nth - 1) * 7;
      if (dom > length) dom -= 7; // a fifth weekday the month lacks: its last one
    } else {
      const last = new Date(Date.UTC(year, month0, length)).getUTCDay();
      dom = length - ((last - target + 7) % 7);
    }
  } else {
    const day = r.day ?? 1;
    dom = day === -1 ? length : Math.min(day, length);
  }
  return isoDateOf(Date.UTC(year, month0, dom) / DAY_MS);
}

/** The recurrence as an RFC 5545 RRULE, for display and calendar feeds; an invalid RRULE is a 422. */
export function rruleOf(recurrence: TRecurrenceData): string {
  if (recurrence.kind === 'rrule') {
    const text = recurrence.rrule.replace(/^RRULE:/i, '').toUpperCase();
    try {
      const options = RRule.parseString(text);
      if (options.freq === undefined) throw new Error('FREQ missing');
      if (options.freq > RRule.DAILY)
        throw new Error('Inspections recur daily at most often: FREQ=HOURLY and finer are refused');
      return text;
    } catch (error) {
      throw new Invalid('recurrence.rrule', {
        en: `Not a valid RRULE: ${(error as Error).message}`,
        ko: `올바른 RRULE이 아닙니다: ${(error as Error).message}`,
      });
    }
  }
  const interval = recurrence.kind === 'quarterly' ? ';INTERVAL=3' : '';
  const by = recurrence.weekday
    ? `BYDAY=${recurrence.nth ?? 1}${recurrence.weekday}`
    : `BYMONTHDAY=${recurrence.day ?? 1}`;
  return `FREQ=MONTHLY${interval};${by}`;
}

/** The first nominal occurrence strictly after `afterIso` (or on/after `startsOn`), within the horizon. */
export function nextNominal(t: TScheduleTiming, afterIso: string | null): string | null {
  const fromDay = afterIso ? dayNumberOf(afterIso) + 1 : dayNumberOf(t.startsOn);
  const startDay = Math.max(fromDay, dayNumberOf(t.startsOn));
  let found: string | null = null;
  const r = t.recurrence;
  if (r.kind === 'rrule') {
    // Dates as UTC midnights: the rule runs on calendar dates, not instants.
    const rule = new RRule({
      ...RRule.parseString(t.rrule),
      dtstart: new Date(dayNumberOf(t.startsOn) * DAY_MS),
    });
    const next = rule.after(new Date(startDay * DAY_MS), true);
    found =
      next && next.getTime() <= (startDay + HORIZON_DAYS) * DAY_MS
        ? isoDateOf(Math.floor(next.getTime() / DAY_MS))
        : null;
  } else {
    const start = new Date(startDay * DAY_MS);
    let year = start.getUTCFullYear();
    let month0 = start.getUTCMonth();
    for (let i = 0; i < 40 && !found; i++) {
      const inCycle = r.kind === 'monthly' || month0 % 3 === (r.monthOfQuarter ?? 1) - 1;
      if (inCycle) {
        const candidate = dateInMonth(year, month0, r);
        if (dayNumberOf(candidate) >= startDay) found = candidate;
      }
      month0 += 1;
      if (month0 === 12) {
        month0 = 0;
        year += 1;
      }
    }
  }
  if (found && t.endsOn && found > t.endsOn) return null;
  return found;
}

/** What a nominal date becomes on the calendar: due date, creation instant, planned window. */
export function occurrenceOf(t: TScheduleTiming, calendar: TCalendar, occurrenceOn: string): TOccurrence {
  const dueOn = shiftToBusinessDay(calendar, occurrenceOn, t.shift);
  const createOn = businessDaysBefore(calendar, dueOn, t.leadBusinessDays);
  return {
    occurrenceOn,
    dueOn,
    createAt: localInstant(calendar.timeZone, createOn),
    plannedStart: localInstant(calendar.timeZone, dueOn, t.windowStart),
    plannedEnd: localInstant(calendar.timeZone, dueOn, t.windowEnd),
  };
}

/** The first occurrence whose due date is today or later (in the calendar's zone): where a new schedule starts. */
export function firstOccurrenceFrom(t: TScheduleTiming, calendar: TCalendar, now: Date): string | null {
  const today = isoDateOf(
    Math.floor((now.getTime() + zoneOffsetMs(calendar.timeZone, now.getTime())) / DAY_MS),
  );
  let nominal = nextNominal(t, null);
  for (let i = 0; nominal && i < 5000; i++) {
    if (occurrenceOf(t, calendar, nominal).dueOn >= today) return nominal;
    nominal = nextNominal(t, nominal);
  }
  return null;
}

/** The next `count` occurrences from a nominal date on (itself included). */
export function upcoming(
  t: TScheduleTiming,
  calendar: TCalendar,
  from: string | null,
  count: number,
): TOccurrence[] {
  const result: TOccurrence[] = [];
  for (let n = from; n && result.length < count; n = nextNominal(t, n))
    result.push(occurrenceOf(t, calendar, n));
  return result;
}
