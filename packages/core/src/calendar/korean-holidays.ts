import type { TAdhocHoliday } from '../contract/calendars.js';
import { dayNumberOf, isoDateOf, weekdayOf } from './dates.js';
import { KNOWN_ADHOC_HOLIDAYS } from './known-adhoc-holidays.js';
import { KOREAN_HOLIDAY_RULES, type TSubstituteRule } from './korean-holiday-rules.js';

export const KOREAN_HOLIDAY_KINDS = ['solar', 'lunar', 'substitute', 'adhoc'] as const;
export type TKoreanHolidayKind = (typeof KOREAN_HOLIDAY_KINDS)[number];

/** One public holiday in Korea, with where the rule that makes it comes from. */
export type TKoreanHoliday = {
  date: string;
  name: string;
  nameEn: string;
  kind: TKoreanHolidayKind;
  source: string;
};

/** The years whose holidays the rules of `KOREAN_HOLIDAY_RULES` are written and checked for. */
export const KOREAN_HOLIDAY_YEARS = { from: 2015, to: 2035 } as const;

/** The holiday a substitute day stands for, as the gazette names it: 설날 and 추석 stand for their three days. */
const substituteLabel = (name: string): [string, string] => {
  if (name.startsWith('설날')) return ['설날', 'Seollal'];
  if (name.startsWith('추석')) return ['추석', 'Chuseok'];
  const rule = KOREAN_HOLIDAY_RULES.find((r) => r.name === name);
  return [name, rule?.nameEn ?? name];
};

type TDayHoliday = TKoreanHoliday & { substitute?: TSubstituteRule };

/**
 * How many of a day's holidays earn a substitute day, and which: on a weekday the first keeps the day and
 * each later eligible one has overlapped "another holiday"; on a Sunday every eligible one moves; on a
 * Saturday those eligible on Saturdays move, and 설날·추석 days move only when they share the day.
 * (2025-05-05, 어린이날 and 부처님 오신 날 on a Monday, gave one substitute, 2025-05-06.)
 */
function movedHolidays(day: number, holidays: readonly TDayHoliday[]): TDayHoliday[] {
  const weekday = weekdayOf(day);
  const date = isoDateOf(day);
  const eligible = (h: TDayHoliday) => h.substitute !== undefined && date >= h.substitute.since;
  if (weekday === 0) return holidays.filter(eligible);
  if (weekday === 6) {
    return holidays.filter((h) => eligible(h) && (h.substitute?.onSaturday === true || holidays.length > 1));
  }
  return holidays.slice(1).filter(eligible);
}

const ADHOC_SOURCE = 'ad-hoc: election day (공직선거법 §34) or temporary holiday declared by the government';

/**
 * The public holidays of Korea in `year` (2015–2035), sorted by date: the fixed solar days, the lunar ones,
 * the substitute days by the rules in force that year, and the ad-hoc days of `adhoc` (by default the
 * known ones; the server passes its editable table). A day with two holidays appears twice.
 */
export function koreanHolidays(
  year: number,
  adhoc: readonly TAdhocHoliday[] = KNOWN_ADHOC_HOLIDAYS,
): TKoreanHoliday[] {
  if (!Number.isInteger(year) || year < KOREAN_HOLIDAY_YEARS.from || year > KOREAN_HOLIDAY_YEARS.to) {
    throw new RangeError(
      `Korean holidays are defined for ${KOREAN_HOLIDAY_YEARS.from}–${KOREAN_HOLIDAY_YEARS.to}, not ${year}`,
    );
  }
  const byDay = new Map<number, TDayHoliday[]>();
  const add = (holiday: TDayHoliday) => {
    const day = dayNumberOf(holiday.date);
    byDay.set(day, [...(byDay.get(day) ?? []), holiday]);
  };
  // Ad-hoc days first: they keep the day they fall on and never move.
  for (const h of adhoc) {
    if (h.date.startsWith(`${year}-`)) add({ ...h, kind: 'adhoc', source: ADHOC_SOURCE });
  }
  for (const rule of KOREAN_HOLIDAY_RULES) {
    if (rule.firstYear !== undefined && year < rule.firstYear) continue;
    const { name, nameEn, kind, source, substitute } = rule;
    add({ date: rule.dateIn(year), name, nameEn, kind, source, ...(substitute ? { substitute } : {}) });
  }

  const substitutes: TKoreanHoliday[] = [];
  const taken = new Set(byDay.keys());
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    for (const moved of movedHolidays(day, byDay.get(day) ?? [])) {
      let target = day + 1;
      while (taken.has(target) || weekdayOf(target) === 0 || weekdayOf(target) === 6) target += 1;
      taken.add(target);
      const [label, labelEn] = substituteLabel(moved.name);
      substitutes.push({
        date: isoDateOf(target),
        name: `대체공휴일(${label})`,
        nameEn: `Substitute holiday (${labelEn})`,
        kind: 'substitute',
        source: moved.substitute?.source ?? '',
      });
    }
  }

  const all = [...[...byDay.values()].flat(), ...substitutes].map(
    ({ date, name, nameEn, kind, source }): TKoreanHoliday => ({ date, name, nameEn, kind, source }),
  );
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The distinct dates of the Korean public holidays of the years `from`–`to`, sorted: what a calendar holds. */
export function koreanHolidayDates(
  adhoc: readonly TAdhocHoliday[] = KNOWN_ADHOC_HOLIDAYS,
  from: number = KOREAN_HOLIDAY_YEARS.from,
  to: number = KOREAN_HOLIDAY_YEARS.to,
): string[] {
  const dates = new Set<string>();
  for (let year = from; year <= to; year++) for (const h of koreanHolidays(year, adhoc)) dates.add(h.date);
  return [...dates].sort();
}
