import { dayNumberOf, isoDateOf, weekdayOf } from '../calendar/dates.js';
import { zoneOffsetMs } from '../calendar/time-zone.js';
import type { TCalendar } from '../contract/calendars.js';

/** The shares of a contract's monthly hours at which managers hear that the hours run out. */
export const CONTRACT_HOUR_THRESHOLDS = [80, 100] as const;

/** Minutes as hours with one decimal, as reports and the API show them (45 min → 0.8 h). */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** The `YYYY-MM` month of a `YYYY-MM-DD` date. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** The first and the last `YYYY-MM-DD` day of a `YYYY-MM` month. */
export function monthRange(month: string): { first: string; last: string } {
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** The local `YYYY-MM-DD` date of the instant `at` in `timeZone`. */
export function localDateIn(timeZone: string, at: Date): string {
  const ms = at.getTime();
  return new Date(ms + zoneOffsetMs(timeZone, ms)).toISOString().slice(0, 10);
}

/** A business day: its weekday has working hours and it is neither a holiday nor a closure day. */
function businessDayTest(calendar: TCalendar): (day: number) => boolean {
  const daysOff = new Set([...calendar.holidays, ...calendar.closures]);
  return (day) => calendar.weeklyHours[weekdayOf(day)]!.length > 0 && !daysOff.has(isoDateOf(day));
}

export type TMonthPace = {
  phase: 'past' | 'current' | 'future';
  /** Business days of the month on or before today (all of them for a past month, none for a future one). */
  elapsed: number;
  total: number;
};

/** Where `today` (a local date of the calendar) stands in `month`, counted in the calendar's business days. */
export function monthPace(month: string, today: string, calendar: TCalendar): TMonthPace {
  const { first, last } = monthRange(month);
  const isBusinessDay = businessDayTest(calendar);
  const firstDay = dayNumberOf(first);
  const lastDay = dayNumberOf(last);
  const todayDay = dayNumberOf(today);
  let total = 0;
  let elapsed = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!isBusinessDay(day)) continue;
    total++;
    if (day <= todayDay) elapsed++;
  }
  const phase = todayDay > lastDay ? 'past' : todayDay < firstDay ? 'future' : 'current';
  return { phase, elapsed, total };
}

/**
 * The minutes a month will have used at its end at the pace so far: used ÷ business days elapsed ×
 * business days in the month. A past month is what it used; a future month has used nothing yet; a
 * current month with no business day behind it yet has no pace to extrapolate, so it is what it used.
 */
export function forecastMinutes(usedMinutes: number, pace: TMonthPace): number {
  if (pace.phase === 'future') return 0;
  if (pace.phase === 'past' || pace.elapsed === 0) return usedMinutes;
  return (usedMinutes / pace.elapsed) * pace.total;
}

/** The thresholds (percent of the monthly hours) that `usedMinutes` has reached; none without an entitlement. */
export function reachedThresholds(usedMinutes: number, monthlyHours: number): number[] {
  if (!(monthlyHours > 0)) return [];
  // Compared in whole numbers: 80 % of 0.5 h is 24 min, and 24 min must reach it exactly.
  return CONTRACT_HOUR_THRESHOLDS.filter((t) => usedMinutes * 100 >= t * monthlyHours * 60);
}

/**
 * A contract's hours for `month`: its monthly hours when its period (`YYYY-MM-DD` bounds, inclusive)
 * has any day in the month, else 0. A month the contract only starts or ends in counts in full, as
 * the monthly fee does.
 */
export function entitledHoursIn(
  contract: { startsOn: string; endsOn: string; monthlyHours: number },
  month: string,
): number {
  const { first, last } = monthRange(month);
  return contract.startsOn <= last && contract.endsOn >= first ? Number(contract.monthlyHours) : 0;
}
