import { addBusinessMinutes, businessMinutesBetween } from '../calendar/business-time.js';
import type { TCalendar } from '../contract/calendars.js';

export const SLA_STATES = ['none', 'within', 'at_risk', 'breached', 'met', 'paused'] as const;
export type TSlaState = (typeof SLA_STATES)[number];

/** What a clock needs to know: when it started, its target, and when it stood still or stopped. */
export type TSlaClockInput = {
  startedAt: Date;
  /** Business minutes to the target; null when no SLA applies. */
  targetMinutes: number | null;
  /** Business minutes of pauses that have ended. */
  pausedMinutes: number;
  /** Start of the pause under way, if any. */
  pausedSince: Date | null;
  /** When the clock's goal was reached: the first response, or the resolution. */
  stoppedAt: Date | null;
  /** Share of the target after which the clock is at risk (0.8 = 80 %). */
  atRiskRatio: number;
};

export type TSlaClock = {
  state: TSlaState;
  targetMinutes: number | null;
  dueAt: Date | null;
  atRiskAt: Date | null;
  elapsedMinutes: number | null;
  remainingMinutes: number | null;
};

const NO_SLA: TSlaClock = {
  state: 'none',
  targetMinutes: null,
  dueAt: null,
  atRiskAt: null,
  elapsedMinutes: null,
  remainingMinutes: null,
};

/**
 * One SLA clock (first response or resolution) at `now`, in business time of `calendar`. Pauses
 * push the due time out by their business minutes. A running clock is breached once `now` passes
 * the due time; a stopped one is met if it stopped by then; a paused one stays breached if the
 * pause began after the due time, and is otherwise `paused`.
 */
export function slaClock(input: TSlaClockInput, calendar: TCalendar, now: Date): TSlaClock {
  if (input.targetMinutes === null) return NO_SLA;
  const { startedAt, targetMinutes, pausedMinutes } = input;
  const dueAt = addBusinessMinutes(startedAt, targetMinutes + pausedMinutes, calendar);
  const atRiskAt = addBusinessMinutes(startedAt, targetMinutes * input.atRiskRatio + pausedMinutes, calendar);
  const end = input.stoppedAt ?? input.pausedSince ?? now;
  const elapsedMinutes = Math.max(0, businessMinutesBetween(startedAt, end, calendar) - pausedMinutes);
  const clock = {
    targetMinutes,
    dueAt,
    atRiskAt,
    elapsedMinutes,
    remainingMinutes: targetMinutes - elapsedMinutes,
  };
  const isLate = end.getTime() > dueAt.getTime();
  if (input.stoppedAt) return { ...clock, state: isLate ? 'breached' : 'met' };
  if (input.pausedSince) return { ...clock, state: isLate ? 'breached' : 'paused' };
  if (isLate) return { ...clock, state: 'breached' };
  return { ...clock, state: now.getTime() >= atRiskAt.getTime() ? 'at_risk' : 'within' };
}

/** The worse of two clock states, for a ticket's one-word SLA summary. */
export function worseSlaState(a: TSlaState, b: TSlaState): TSlaState {
  const order: TSlaState[] = ['breached', 'at_risk', 'within', 'paused', 'met', 'none'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
}
