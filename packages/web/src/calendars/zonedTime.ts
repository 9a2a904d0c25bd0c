// Wall-clock times in a named time zone, with nothing but Intl: the calendar page reads and shows
// times in the calendar's own zone (Asia/Seoul for kr-standard), whatever zone the browser is in.

type TFields = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function fieldsIn(timeZone: string, at: number): TFields {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The offset of `timeZone` from UTC at the instant `at`, in milliseconds, to the minute. */
function offsetMs(timeZone: string, at: number): number {
  const f = fieldsIn(timeZone, at);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute) - Math.floor(at / 60_000) * 60_000;
}

/** The year it is now in `timeZone`. */
export const currentYearIn = (timeZone: string): number => fieldsIn(timeZone, Date.now()).year;

/** An instant as the value of an `<input type="datetime-local">` in `timeZone`: `YYYY-MM-DDTHH:MM`. */
export function toLocalInput(at: number, timeZone: string): string {
  const f = fieldsIn(timeZone, at);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/**
 * The instant a wall-clock time `YYYY-MM-DDTHH:MM` names in `timeZone`, or null when the text is no
 * such time. A time skipped by a daylight-saving change is read with the offset from before it.
 */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return null;
  const first = wall - offsetMs(timeZone, wall);
  const second = wall - offsetMs(timeZone, first);
  return new Date(second);
}

/** A calendar date `YYYY-MM-DD` with its weekday in the UI language: `2025-01-28 (화)`. */
export function dateWithWeekday(date: string, language: string): string {
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
  return `${date} (${weekday})`;
}

/** The weekday of a date `YYYY-MM-DD`, Sunday 0, as `Date#getDay`. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** An instant as a wall-clock time in `timeZone` with its weekday: `2026-11-23 (월) 12:00`. */
export function formatInZone(at: Date, timeZone: string, language: string): string {
  const [date, time] = toLocalInput(at.getTime(), timeZone).split('T') as [string, string];
  return `${dateWithWeekday(date, language)} ${time}`;
}
