import { minutesOfDay, type TCalendar } from '../contract/calendars.js';
import { DAY_MS, dayNumberOf, weekdayOf } from './dates.js';
import { zoneOffsetMs } from './time-zone.js';

const MINUTE_MS = 60_000;
/** A calendar whose next working minute lies further away than this is treated as broken, not looped on. */
const MAX_IDLE_DAYS = 20 * 366;

/**
 * One local day of a calendar, resolved to instants. `spans` holds the working time as flat UTC pairs
 * `[start0, end0, start1, end1, …]` (milliseconds, half-open, sorted, merged). The zone offset is
 * `offsetBefore` until `switchAt` and `offsetAfter` from then on, across a window from one day before
 * the local day to one day after it: at most one offset change is assumed within those three days.
 */
type TDaySchedule = {
  spans: number[];
  totalMs: number;
  offsetBefore: number;
  offsetAfter: number;
  switchAt: number;
};

/** Days are computed in blocks, with running totals, so long spans jump a block at a time. */
const BLOCK_DAYS = 32;
type TBlock = {
  days: TDaySchedule[];
  /** `cumulative[i]`: working milliseconds of the block's days before day `i`; `cumulative[BLOCK_DAYS]` is all. */
  cumulative: number[];
};

class CompiledCalendar {
  private readonly blocks = new Map<number, TBlock>();
  private readonly weekly: number[][];
  private readonly daysOff: Set<number>;
  private offsetHint: number;

  constructor(private readonly calendar: TCalendar) {
    if (calendar.weeklyHours.length !== 7)
      throw new RangeError(`calendar ${calendar.key}: weeklyHours needs 7 days`);
    this.weekly = calendar.weeklyHours.map((day) =>
      day.flatMap((interval) => [
        minutesOfDay(interval.start) * MINUTE_MS,
        minutesOfDay(interval.end) * MINUTE_MS,
      ]),
    );
    if (this.weekly.every((day) => day.length === 0)) {
      throw new RangeError(`calendar ${calendar.key} has no working hours`);
    }
    this.daysOff = new Set([...calendar.holidays, ...calendar.closures].map(dayNumberOf));
    this.offsetHint = zoneOffsetMs(calendar.timeZone, Date.UTC(2020, 0, 1));
  }

  /** The block of days starting at day `index × BLOCK_DAYS`, computed once. */
  block(index: number): TBlock {
    const cached = this.blocks.get(index);
    if (cached) return cached;
    const days: TDaySchedule[] = [];
    const cumulative = [0];
    for (let i = 0; i < BLOCK_DAYS; i++) {
      const schedule = this.buildDay(index * BLOCK_DAYS + i);
      days.push(schedule);
      cumulative.push(cumulative[i]! + schedule.totalMs);
    }
    const block = { days, cumulative };
    this.blocks.set(index, block);
    return block;
  }

  /** The schedule of local day `day` (days since 1970-01-01). */
  day(day: number): TDaySchedule {
    const index = Math.floor(day / BLOCK_DAYS);
    return this.block(index).days[day - index * BLOCK_DAYS]!;
  }

  /** Working milliseconds of the whole days `fromDay` (inclusive) to `toDay` (exclusive). */
  wholeDaysMs(fromDay: number, toDay: number): number {
    let ms = 0;
    for (let day = fromDay; day < toDay; ) {
      const index = Math.floor(day / BLOCK_DAYS);
      const first = day - index * BLOCK_DAYS;
      const end = Math.min(toDay - index * BLOCK_DAYS, BLOCK_DAYS);
      const { cumulative } = this.block(index);
      ms += cumulative[end]! - cumulative[first]!;
      day += end - first;
    }
    return ms;
  }

  /** The local date, as a day number, of the instant `t`. */
  localDayOf(t: number): number {
    let day = Math.floor((t + this.offsetHint) / DAY_MS);
    for (let attempt = 0; attempt < 4; attempt++) {
      const s = this.day(day);
      const offset = t < s.switchAt ? s.offsetBefore : s.offsetAfter;
      const local = Math.floor((t + offset) / DAY_MS);
      if (local === day) {
        this.offsetHint = offset;
        return day;
      }
      day = local;
    }
    return Math.floor((t + zoneOffsetMs(this.calendar.timeZone, t)) / DAY_MS);
  }

  private buildDay(day: number): TDaySchedule {
    const { timeZone } = this.calendar;
    const base = day * DAY_MS;
    let low = base - DAY_MS;
    let high = base + 2 * DAY_MS;
    const offsetBefore = zoneOffsetMs(timeZone, low);
    let offsetAfter = zoneOffsetMs(timeZone, high);
    let switchAt = Number.POSITIVE_INFINITY;
    if (offsetAfter !== offsetBefore) {
      // Bisect to the whole second where the offset changes: zone transitions fall on whole seconds.
      while (high - low > 1000) {
        const middle = low + Math.floor((high - low) / 2000) * 1000;
        if (zoneOffsetMs(timeZone, middle) === offsetBefore) low = middle;
        else high = middle;
      }
      switchAt = high;
      offsetAfter = zoneOffsetMs(timeZone, high);
    }

    const intervals = this.daysOff.has(day) ? [] : (this.weekly[weekdayOf(day)] ?? []);
    const pieces: [number, number][] = [];
    for (let i = 0; i < intervals.length; i += 2) {
      const start = base + intervals[i]!;
      const end = base + intervals[i + 1]!;
      // Local wall time w is the instant w − offset; clip each offset to the instants where it applies.
      const before: [number, number] = [start - offsetBefore, Math.min(end - offsetBefore, switchAt)];
      const after: [number, number] = [Math.max(start - offsetAfter, switchAt), end - offsetAfter];
      if (before[0] < before[1]) pieces.push(before);
      if (after[0] < after[1]) pieces.push(after);
    }
    pieces.sort((a, b) => a[0] - b[0]);
    const spans: number[] = [];
    let totalMs = 0;
    for (const [start, end] of pieces) {
      const last = spans.length - 1;
      if (last > 0 && start <= spans[last]!) {
        if (end > spans[last]!) {
          totalMs += end - spans[last]!;
          spans[last] = end;
        }
      } else {
        spans.push(start, end);
        totalMs += end - start;
      }
    }
    return { spans, totalMs, offsetBefore, offsetAfter, switchAt };
  }
}

const compiled = new WeakMap<TCalendar, CompiledCalendar>();

/** The calendar's precomputed form, kept per calendar object: reuse the object, never mutate it. */
function compile(calendar: TCalendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (!c) {
    c = new CompiledCalendar(calendar);
    compiled.set(calendar, c);
  }
  return c;
}

function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid date`);
  return t;
}

/**
 * The instant at which `minutes` business minutes of `calendar` have passed since `start`: the earliest
 * such instant, so a span that ends exactly at a closing time ends there (09:00 + 180 min → 12:00, not 13:00).
 * A start outside working hours counts from the next opening. With 0 minutes the answer is `start` itself
 * when it is inside working hours and the next opening when it is not: a clock started out of hours
 * starts at the opening. A minute is a business minute when its local wall time falls in a working
 * interval of a day that is neither holiday nor closure; on DST switch days that is real elapsed time
 * (a 23- or 25-hour day). Fractions of a minute are kept to the millisecond.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: TCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, not ${minutes}`);
  }
  const t = instantOf(start, 'start');
  const c = compile(calendar);
  let remaining = Math.round(minutes * MINUTE_MS);
  // From the day before: around a backward offset change an instant can sit on the previous local day.
  let day = c.localDayOf(t) - 1;
  // The days the start cuts into, span by span…
  for (; ; day++) {
    const { spans, totalMs } = c.day(day);
    if (totalMs === 0) continue;
    if (spans[0]! >= t) break;
    for (let i = 0; i < spans.length; i += 2) {
      const end = spans[i + 1]!;
      if (end <= t) continue;
      const from = Math.max(spans[i]!, t);
      if (end - from >= remaining) return new Date(from + remaining);
      remaining -= end - from;
    }
  }
  // …then whole days, a block at a time while the block's rest does not suffice.
  for (let idleDays = 0; idleDays <= MAX_IDLE_DAYS; ) {
    const index = Math.floor(day / BLOCK_DAYS);
    const first = day - index * BLOCK_DAYS;
    const { days, cumulative } = c.block(index);
    const rest = cumulative[BLOCK_DAYS]! - cumulative[first]!;
    if (rest < remaining || rest === 0) {
      remaining -= rest;
      idleDays = rest === 0 ? idleDays + BLOCK_DAYS - first : 0;
      day = (index + 1) * BLOCK_DAYS;
      continue;
    }
    for (let i = first; i < BLOCK_DAYS; i++) {
      const { spans, totalMs } = days[i]!;
      if (totalMs === 0) continue;
      if (totalMs < remaining) {
        remaining -= totalMs;
        continue;
      }
      for (let k = 0; k < spans.length; k += 2) {
        const length = spans[k + 1]! - spans[k]!;
        if (length >= remaining) return new Date(spans[k]! + remaining);
        remaining -= length;
      }
    }
  }
  throw new RangeError(`calendar ${calendar.key} has no working time for ${MAX_IDLE_DAYS} days`);
}

/**
 * The business minutes of `calendar` in `[a, b)`: exact, so fractional when `a` or `b` is not on a whole
 * minute. Antisymmetric: when `b` is before `a` the answer is minus the minutes from `b` to `a` (≤ 0).
 */
export function businessMinutesBetween(a: Date, b: Date, calendar: TCalendar): number {
  const from = instantOf(a, 'a');
  const to = instantOf(b, 'b');
  // `0 -` rather than unary minus: no -0 for an empty reversed span.
  if (to < from) return 0 - businessMinutesBetween(b, a, calendar);
  const c = compile(calendar);
  const firstDay = c.localDayOf(from);
  const lastDay = c.localDayOf(to);
  const clipped = (day: number): number => {
    const { spans, totalMs } = c.day(day);
    let ms = 0;
    if (totalMs > 0) {
      for (let i = 0; i < spans.length; i += 2) {
        const overlap = Math.min(spans[i + 1]!, to) - Math.max(spans[i]!, from);
        if (overlap > 0) ms += overlap;
      }
    }
    return ms;
  };
  let totalMs = 0;
  if (lastDay - firstDay < 3) {
    for (let day = firstDay - 1; day <= lastDay + 1; day++) totalMs += clipped(day);
  } else {
    // The days strictly between the two ends lie wholly inside [a, b).
    totalMs += clipped(firstDay - 1) + clipped(firstDay);
    totalMs += c.wholeDaysMs(firstDay + 1, lastDay);
    totalMs += clipped(lastDay) + clipped(lastDay + 1);
  }
  return totalMs / MINUTE_MS;
}

/** Whether the instant `at` falls inside the working hours of `calendar`. */
export function isBusinessTime(at: Date, calendar: TCalendar): boolean {
  const t = instantOf(at, 'at');
  const c = compile(calendar);
  const day = c.localDayOf(t);
  for (let d = day - 1; d <= day + 1; d++) {
    const { spans } = c.day(d);
    for (let i = 0; i < spans.length; i += 2) if (spans[i]! <= t && t < spans[i + 1]!) return true;
  }
  return false;
}
