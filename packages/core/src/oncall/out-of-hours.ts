import { isBusinessTime } from '../calendar/business-time.js';
import { DAY_MS, isoDateOf, weekdayOf } from '../calendar/dates.js';
import { zoneOffsetMs } from '../calendar/time-zone.js';
import type { TCalendar } from '../contract/calendars.js';
import type { TOutOfHoursReason } from '../contract/oncall.js';

/**
 * Why `at` lies outside the working hours of `calendar` — a public holiday (lunar and substitute days
 * included, as the calendar lists them), a company closure, a day without hours (the weekend), or
 * outside the day's hours — or null when it is business time.
 */
export function outOfHoursReason(at: Date, calendar: TCalendar): TOutOfHoursReason | null {
  if (isBusinessTime(at, calendar)) return null;
  const day = Math.floor((at.getTime() + zoneOffsetMs(calendar.timeZone, at.getTime())) / DAY_MS);
  const date = isoDateOf(day);
  if (calendar.holidays.includes(date)) return 'public_holiday';
  if (calendar.closures.includes(date)) return 'closure';
  if ((calendar.weeklyHours[weekdayOf(day)] ?? []).length === 0) return 'weekend';
  return 'after_hours';
}
