/** Date arithmetic on `YYYY-MM-DD` strings (calendar days, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the ISO week the date falls in. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** `count` consecutive Mondays from the week of `from`. */
export function weeksFrom(from: string, count: number): string[] {
  const first = mondayOf(from);
  return Array.from({ length: count }, (_, i) => addDays(first, i * 7));
}

/** Whether the period `startsOn`–`endsOn` (inclusive) touches the week starting on `monday`. */
export const overlapsWeek = (monday: string, startsOn: string, endsOn: string): boolean =>
  startsOn <= addDays(monday, 6) && endsOn >= monday;
