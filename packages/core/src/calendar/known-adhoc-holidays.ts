import type { TAdhocHoliday } from '../contract/calendars.js';

/**
 * Holidays the government declared outside the fixed rules, 2015 onwards: election days (공직선거법 §34,
 * a 공휴일 under 관공서의 공휴일에 관한 규정 §2) and temporary holidays (임시공휴일, by cabinet decision).
 * The server seeds these into its editable table; an admin adds the next ones there without a release.
 * 2018–2026 entries are checked against the gazette lists in `@hyunbinseo/holidays-kr` (see the tests);
 * 2015–2017 come from the government announcements of those years.
 */
export const KNOWN_ADHOC_HOLIDAYS: readonly TAdhocHoliday[] = [
  { date: '2015-08-14', name: '임시공휴일', nameEn: 'Temporary holiday (70th Liberation anniversary)' },
  { date: '2016-04-13', name: '제20대 국회의원선거', nameEn: '20th National Assembly election' },
  { date: '2016-05-06', name: '임시공휴일', nameEn: 'Temporary holiday' },
  { date: '2017-05-09', name: '제19대 대통령선거', nameEn: '19th presidential election' },
  { date: '2017-10-02', name: '임시공휴일', nameEn: 'Temporary holiday' },
  { date: '2018-06-13', name: '제7회 전국동시지방선거', nameEn: '7th local elections' },
  { date: '2020-04-15', name: '제21대 국회의원선거', nameEn: '21st National Assembly election' },
  { date: '2020-08-17', name: '임시공휴일', nameEn: 'Temporary holiday' },
  { date: '2022-03-09', name: '제20대 대통령선거', nameEn: '20th presidential election' },
  { date: '2022-06-01', name: '제8회 전국동시지방선거', nameEn: '8th local elections' },
  { date: '2023-10-02', name: '임시공휴일', nameEn: 'Temporary holiday' },
  { date: '2024-04-10', name: '제22대 국회의원선거', nameEn: '22nd National Assembly election' },
  { date: '2024-10-01', name: '임시공휴일', nameEn: 'Temporary holiday (Armed Forces Day)' },
  { date: '2025-01-27', name: '임시공휴일', nameEn: 'Temporary holiday' },
  { date: '2025-06-03', name: '제21대 대통령선거', nameEn: '21st presidential election' },
  { date: '2026-06-03', name: '제9회 전국동시지방선거', nameEn: '9th local elections' },
];
