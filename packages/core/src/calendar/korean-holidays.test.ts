import { getHolidayPreset } from '@hyunbinseo/holidays-kr';
import { describe, expect, it } from 'vitest';
import { dayNumberOf, weekdayOf } from './dates.js';
import { KNOWN_ADHOC_HOLIDAYS } from './known-adhoc-holidays.js';
import {
  KOREAN_HOLIDAY_YEARS,
  koreanHolidayDates,
  koreanHolidays,
  type TKoreanHoliday,
} from './korean-holidays.js';

const listOf = (year: number) => koreanHolidays(year).map((h) => `${h.date} ${h.name}`);
const YEARS = Array.from(
  { length: KOREAN_HOLIDAY_YEARS.to - KOREAN_HOLIDAY_YEARS.from + 1 },
  (_, i) => KOREAN_HOLIDAY_YEARS.from + i,
);

/** The gazette's names and ours differ in spelling only: `3ㆍ1절` and `3·1절`, spaces in election names. */
const normalise = (name: string) => name.replace(/[ㆍ·]/g, '·').replace(/\s/g, '');

/** One line per holiday, ad-hoc days by kind only: the gazette names elections in several ways. */
function comparable(date: string, name: string, kind: TKoreanHoliday['kind']): string {
  return kind === 'adhoc' ? `${date} adhoc` : `${date} ${normalise(name)}`;
}

describe('Korean public holidays', () => {
  // Checked by hand against the 2024 list of 우주항공청/KASI 월력요항 and the cabinet's 2024-10-01 decision.
  it('lists 2024 as announced: 설날 with its substitute, the election, 어린이날 substitute, 국군의 날', () => {
    expect(listOf(2024)).toEqual([
      '2024-01-01 1월 1일',
      '2024-02-09 설날 전날',
      '2024-02-10 설날',
      '2024-02-11 설날 다음 날',
      '2024-02-12 대체공휴일(설날)',
      '2024-03-01 3·1절',
      '2024-04-10 제22대 국회의원선거',
      '2024-05-05 어린이날',
      '2024-05-06 대체공휴일(어린이날)',
      '2024-05-15 부처님 오신 날',
      '2024-06-06 현충일',
      '2024-08-15 광복절',
      '2024-09-16 추석 전날',
      '2024-09-17 추석',
      '2024-09-18 추석 다음 날',
      '2024-10-01 임시공휴일',
      '2024-10-03 개천절',
      '2024-10-09 한글날',
      '2024-12-25 기독탄신일',
    ]);
  });

  it('lists 2025 as announced: 1/27 temporary, one substitute for 어린이날 and 부처님 오신 날 together', () => {
    expect(listOf(2025)).toEqual([
      '2025-01-01 1월 1일',
      '2025-01-27 임시공휴일',
      '2025-01-28 설날 전날',
      '2025-01-29 설날',
      '2025-01-30 설날 다음 날',
      '2025-03-01 3·1절',
      '2025-03-03 대체공휴일(3·1절)',
      '2025-05-05 어린이날',
      '2025-05-05 부처님 오신 날',
      '2025-05-06 대체공휴일(부처님 오신 날)',
      '2025-06-03 제21대 대통령선거',
      '2025-06-06 현충일',
      '2025-08-15 광복절',
      '2025-10-03 개천절',
      '2025-10-05 추석 전날',
      '2025-10-06 추석',
      '2025-10-07 추석 다음 날',
      '2025-10-08 대체공휴일(추석)',
      '2025-10-09 한글날',
      '2025-12-25 기독탄신일',
    ]);
  });

  it('lists 2026 with 노동절 and 제헌절, and substitutes for Sunday 3·1절 and 부처님 오신 날 and Saturday 광복절 and 개천절', () => {
    expect(listOf(2026)).toEqual([
      '2026-01-01 1월 1일',
      '2026-02-16 설날 전날',
      '2026-02-17 설날',
      '2026-02-18 설날 다음 날',
      '2026-03-01 3·1절',
      '2026-03-02 대체공휴일(3·1절)',
      '2026-05-01 노동절',
      '2026-05-05 어린이날',
      '2026-05-24 부처님 오신 날',
      '2026-05-25 대체공휴일(부처님 오신 날)',
      '2026-06-03 제9회 전국동시지방선거',
      '2026-06-06 현충일',
      '2026-07-17 제헌절',
      '2026-08-15 광복절',
      '2026-08-17 대체공휴일(광복절)',
      '2026-09-24 추석 전날',
      '2026-09-25 추석',
      '2026-09-26 추석 다음 날',
      '2026-10-03 개천절',
      '2026-10-05 대체공휴일(개천절)',
      '2026-10-09 한글날',
      '2026-12-25 기독탄신일',
    ]);
    // 추석 다음 날 on a Saturday earns nothing: only a Sunday or another holiday moves 설날 and 추석.
    expect(koreanHolidays(2026).filter((h) => h.name === '대체공휴일(추석)')).toEqual([]);
  });

  it('lists 2015–2017, before the gazette package covers them, as announced then', () => {
    const substitutes = (year: number) => koreanHolidays(year).filter((h) => h.kind === 'substitute');
    expect(substitutes(2015).map((h) => h.date)).toEqual(['2015-09-29']);
    expect(substitutes(2016).map((h) => h.date)).toEqual(['2016-02-10']);
    // 2017: 추석 전날 on 개천절 (a Tuesday) gives 10-06; 10-02 was a temporary holiday.
    expect(substitutes(2017).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2017-01-30 대체공휴일(설날)',
      '2017-10-06 대체공휴일(추석)',
    ]);
    expect(koreanHolidays(2017).map((h) => h.date)).toContain('2017-10-02');
  });

  it('agrees date by date with the official gazette lists in @hyunbinseo/holidays-kr, 2018–2027', async () => {
    for (let year = 2018; year <= 2027; year++) {
      const gazette = await getHolidayPreset(String(year));
      const ruleNames = koreanHolidays(year, [])
        .filter((h) => h.kind !== 'adhoc')
        .map((h) => normalise(h.name));
      const theirs = Object.entries(gazette).flatMap(([date, names]) =>
        names.map((name) => comparable(date, name, ruleNames.includes(normalise(name)) ? 'solar' : 'adhoc')),
      );
      const ours = koreanHolidays(year).map((h) => comparable(h.date, h.name, h.kind));
      expect({ year, list: ours.sort() }).toEqual({ year, list: theirs.sort() });
    }
  });

  it('keeps every known ad-hoc day of 2018–2027 as the gazette lists it', async () => {
    for (const adhoc of KNOWN_ADHOC_HOLIDAYS.filter((h) => h.date >= '2018')) {
      const gazette = await getHolidayPreset(adhoc.date.slice(0, 4));
      expect(gazette[adhoc.date as keyof typeof gazette], adhoc.date).toBeDefined();
    }
  });

  it('puts every substitute day on a weekday that is no other holiday', () => {
    for (const year of YEARS) {
      const holidays = koreanHolidays(year);
      for (const substitute of holidays.filter((h) => h.kind === 'substitute')) {
        expect([0, 6]).not.toContain(weekdayOf(dayNumberOf(substitute.date)));
        expect(holidays.filter((h) => h.date === substitute.date)).toHaveLength(1);
      }
    }
  });

  it('gives three consecutive days to 설날 and 추석 and names a source for every holiday', () => {
    for (const year of YEARS) {
      const holidays = koreanHolidays(year);
      for (const prefix of ['설날', '추석']) {
        const days = holidays.filter((h) => h.kind === 'lunar' && h.name.startsWith(prefix));
        expect(days.map((h) => dayNumberOf(h.date) - dayNumberOf(days[0]!.date))).toEqual([0, 1, 2]);
      }
      for (const h of holidays) expect(h.source, `${h.date} ${h.name}`).not.toBe('');
    }
  });

  it('moves a Saturday 어린이날 but not a Saturday 설날 or a Saturday 3·1절 before 2021-08', () => {
    expect(koreanHolidays(2018).map((h) => h.date)).toContain('2018-05-07');
    // 2021-02-13 설날 다음 날 on a Saturday; 2020-08-15 광복절 on a Saturday (2020-08-17 is the temporary day).
    expect(koreanHolidays(2021).filter((h) => h.kind === 'substitute' && h.date < '2021-08-01')).toEqual([]);
    expect(
      koreanHolidays(2020)
        .filter((h) => h.date === '2020-08-17')
        .map((h) => h.kind),
    ).toEqual(['adhoc']);
  });

  it('takes the ad-hoc days from the table it is given', () => {
    expect(koreanHolidays(2024, []).map((h) => h.date)).not.toContain('2024-10-01');
    const extra = [{ date: '2024-02-13', name: '임시공휴일', nameEn: 'Temporary holiday' }];
    // The substitute for 설날 already falls on 02-12; a temporary day on 02-13 simply adds to it.
    expect(
      koreanHolidays(2024, extra).filter((h) => h.date >= '2024-02-12' && h.date <= '2024-02-13'),
    ).toHaveLength(2);
    const blocking = [{ date: '2024-02-12', name: '임시공휴일', nameEn: 'Temporary holiday' }];
    const substitute = koreanHolidays(2024, blocking).find((h) => h.kind === 'substitute');
    expect(substitute?.date).toBe('2024-02-13');
  });

  it('refuses years outside 2015–2035, where no rule was checked', () => {
    expect(() => koreanHolidays(2014)).toThrow(RangeError);
    expect(() => koreanHolidays(2036)).toThrow(RangeError);
  });

  it('gives a calendar distinct sorted dates', () => {
    const dates = koreanHolidayDates();
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates).toContain('2025-05-05');
    expect(dates.filter((d) => d === '2025-05-05')).toHaveLength(1);
  });
});
