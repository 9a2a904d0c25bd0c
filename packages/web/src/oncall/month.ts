/** Date arithmetic for the on-call month view, on Seoul dates (`YYYY-MM-DD`; Seoul has no DST). */

const DAY_MS = 86_400_000;
const SEOUL_MS = 9 * 3_600_000;

export const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The weekday of a date, 0 = Sunday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Midnight of a Seoul date as an instant. */
export const seoulMidnight = (date: string): string => `${date}T00:00:00+09:00`;

/** The Seoul date of an instant. */
export const seoulDateOf = (iso: string): string =>
  new Date(Date.parse(iso) + SEOUL_MS).toISOString().slice(0, 10);

/** `HH:MM` of an instant in Seoul. */
export const seoulTimeOf = (iso: string): string =>
  new Date(Date.parse(iso) + SEOUL_MS).toISOString().slice(11, 16);

/** The month `YYYY-MM` moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The days shown for a month: whole weeks, Sunday first, from the week of the 1st to that of the last day. */
export function monthGrid(month: string): string[][] {
  const first = `${month}-01`;
  const last = addDays(`${shiftMonth(month, 1)}-01`, -1);
  let day = addDays(first, -weekdayOf(first));
  const weeks: string[][] = [];
  while (day <= last) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** Whether `[start, end)` overlaps the Seoul day `date`. */
export const overlapsDay = (start: string, end: string, date: string): boolean =>
  Date.parse(start) < Date.parse(seoulMidnight(addDays(date, 1))) &&
  Date.parse(end) > Date.parse(seoulMidnight(date));
