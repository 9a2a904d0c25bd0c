import type { TCalendarView, TClosure, TPublicHoliday } from '@hamkke/core';
import type { calendarClosures, publicHolidays } from '../db/schema.js';
import type { TCalendarRow } from './load-calendars.js';

export type TClosureRow = typeof calendarClosures.$inferSelect;
export type TPublicHolidayRow = typeof publicHolidays.$inferSelect;

export function presentCalendar(c: TCalendarRow): TCalendarView {
  return {
    id: c.id,
    key: c.key,
    name: c.name,
    timeZone: c.timeZone,
    weeklyHours: c.weeklyHours,
    usesPublicHolidays: c.usesPublicHolidays,
    isBuiltIn: c.isBuiltIn,
    revision: c.revision,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentClosure(c: TClosureRow): TClosure {
  return { calendarId: c.calendarId, date: c.date, name: c.name };
}

export function presentPublicHoliday(h: TPublicHolidayRow): TPublicHoliday {
  return {
    id: h.id,
    date: h.date,
    name: h.name,
    nameEn: h.nameEn,
    kind: h.kind,
    source: h.source,
    isActive: h.isActive,
    updatedAt: h.updatedAt.toISOString(),
  };
}
