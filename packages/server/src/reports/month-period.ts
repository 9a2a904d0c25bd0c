import { zoneOffsetMs } from '@hamkke/core';

/** The instant local midnight of `YYYY-MM-DD` is in `timeZone` (DST-safe: the offset is read twice). */
export function localMidnight(isoDate: string, timeZone: string): Date {
  const wall = Date.parse(`${isoDate}T00:00:00Z`);
  const guess = wall - zoneOffsetMs(timeZone, wall);
  return new Date(wall - zoneOffsetMs(timeZone, guess));
}

/** `YYYY-MM` moved by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month as instants, [start, end), cut in `timeZone`. */
export function monthPeriod(month: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: localMidnight(`${month}-01`, timeZone),
    end: localMidnight(`${addMonths(month, 1)}-01`, timeZone),
  };
}

/** The six months ending with `month`, oldest first. */
export const trendMonths = (month: string): string[] =>
  [-5, -4, -3, -2, -1, 0].map((d) => addMonths(month, d));
