import { addDays } from '../teams/iso-week.js';

const DAY_MS = 86_400_000;
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** One ISO week in Seoul: its Monday and Sunday, and the instants [start, end) it spans. */
export type TWeekRange = { week: string; monday: string; sunday: string; start: Date; end: Date };

/** The range of `2026-W48`: Monday 00:00 to the next Monday 00:00, Asia/Seoul (no daylight saving). */
export function weekRange(week: string): TWeekRange {
  const [yearText, weekText] = week.split('-W');
  const year = Number(yearText);
  // The Monday of ISO week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const mondayMs = week1Monday + (Number(weekText) - 1) * 7 * DAY_MS;
  const monday = new Date(mondayMs).toISOString().slice(0, 10);
  return {
    week,
    monday,
    sunday: addDays(monday, 6),
    start: new Date(mondayMs - SEOUL_OFFSET_MS),
    end: new Date(mondayMs + 7 * DAY_MS - SEOUL_OFFSET_MS),
  };
}

/** Whether an instant falls in the week. */
export const inWeek = (at: Date | null | undefined, range: TWeekRange): at is Date =>
  !!at && at >= range.start && at < range.end;
