import { describe, expect, it } from 'vitest';
import { KR_STANDARD, TWENTY_FOUR_SEVEN } from '../calendar/built-in-calendars.js';
import {
  entitledHoursIn,
  forecastMinutes,
  hoursOf,
  localDateIn,
  monthPace,
  monthRange,
  reachedThresholds,
} from './contract-hours.js';

describe('contract hours', () => {
  it('shows minutes as hours with one decimal', () => {
    expect(hoursOf(45)).toBe(0.8);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(0)).toBe(0);
    expect(hoursOf(-90)).toBe(-1.5);
  });

  it('knows the last day of every month, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthRange('2028-02').last).toBe('2028-02-29');
    expect(monthRange('2026-12').last).toBe('2026-12-31');
  });

  it('reads "today" in the calendar’s time zone', () => {
    // 2026-03-31 16:00 UTC is already April 1st in Seoul.
    expect(localDateIn('Asia/Seoul', new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
    expect(localDateIn('UTC', new Date('2026-03-31T16:00:00Z'))).toBe('2026-03-31');
  });

  it('counts business days without weekends and Korean holidays', () => {
    // March 2026: 22 weekdays, less the substitute holiday for 삼일절 on Monday the 2nd.
    expect(monthPace('2026-03', '2026-03-13', KR_STANDARD)).toEqual({
      phase: 'current',
      elapsed: 9,
      total: 21,
    });
    // February 2026: 20 weekdays, less 설날 on the 16th–18th.
    expect(monthPace('2026-02', '2026-02-13', KR_STANDARD)).toEqual({
      phase: 'current',
      elapsed: 10,
      total: 17,
    });
    expect(monthPace('2026-02', '2026-03-13', KR_STANDARD)).toEqual({
      phase: 'past',
      elapsed: 17,
      total: 17,
    });
    expect(monthPace('2026-04', '2026-03-13', KR_STANDARD)).toMatchObject({ phase: 'future', elapsed: 0 });
    expect(monthPace('2026-02', '2026-02-13', TWENTY_FOUR_SEVEN)).toMatchObject({ elapsed: 13, total: 28 });
  });

  it('forecasts the month end at the pace so far, in business days', () => {
    // 18 h over 9 of 21 business days: 2 h a day, 42 h by the end of March.
    const pace = monthPace('2026-03', '2026-03-13', KR_STANDARD);
    expect(hoursOf(forecastMinutes(18 * 60, pace))).toBe(42);
    // A past month ends where it is; a future month has used nothing yet.
    expect(forecastMinutes(600, monthPace('2026-02', '2026-03-13', KR_STANDARD))).toBe(600);
    expect(forecastMinutes(600, monthPace('2026-04', '2026-03-13', KR_STANDARD))).toBe(0);
    // On 2026-03-01 (Sunday, a holiday) no business day has passed yet: nothing to extrapolate.
    expect(forecastMinutes(120, monthPace('2026-03', '2026-03-01', KR_STANDARD))).toBe(120);
  });

  it('reaches 80 % and 100 % exactly at the boundary, and never without an entitlement', () => {
    expect(reachedThresholds(47 * 60 + 59, 60)).toEqual([]);
    expect(reachedThresholds(48 * 60, 60)).toEqual([80]);
    expect(reachedThresholds(60 * 60, 60)).toEqual([80, 100]);
    expect(reachedThresholds(24, 0.5)).toEqual([80]);
    expect(reachedThresholds(10_000, 0)).toEqual([]);
  });

  it('entitles a month that the contract period touches, and no other', () => {
    const contract = { startsOn: '2026-03-15', endsOn: '2026-12-31', monthlyHours: 40 };
    expect(entitledHoursIn(contract, '2026-03')).toBe(40);
    expect(entitledHoursIn(contract, '2026-12')).toBe(40);
    expect(entitledHoursIn(contract, '2026-02')).toBe(0);
    expect(entitledHoursIn(contract, '2027-01')).toBe(0);
  });
});
