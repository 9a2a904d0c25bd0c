import { z } from 'zod';
import { ZDate, zLine } from './common.js';

/** A wall-clock time `HH:MM`; `24:00` closes a day that works until midnight. */
export const ZTimeOfDay = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM');

/** Minutes after local midnight of a `HH:MM` time. */
export const minutesOfDay = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const ZWorkingInterval = z
  .object({ start: ZTimeOfDay, end: ZTimeOfDay })
  .refine((i) => minutesOfDay(i.start) < minutesOfDay(i.end), { message: 'start must be before end' });
export type TWorkingInterval = z.infer<typeof ZWorkingInterval>;

/** The working intervals of one weekday, in order and not overlapping. */
export const ZWorkingDay = z
  .array(ZWorkingInterval)
  .max(12)
  .refine((day) => day.every((i, n) => n === 0 || minutesOfDay(day[n - 1]!.end) <= minutesOfDay(i.start)), {
    message: 'intervals must be in order and must not overlap',
  });

const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone name that this runtime knows (`Asia/Seoul`, `Europe/Berlin`, `UTC`). */
export const ZTimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: 'unknown time zone' });

/**
 * A business calendar: the time zone its hours are read in, the working intervals of each weekday
 * (index 0 is Sunday, as `Date#getDay`), and whole days off: public holidays and company closures.
 * Plain data, so it travels as JSON and is stored as is; treat a value as immutable once used.
 */
export const ZCalendar = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
    .max(64),
  timeZone: ZTimeZone,
  weeklyHours: z.array(ZWorkingDay).length(7),
  holidays: z.array(ZDate).max(5000),
  closures: z.array(ZDate).max(5000),
});
export type TCalendar = z.infer<typeof ZCalendar>;

/** A holiday declared by the government outside the fixed rules: an election day or a temporary holiday. */
export const ZAdhocHoliday = z.object({ date: ZDate, name: zLine(100), nameEn: zLine(100) });
export type TAdhocHoliday = z.infer<typeof ZAdhocHoliday>;
