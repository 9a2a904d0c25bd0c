import { describe, expect, it } from 'vitest';
import { KR_STANDARD, TWENTY_FOUR_SEVEN } from '../calendar/built-in-calendars.js';
import { slaClock, type TSlaClockInput, worseSlaState } from './sla-clock.js';

const kst = (local: string) => new Date(`${local}+09:00`);
const clock = (over: Partial<TSlaClockInput>): TSlaClockInput => ({
  startedAt: kst('2026-11-20T17:00:00'), // a Friday
  targetMinutes: 240,
  pausedMinutes: 0,
  pausedSince: null,
  stoppedAt: null,
  atRiskRatio: 0.8,
  ...over,
});

describe('SLA clock', () => {
  it('runs over the weekend and lunch in business time only', () => {
    // Friday 17:00–18:00 is 60 minutes; Monday 09:00–12:00 is 180 more: due Monday 12:00.
    const c = slaClock(clock({}), KR_STANDARD, kst('2026-11-21T10:00:00'));
    expect(c.dueAt).toEqual(kst('2026-11-23T12:00:00'));
    expect(c.state).toBe('within');
    expect(c.elapsedMinutes).toBe(60);
    expect(c.remainingMinutes).toBe(180);
  });

  it('turns at risk at 80 % of the target and breached after the due time', () => {
    // 80 % of 240 = 192 minutes: 60 on Friday, 132 on Monday → 11:12.
    expect(slaClock(clock({}), KR_STANDARD, kst('2026-11-23T11:11:00')).state).toBe('within');
    expect(slaClock(clock({}), KR_STANDARD, kst('2026-11-23T11:12:00')).state).toBe('at_risk');
    expect(slaClock(clock({}), KR_STANDARD, kst('2026-11-23T12:00:00')).state).toBe('at_risk');
    const late = slaClock(clock({}), KR_STANDARD, kst('2026-11-23T13:30:00'));
    expect(late.state).toBe('breached');
    expect(late.remainingMinutes).toBe(-30);
  });

  it('is met when it stops in time and breached when it stops late', () => {
    expect(
      slaClock(clock({ stoppedAt: kst('2026-11-23T11:59:00') }), KR_STANDARD, kst('2026-12-01T00:00:00'))
        .state,
    ).toBe('met');
    expect(
      slaClock(clock({ stoppedAt: kst('2026-11-23T13:01:00') }), KR_STANDARD, kst('2026-12-01T00:00:00'))
        .state,
    ).toBe('breached');
  });

  it('stands still while paused and pushes the due time out by the pause', () => {
    const paused = slaClock(
      clock({ pausedSince: kst('2026-11-23T10:00:00') }),
      KR_STANDARD,
      kst('2026-11-25T10:00:00'),
    );
    expect(paused.state).toBe('paused');
    expect(paused.elapsedMinutes).toBe(120);
    const resumed = slaClock(clock({ pausedMinutes: 90 }), KR_STANDARD, kst('2026-11-23T09:00:00'));
    expect(resumed.dueAt).toEqual(kst('2026-11-23T14:30:00'));
  });

  it('skips Korean public holidays', () => {
    // 추석 2026 is 09-24 to 09-26 (no substitute: the Saturday overlap does not count for 추석), so
    // Wednesday 17:00 + 120 minutes runs 60 on the 23rd and lands on Monday the 28th.
    const c = slaClock(
      clock({ startedAt: kst('2026-09-23T17:00:00'), targetMinutes: 120 }),
      KR_STANDARD,
      kst('2026-09-23T17:00:00'),
    );
    expect(c.dueAt).toEqual(kst('2026-09-28T10:00:00'));
  });

  it('runs around the clock on the 24×7 calendar', () => {
    const c = slaClock(clock({ targetMinutes: 60 }), TWENTY_FOUR_SEVEN, kst('2026-11-20T17:00:00'));
    expect(c.dueAt).toEqual(kst('2026-11-20T18:00:00'));
  });

  it('has no clock without a target', () => {
    expect(slaClock(clock({ targetMinutes: null }), KR_STANDARD, new Date()).state).toBe('none');
  });

  it('summarises a ticket by its worse clock', () => {
    expect(worseSlaState('met', 'breached')).toBe('breached');
    expect(worseSlaState('at_risk', 'within')).toBe('at_risk');
    expect(worseSlaState('paused', 'met')).toBe('paused');
  });
});
