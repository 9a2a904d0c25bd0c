import { z } from 'zod';
import { ZDate, ZInstant, zLine } from './common.js';

/** A wall-clock time `HH:MM`; `24:00` closes a day that works until midnight. */
export const ZTimeOfDay = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected HH:MM');

/** Minutes after local midnight of a `HH:MM` time. */
export const minutesOfDay = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

// A malformed time has already been named by its own check; the order rules leave it alone.
const isTimeOfDay = (time: string): boolean => ZTimeOfDay.safeParse(time).success;
const isOrdered = (a: string, b: string, strictly: boolean): boolean =>
  !isTimeOfDay(a) ||
  !isTimeOfDay(b) ||
  (strictly ? minutesOfDay(a) < minutesOfDay(b) : minutesOfDay(a) <= minutesOfDay(b));

export const ZWorkingInterval = z
  .object({ start: ZTimeOfDay, end: ZTimeOfDay })
  .refine((i) => isOrdered(i.start, i.end, true), { message: 'start must be before end' });
export type TWorkingInterval = z.infer<typeof ZWorkingInterval>;

/** The working intervals of one weekday, in order and not overlapping. */
export const ZWorkingDay = z
  .array(ZWorkingInterval)
  .max(12)
  .refine((day) => day.every((i, n) => n === 0 || isOrdered(day[n - 1]!.end, i.start, false)), {
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

// ── The calendar API ────────────────────────────────────────────────────────────────────────────

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar's key: what contracts name. Never shaped like a UUID, so `:id` can take either. */
export const ZCalendarKey = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes')
  .refine((key) => !UUID_SHAPE.test(key), { message: 'A key must not look like an id' });

/** A calendar in the path: its id or its key (`kr-standard`). */
export const ZCalendarRef = z.object({
  id: z.string().min(1).max(64),
});
export type TCalendarRef = z.infer<typeof ZCalendarRef>;

/** Seven weekdays of working intervals (Sunday first), with working time on at least one of them. */
export const ZWeeklyHours = z
  .array(ZWorkingDay)
  .length(7)
  .refine((week) => week.length !== 7 || week.some((day) => day.length > 0), {
    message: 'A calendar needs working hours on at least one day',
  });

/** A business calendar as the API shows it. */
export const ZCalendarView = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  timeZone: z.string(),
  weeklyHours: z.array(z.array(z.object({ start: z.string(), end: z.string() }))),
  usesPublicHolidays: z.boolean(),
  /** Shipped with Hamkke (`kr-standard`, `24x7`): only the name can change. */
  isBuiltIn: z.boolean(),
  /** Goes up with every change to the calendar, its closures or the public holidays it uses. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCalendarView = z.infer<typeof ZCalendarView>;

const calendarFields = {
  name: zLine(100),
  timeZone: ZTimeZone,
  weeklyHours: ZWeeklyHours,
  usesPublicHolidays: z.boolean(),
};

export const ZCreateCalendar = z
  .object({
    key: ZCalendarKey,
    ...calendarFields,
    timeZone: calendarFields.timeZone.default('Asia/Seoul'),
    usesPublicHolidays: calendarFields.usesPublicHolidays.default(true),
  })
  .strict();
export type TCreateCalendar = z.infer<typeof ZCreateCalendar>;

/** The key stays: contracts name the calendar by it. */
export const ZUpdateCalendar = z
  .object(calendarFields)
  .partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'Nothing to change', path: [] });
export type TUpdateCalendar = z.infer<typeof ZUpdateCalendar>;

export const HOLIDAY_KINDS = ['solar', 'lunar', 'substitute', 'adhoc'] as const;
export const CALENDAR_DAY_OFF_KINDS = [...HOLIDAY_KINDS, 'closure'] as const;

export const ZYearQuery = z.object({ year: z.coerce.number().int().min(1).max(9999) });
export type TYearQuery = z.infer<typeof ZYearQuery>;

/** A whole day off in a calendar: a public holiday it observes, or one of its own closure days. */
export const ZCalendarDayOff = z.object({
  date: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(CALENDAR_DAY_OFF_KINDS),
});
export type TCalendarDayOff = z.infer<typeof ZCalendarDayOff>;
export const ZCalendarDaysOff = z.object({ items: z.array(ZCalendarDayOff) });

/** A company closure day of one calendar (창립기념일, 하계 휴무 …). */
export const ZCreateClosure = z.object({ date: ZDate, name: zLine(100) }).strict();
export type TCreateClosure = z.infer<typeof ZCreateClosure>;
export const ZClosure = z.object({ calendarId: z.uuid(), date: z.string(), name: z.string() });
export type TClosure = z.infer<typeof ZClosure>;
export const ZClosureRef = ZCalendarRef.extend({ date: ZDate });
export type TClosureRef = z.infer<typeof ZClosureRef>;

/** Business minutes from the calculator's input: up to a year of minutes around the clock. */
export const MAX_CALCULATOR_MINUTES = 525_600;

// `?minutes=` with nothing after it is left out rather than read as 0.
const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);

/** The calculator: from an instant, either add `minutes` business minutes, or count them up `to` one. */
export const ZBusinessTimeQuery = z
  .object({
    from: ZInstant,
    minutes: z.preprocess(blankAsMissing, z.coerce.number().min(0).max(MAX_CALCULATOR_MINUTES).optional()),
    to: z.preprocess(blankAsMissing, ZInstant.optional()),
  })
  .superRefine((q, ctx) => {
    const given = (q.minutes === undefined ? 0 : 1) + (q.to === undefined ? 0 : 1);
    if (given === 1) return;
    const message = given === 0 ? 'Give minutes or to' : 'Give either minutes or to, not both';
    for (const path of ['minutes', 'to']) ctx.addIssue({ code: 'custom', path: [path], message });
  });
export type TBusinessTimeQuery = z.infer<typeof ZBusinessTimeQuery>;
export const ZBusinessTimeDue = z.object({ due: z.string() });
export const ZBusinessTimeMinutes = z.object({ minutes: z.number() });
export const ZBusinessTimeResult = z.union([ZBusinessTimeDue, ZBusinessTimeMinutes]);
export type TBusinessTimeResult = z.infer<typeof ZBusinessTimeResult>;

// ── Public holidays ─────────────────────────────────────────────────────────────────────────────

export const ZPublicHoliday = z.object({
  id: z.uuid(),
  date: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
  source: z.string(),
  /** A withdrawn holiday stays on record but no calendar observes it. */
  isActive: z.boolean(),
  updatedAt: z.string(),
});
export type TPublicHoliday = z.infer<typeof ZPublicHoliday>;

export const ZPublicHolidayQuery = ZYearQuery;

/** An ad-hoc holiday an admin declares: an election day or a temporary holiday. */
export const ZCreatePublicHoliday = ZAdhocHoliday.extend({
  kind: z.literal('adhoc').default('adhoc'),
  source: z.string().trim().max(500).default(''),
}).strict();
export type TCreatePublicHoliday = z.infer<typeof ZCreatePublicHoliday>;

/** Correct a holiday's names, or withdraw it (`isActive: false`) and bring it back. */
export const ZUpdatePublicHoliday = z
  .object({ name: zLine(100), nameEn: zLine(100), isActive: z.boolean() })
  .partial()
  .strict()
  .refine((h) => Object.keys(h).length > 0, { message: 'Nothing to change', path: [] });
export type TUpdatePublicHoliday = z.infer<typeof ZUpdatePublicHoliday>;
