import type { TCalendarDayOff } from '@hamkke/core';
import { and, asc, between, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { calendarClosures, publicHolidays } from '../db/schema.js';
import { getCalendar } from './get-calendar.js';

/** The first and last date of a year, `YYYY-MM-DD`. */
export function yearBounds(year: number): [string, string] {
  const y = String(year).padStart(4, '0');
  return [`${y}-01-01`, `${y}-12-31`];
}

/**
 * The whole days off of a calendar in one year, by date: the public holidays in force when it
 * observes them (a day with two holidays appears twice), and its own closure days.
 */
export async function listCalendarDaysOff(
  actor: TActor,
  ref: string,
  year: number,
): Promise<TCalendarDayOff[]> {
  const calendar = await getCalendar(actor, ref);
  const [first, last] = yearBounds(year);
  const [holidays, closures] = await Promise.all([
    calendar.usesPublicHolidays
      ? db
          .select()
          .from(publicHolidays)
          .where(and(eq(publicHolidays.isActive, true), between(publicHolidays.date, first, last)))
          .orderBy(asc(publicHolidays.date), asc(publicHolidays.name))
      : [],
    db
      .select()
      .from(calendarClosures)
      .where(and(eq(calendarClosures.calendarId, calendar.id), between(calendarClosures.date, first, last)))
      .orderBy(asc(calendarClosures.date)),
  ]);
  const days: TCalendarDayOff[] = [
    ...holidays.map((h) => ({ date: h.date, name: h.name, nameEn: h.nameEn, kind: h.kind })),
    // A closure has one name, given by the admin; it stands for both languages.
    ...closures.map((c) => ({ date: c.date, name: c.name, nameEn: c.name, kind: 'closure' as const })),
  ];
  // Stable: on one date the public holidays keep their order and come before the closure.
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
