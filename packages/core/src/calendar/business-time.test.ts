import { describe, expect, it } from 'vitest';
import { type TCalendar, ZCalendar } from '../contract/calendars.js';
import { KR_STANDARD, krStandardCalendar, TWENTY_FOUR_SEVEN } from './built-in-calendars.js';
import { addBusinessMinutes, businessMinutesBetween, isBusinessTime } from './business-time.js';

const at = (iso: string) => new Date(iso);
const add = (iso: string, minutes: number, calendar: TCalendar = KR_STANDARD) =>
  addBusinessMinutes(at(iso), minutes, calendar).toISOString();
const between = (a: string, b: string, calendar: TCalendar = KR_STANDARD) =>
  businessMinutesBetween(at(a), at(b), calendar);

/** A calendar in `timeZone` working the same intervals every day, with no holidays. */
const everyDay = (timeZone: string, intervals: [string, string][]): TCalendar => {
  const day = intervals.map(([start, end]) => ({ start, end }));
  return {
    key: 'test',
    timeZone,
    weeklyHours: [day, day, day, day, day, day, day],
    holidays: [],
    closures: [],
  };
};

describe('addBusinessMinutes on kr-standard', () => {
  it('counts within a morning and skips the lunch hour', () => {
    expect(add('2024-03-04T09:00:00+09:00', 60)).toBe('2024-03-04T01:00:00.000Z'); // 10:00 KST
    expect(add('2024-03-04T11:30:00+09:00', 60)).toBe('2024-03-04T04:30:00.000Z'); // 13:30 KST
  });

  it('ends at a closing time rather than at the next opening', () => {
    expect(add('2024-03-04T09:00:00+09:00', 180)).toBe('2024-03-04T03:00:00.000Z'); // 12:00 KST
    expect(add('2024-03-04T09:00:00+09:00', 480)).toBe('2024-03-04T09:00:00.000Z'); // 18:00 KST
  });

  it('returns the start for 0 minutes inside hours and the next opening outside them', () => {
    expect(add('2024-03-04T10:17:00+09:00', 0)).toBe('2024-03-04T01:17:00.000Z');
    expect(add('2024-03-04T12:30:00+09:00', 0)).toBe('2024-03-04T04:00:00.000Z'); // 13:00 KST
    expect(add('2024-03-04T18:00:00+09:00', 0)).toBe('2024-03-05T00:00:00.000Z'); // next day 09:00 KST
    expect(add('2024-03-09T10:00:00+09:00', 0)).toBe('2024-03-11T00:00:00.000Z'); // Saturday → Monday 09:00
  });

  it('rolls a start outside hours forward to the next opening', () => {
    expect(add('2024-03-04T06:00:00+09:00', 30)).toBe('2024-03-04T00:30:00.000Z');
    expect(add('2024-03-08T19:00:00+09:00', 30)).toBe('2024-03-11T00:30:00.000Z'); // Friday night → Monday
  });

  it('jumps over 설날 and its substitute day next to a weekend', () => {
    // Thursday 2024-02-08 17:00; 02-09 to 02-12 are 설날, the weekend and the substitute day.
    expect(add('2024-02-08T17:00:00+09:00', 120)).toBe('2024-02-13T01:00:00.000Z'); // Tuesday 10:00 KST
  });

  it('jumps over the long 추석 week of 2025 (10-03 to 10-09)', () => {
    expect(add('2025-10-02T17:00:00+09:00', 61)).toBe('2025-10-10T00:01:00.000Z'); // Friday 10-10 09:01 KST
    expect(between('2025-10-02T09:00:00+09:00', '2025-10-13T09:00:00+09:00')).toBe(960);
  });

  it('counts several weeks across holidays', () => {
    // 2024-04-01 … 2024-05-03: 5 weeks of 5 days less the 04-10 election = 24 days of 480 minutes.
    expect(between('2024-04-01T00:00:00+09:00', '2024-05-04T00:00:00+09:00')).toBe(24 * 480);
    expect(add('2024-04-01T09:00:00+09:00', 24 * 480)).toBe('2024-05-03T09:00:00.000Z');
  });

  it('reads working hours in the calendar time zone, not the server one', () => {
    // 08:30 UTC is 17:30 in Seoul: half an hour is left that day.
    expect(add('2024-03-04T08:30:00Z', 60)).toBe('2024-03-05T00:30:00.000Z');
  });

  it('refuses negative or non-finite minutes and invalid dates', () => {
    expect(() => addBusinessMinutes(at('2024-03-04T09:00:00Z'), -1, KR_STANDARD)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at('2024-03-04T09:00:00Z'), Number.NaN, KR_STANDARD)).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date(Number.NaN), 1, KR_STANDARD)).toThrow(RangeError);
  });

  it('refuses a calendar without working hours instead of looping', () => {
    const closed: TCalendar = { ...KR_STANDARD, key: 'closed', weeklyHours: [[], [], [], [], [], [], []] };
    expect(() => addBusinessMinutes(at('2024-03-04T09:00:00Z'), 1, closed)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts a plain week as five days of eight hours', () => {
    expect(between('2024-03-04T00:00:00+09:00', '2024-03-11T00:00:00+09:00')).toBe(2400);
  });

  it('is zero for an empty span and negative when the end comes first', () => {
    expect(between('2024-03-04T10:00:00+09:00', '2024-03-04T10:00:00+09:00')).toBe(0);
    expect(between('2024-03-04T11:00:00+09:00', '2024-03-04T10:00:00+09:00')).toBe(-60);
    expect(between('2024-03-09T11:00:00+09:00', '2024-03-09T10:00:00+09:00')).toBe(0); // Saturday: +0, not -0
  });

  it('keeps fractions of a minute', () => {
    expect(between('2024-03-04T10:00:00+09:00', '2024-03-04T10:00:30+09:00')).toBe(0.5);
  });

  it('counts nothing over a weekend and a company closure day', () => {
    const closing: TCalendar = { ...KR_STANDARD, key: 'closing', closures: ['2024-03-11'] };
    expect(between('2024-03-08T18:00:00+09:00', '2024-03-12T09:00:00+09:00', closing)).toBe(0);
    expect(add('2024-03-08T17:00:00+09:00', 120, closing)).toBe('2024-03-12T01:00:00.000Z');
  });
});

describe('24×7 calendar', () => {
  it('counts every minute, holidays included', () => {
    expect(between('2025-10-03T00:00:00+09:00', '2025-10-10T00:00:00+09:00', TWENTY_FOUR_SEVEN)).toBe(
      7 * 1440,
    );
    expect(add('2025-10-05T23:30:00+09:00', 60, TWENTY_FOUR_SEVEN)).toBe('2025-10-05T15:30:00.000Z');
    expect(isBusinessTime(at('2025-10-06T03:00:00+09:00'), TWENTY_FOUR_SEVEN)).toBe(true);
  });
});

describe('time zones with daylight saving time', () => {
  const berlin24 = everyDay('Europe/Berlin', [['00:00', '24:00']]);
  const newYork24 = everyDay('America/New_York', [['00:00', '24:00']]);

  it('counts 23 hours on the spring day and 25 on the autumn day (Europe/Berlin)', () => {
    expect(between('2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z', berlin24)).toBe(23 * 60);
    expect(between('2024-10-26T22:00:00Z', '2024-10-27T23:00:00Z', berlin24)).toBe(25 * 60);
  });

  it('counts 23 and 25 hours on the switch days of America/New_York', () => {
    expect(between('2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', newYork24)).toBe(23 * 60);
    expect(between('2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z', newYork24)).toBe(25 * 60);
  });

  it('knows the summer time Seoul kept in 1988 (a 23-hour 05-08 and a 25-hour 10-09)', () => {
    const seoul24 = everyDay('Asia/Seoul', [['00:00', '24:00']]);
    expect(between('1988-05-07T15:00:00Z', '1988-05-08T14:00:00Z', seoul24)).toBe(23 * 60);
    expect(between('1988-10-08T14:00:00Z', '1988-10-09T15:00:00Z', seoul24)).toBe(25 * 60);
    expect(add('1988-05-07T15:00:00Z', 23 * 60, seoul24)).toBe('1988-05-08T14:00:00.000Z');
  });

  it('counts the night shift 00:00–04:00 as the clock shows it: 3 hours in spring, 5 in autumn', () => {
    const night = everyDay('America/New_York', [['00:00', '04:00']]);
    expect(between('2024-03-10T00:00:00Z', '2024-03-11T00:00:00Z', night)).toBe(180);
    expect(between('2024-11-03T00:00:00Z', '2024-11-04T00:00:00Z', night)).toBe(300);
    // 2024-03-10 00:00 EST (05:00Z) + 3 h of work reaches 04:00 EDT (08:00Z).
    expect(add('2024-03-10T05:00:00Z', 180, night)).toBe('2024-03-10T08:00:00.000Z');
  });

  it('counts an interval that starts inside the repeated hour in both of its parts', () => {
    // Berlin 2024-10-27: 02:30–04:00 is 00:30–01:00Z (summer time) and 01:30–03:00Z (winter time).
    const early = everyDay('Europe/Berlin', [['02:30', '04:00']]);
    expect(between('2024-10-26T12:00:00Z', '2024-10-27T12:00:00Z', early)).toBe(120);
    expect(add('2024-10-27T00:30:00Z', 30, early)).toBe('2024-10-27T01:00:00.000Z');
    expect(add('2024-10-27T00:30:00Z', 31, early)).toBe('2024-10-27T01:31:00.000Z');
    expect(isBusinessTime(at('2024-10-27T01:15:00Z'), early)).toBe(false);
  });

  it('carries an office day over the spring switch (Friday 17:00 + 2 h → Monday 10:00, Europe/Berlin)', () => {
    const office = { ...KR_STANDARD, key: 'berlin', timeZone: 'Europe/Berlin', holidays: [] };
    expect(add('2024-03-29T16:00:00Z', 120, office)).toBe('2024-04-01T08:00:00.000Z');
  });

  it('spans midnight with a night shift written as two intervals', () => {
    const overnight = everyDay('Asia/Seoul', [
      ['00:00', '06:00'],
      ['22:00', '24:00'],
    ]);
    expect(add('2024-03-04T23:00:00+09:00', 120, overnight)).toBe('2024-03-04T16:00:00.000Z'); // 01:00 KST
    expect(between('2024-03-04T21:00:00+09:00', '2024-03-05T07:00:00+09:00', overnight)).toBe(480);
  });
});

describe('built-in calendars', () => {
  it('are valid calendars by the API contract', () => {
    expect(ZCalendar.parse(KR_STANDARD)).toEqual(KR_STANDARD);
    expect(ZCalendar.parse(TWENTY_FOUR_SEVEN)).toEqual(TWENTY_FOUR_SEVEN);
    expect(KR_STANDARD.key).toBe('kr-standard');
    expect(TWENTY_FOUR_SEVEN.key).toBe('24x7');
  });

  it('takes the ad-hoc days an admin adds', () => {
    const calendar = krStandardCalendar([
      { date: '2024-03-05', name: '임시공휴일', nameEn: 'Temporary holiday' },
    ]);
    expect(between('2024-03-05T00:00:00+09:00', '2024-03-06T00:00:00+09:00', calendar)).toBe(0);
    expect(calendar.holidays).not.toContain('2024-10-01');
  });

  it('rejects overlapping intervals, unknown time zones and times past 24:00', () => {
    const office = [{ start: '09:00', end: '12:00' }];
    const base = { ...KR_STANDARD, weeklyHours: [[], office, office, office, office, office, []] };
    expect(ZCalendar.safeParse(base).success).toBe(true);
    const overlapping = [
      { start: '09:00', end: '12:00' },
      { start: '11:00', end: '13:00' },
    ];
    expect(ZCalendar.safeParse({ ...base, weeklyHours: [[], overlapping, [], [], [], [], []] }).success).toBe(
      false,
    );
    expect(ZCalendar.safeParse({ ...base, timeZone: 'Asia/Atlantis' }).success).toBe(false);
    const late = [{ start: '23:00', end: '24:30' }];
    expect(ZCalendar.safeParse({ ...base, weeklyHours: [[], late, [], [], [], [], []] }).success).toBe(false);
  });
});
