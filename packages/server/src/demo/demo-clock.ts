import { KR_STANDARD } from '@hamkke/core';

/** Korea Standard Time has no daylight saving: a fixed +09:00. */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Office hours of the AMS team, in minutes after midnight KST. */
const WORK_START = 9 * 60;
const WORK_END = 18 * 60;

const HOLIDAY_DAYS = new Set(KR_STANDARD.holidays.map((d) => Date.parse(d) / DAY_MS));

/** The calendar date in Seoul, `YYYY-MM-DD`. */
export function kstDate(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight in Seoul of the day `at` falls on. */
export function kstMidnight(at: Date): Date {
  const shifted = at.getTime() + KST_OFFSET_MS;
  return new Date(shifted - (shifted % DAY_MS) - KST_OFFSET_MS);
}

/** Minutes since midnight in Seoul. */
export function kstMinuteOfDay(at: Date): number {
  return Math.floor(((at.getTime() + KST_OFFSET_MS) % DAY_MS) / MINUTE_MS);
}

/** Day of the month in Seoul, 1–31. */
export function kstDayOfMonth(at: Date): number {
  return new Date(at.getTime() + KST_OFFSET_MS).getUTCDate();
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * MINUTE_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** A weekday that is not a public holiday. */
export function isBusinessDay(at: Date): boolean {
  const day = Math.floor((at.getTime() + KST_OFFSET_MS) / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6 && !HOLIDAY_DAYS.has(day);
}

/** Moves forward by working minutes (09:00–18:00 KST on business days), as a person's work would. */
export function addBusinessMinutes(at: Date, minutes: number): Date {
  let t = at;
  let left = minutes;
  for (let guard = 0; guard < 400; guard++) {
    const day = kstMidnight(t);
    const minute = kstMinuteOfDay(t);
    if (!isBusinessDay(t) || minute >= WORK_END) {
      t = addMinutes(addDays(day, 1), WORK_START);
      continue;
    }
    if (minute < WORK_START) t = addMinutes(day, WORK_START);
    const available = WORK_END - kstMinuteOfDay(t);
    if (left <= available) return addMinutes(t, left);
    left -= available;
    t = addMinutes(addDays(day, 1), WORK_START);
  }
  return t;
}
