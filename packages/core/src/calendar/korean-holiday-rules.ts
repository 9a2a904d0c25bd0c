/**
 * The rules of the Korean public holidays, each with the law or data it comes from: the fixed solar days,
 * the lunar days (converted with KASI data) and the substitute-holiday rules in force by date.
 */
import KoreanLunarCalendar from 'korean-lunar-calendar';
import { dayNumberOf, isoDateOf } from './dates.js';

const DECREE = '관공서의 공휴일에 관한 규정 §2 (대통령령); from 2022 also 공휴일에 관한 법률 §2';
const KASI = 'lunar date converted with KASI data (korean-lunar-calendar)';
const FROM_2026 =
  'added as a 공휴일 from 2026 (amendment to 공휴일에 관한 법률); as listed in the 2026 and 2027 gazette lists ' +
  '(@hyunbinseo/holidays-kr 5.2027.1)';

/**
 * Substitute-holiday (대체공휴일) eligibility, by the rules in force on the holiday's date:
 * - 2014-01-01, 관공서의 공휴일에 관한 규정 §3 (amended 2013-11-05): 설날·추석 on a Sunday or on another
 *   holiday; 어린이날 on a Saturday, a Sunday or another holiday.
 * - 2021-08-04, amended §3 following 공휴일에 관한 법률 §3: 3·1절, 광복절, 개천절, 한글날 as 어린이날
 *   (first applied to 광복절 2021).
 * - 2023-05-04, amended §3: 부처님 오신 날 and 기독탄신일 as 어린이날 (first applied 2023-05-29).
 * - 2026: 노동절 and 제헌절 as the other national days. Assumption: no 2026 date tests it (both fall on a
 *   Friday); the 2027 gazette list gives 대체공휴일 for both on a Saturday (2027-05-03, 2027-07-19).
 * 1월 1일 and 현충일 never get a substitute. The substitute is the first following weekday that is no holiday.
 */
export type TSubstituteRule = { since: string; onSaturday: boolean; source: string };

const SUBSTITUTE_2014 = '관공서의 공휴일에 관한 규정 §3 (in force 2014-01-01)';
const SUBSTITUTE_2021 = '관공서의 공휴일에 관한 규정 §3 as amended 2021-08 (공휴일에 관한 법률 §3)';
const SUBSTITUTE_2023 = '관공서의 공휴일에 관한 규정 §3 as amended 2023-05-04';
const SUBSTITUTE_2026 = 'assumed as the other national days; confirmed by the 2027 gazette list';

export type TKoreanHolidayRule = {
  name: string;
  nameEn: string;
  kind: 'solar' | 'lunar';
  source: string;
  firstYear?: number;
  /** The holiday's date in a Gregorian year. */
  dateIn: (year: number) => string;
  substitute?: TSubstituteRule;
};

const pad = (n: number) => String(n).padStart(2, '0');
const solar = (month: number, day: number) => (year: number) => `${year}-${pad(month)}-${pad(day)}`;

let converter: KoreanLunarCalendar | undefined;

/** The Gregorian date of a (non-leap) lunar date of the lunar year that starts in `year`. */
function lunar(month: number, day: number, shift = 0) {
  return (year: number): string => {
    // One converter: building one precomputes its tables for the years 1000–2050.
    converter ??= new KoreanLunarCalendar();
    if (!converter.setLunarDate(year, month, day, false)) {
      throw new RangeError(`no lunar date ${year}-${month}-${day}`);
    }
    const s = converter.getSolarCalendar();
    return isoDateOf(dayNumberOf(`${s.year}-${pad(s.month)}-${pad(s.day)}`) + shift);
  };
}

const LUNAR_HOLIDAY_SUBSTITUTE: TSubstituteRule = {
  since: '2014-01-01',
  onSaturday: false,
  source: SUBSTITUTE_2014,
};
const NATIONAL_DAY_SUBSTITUTE: TSubstituteRule = {
  since: '2021-08-04',
  onSaturday: true,
  source: SUBSTITUTE_2021,
};
const SINCE_2023_SUBSTITUTE: TSubstituteRule = {
  since: '2023-05-04',
  onSaturday: true,
  source: SUBSTITUTE_2023,
};
const SINCE_2026_SUBSTITUTE: TSubstituteRule = {
  since: '2026-01-01',
  onSaturday: true,
  source: SUBSTITUTE_2026,
};

/** Rules in the order that decides which holiday keeps a day two of them share (the later ones move). */
export const KOREAN_HOLIDAY_RULES: readonly TKoreanHolidayRule[] = [
  { name: '1월 1일', nameEn: "New Year's Day", kind: 'solar', source: DECREE, dateIn: solar(1, 1) },
  {
    name: '3·1절',
    nameEn: 'Independence Movement Day',
    kind: 'solar',
    source: `${DECREE}; 국경일에 관한 법률 §2`,
    dateIn: solar(3, 1),
    substitute: NATIONAL_DAY_SUBSTITUTE,
  },
  {
    name: '노동절',
    nameEn: 'Labour Day',
    kind: 'solar',
    source: FROM_2026,
    firstYear: 2026,
    dateIn: solar(5, 1),
    substitute: SINCE_2026_SUBSTITUTE,
  },
  {
    name: '어린이날',
    nameEn: "Children's Day",
    kind: 'solar',
    source: DECREE,
    dateIn: solar(5, 5),
    substitute: { since: '2014-01-01', onSaturday: true, source: SUBSTITUTE_2014 },
  },
  { name: '현충일', nameEn: 'Memorial Day', kind: 'solar', source: DECREE, dateIn: solar(6, 6) },
  {
    name: '제헌절',
    nameEn: 'Constitution Day',
    kind: 'solar',
    source: `${FROM_2026}; 국경일에 관한 법률 §2`,
    firstYear: 2026,
    dateIn: solar(7, 17),
    substitute: SINCE_2026_SUBSTITUTE,
  },
  {
    name: '광복절',
    nameEn: 'Liberation Day',
    kind: 'solar',
    source: `${DECREE}; 국경일에 관한 법률 §2`,
    dateIn: solar(8, 15),
    substitute: NATIONAL_DAY_SUBSTITUTE,
  },
  {
    name: '개천절',
    nameEn: 'National Foundation Day',
    kind: 'solar',
    source: `${DECREE}; 국경일에 관한 법률 §2`,
    dateIn: solar(10, 3),
    substitute: NATIONAL_DAY_SUBSTITUTE,
  },
  {
    name: '한글날',
    nameEn: 'Hangul Day',
    kind: 'solar',
    source: `${DECREE}; 국경일에 관한 법률 §2`,
    dateIn: solar(10, 9),
    substitute: NATIONAL_DAY_SUBSTITUTE,
  },
  {
    name: '기독탄신일',
    nameEn: 'Christmas Day',
    kind: 'solar',
    source: DECREE,
    dateIn: solar(12, 25),
    substitute: SINCE_2023_SUBSTITUTE,
  },
  {
    name: '설날 전날',
    nameEn: 'Seollal (eve)',
    kind: 'lunar',
    source: `${DECREE}; lunar 12/30 (day before 1/1), ${KASI}`,
    dateIn: lunar(1, 1, -1),
    substitute: LUNAR_HOLIDAY_SUBSTITUTE,
  },
  {
    name: '설날',
    nameEn: 'Seollal',
    kind: 'lunar',
    source: `${DECREE}; lunar 1/1, ${KASI}`,
    dateIn: lunar(1, 1),
    substitute: LUNAR_HOLIDAY_SUBSTITUTE,
  },
  {
    name: '설날 다음 날',
    nameEn: 'Seollal (day after)',
    kind: 'lunar',
    source: `${DECREE}; lunar 1/2, ${KASI}`,
    dateIn: lunar(1, 1, 1),
    substitute: LUNAR_HOLIDAY_SUBSTITUTE,
  },
  {
    name: '부처님 오신 날',
    nameEn: "Buddha's Birthday",
    kind: 'lunar',
    source: `${DECREE}; lunar 4/8, ${KASI}`,
    dateIn: lunar(4, 8),
    substitute: SINCE_2023_SUBSTITUTE,
  },
  {
    name: '추석 전날',
    nameEn: 'Chuseok (eve)',
    kind: 'lunar',
    source: `${DECREE}; lunar 8/14, ${KASI}`,
    dateIn: lunar(8, 15, -1),
    substitute: LUNAR_HOLIDAY_SUBSTITUTE,
  },
  {
    name: '추석',
    nameEn: 'Chuseok',
    kind: 'lunar',
    source: `${DECREE}; lunar 8/15, ${KASI}`,
    dateIn: lunar(8, 15),
    substitute: LUNAR_HOLIDAY_SUBSTITUTE,
  },
  {
    name: '추석 다음 날',
    nameEn: 'Chuseok (day after)',
    kind: 'lunar',
    source: `${DECREE}; lunar 8/16, ${KASI}`,
    dateIn: lunar(8, 15, 1),
    substitute: LUNAR_HOLIDAY_SUBSTITUTE,
  },
];
