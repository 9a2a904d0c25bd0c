import type { TAdhocHoliday, TCalendar, TWorkingInterval } from '../contract/calendars.js';
import { KNOWN_ADHOC_HOLIDAYS } from './known-adhoc-holidays.js';
import { koreanHolidayDates } from './korean-holidays.js';

const OFFICE_DAY: TWorkingInterval[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const WHOLE_DAY: TWorkingInterval[] = [{ start: '00:00', end: '24:00' }];

/**
 * The standard calendar of a Korean office: Asia/Seoul, Monday–Friday 09:00–12:00 and 13:00–18:00,
 * closed on the Korean public holidays of 2015–2035 with the ad-hoc days of `adhoc` (the server passes
 * its editable table; by default the known ones).
 */
export function krStandardCalendar(adhoc: readonly TAdhocHoliday[] = KNOWN_ADHOC_HOLIDAYS): TCalendar {
  return {
    key: 'kr-standard',
    timeZone: 'Asia/Seoul',
    weeklyHours: [[], OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, []],
    holidays: koreanHolidayDates(adhoc),
    closures: [],
  };
}

/** The built-in `kr-standard` calendar, with the known ad-hoc holidays. */
export const KR_STANDARD: TCalendar = krStandardCalendar();

/** Around the clock, every day, holidays included: for P1 incidents where a contract says so. */
export const TWENTY_FOUR_SEVEN: TCalendar = {
  key: '24x7',
  timeZone: 'Asia/Seoul',
  weeklyHours: [WHOLE_DAY, WHOLE_DAY, WHOLE_DAY, WHOLE_DAY, WHOLE_DAY, WHOLE_DAY, WHOLE_DAY],
  holidays: [],
  closures: [],
};
