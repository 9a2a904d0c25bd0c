import {
  businessMinutesBetween,
  type TCalendar,
  type TSlaState,
  type TTicketSla,
  worseSlaState,
} from '@hamkke/core';
import type { tickets } from '../db/schema.js';
import { clockInputs, type TClockInput } from './derive-sla.js';

type TTicketRow = typeof tickets.$inferSelect;
export type TCalendarsByKey = Map<string, { calendar: TCalendar }>;

type TClockRow = TClockInput & { state: string; dueAt: Date | null; atRiskAt: Date | null };

/** A stored state brought up to `now`: the sweep records changes within a minute, a reader sees them at once. */
function liveState(c: TClockRow, now: Date): TSlaState {
  const state = c.state as TSlaState;
  if (state !== 'within' && state !== 'at_risk') return state;
  if (c.dueAt && now > c.dueAt) return 'breached';
  if (c.atRiskAt && now >= c.atRiskAt) return 'at_risk';
  return state;
}

function clockView(t: TTicketRow, c: TClockRow, calendar: TCalendar | undefined, now: Date) {
  const end = c.stoppedAt ?? c.pausedSince ?? now;
  const elapsed =
    calendar && c.targetMinutes !== null
      ? Math.max(0, Math.floor(businessMinutesBetween(t.createdAt, end, calendar) - c.pausedMinutes))
      : null;
  return {
    state: liveState(c, now),
    targetMinutes: c.targetMinutes,
    dueAt: c.dueAt ? c.dueAt.toISOString() : null,
    elapsedMinutes: elapsed,
    remainingMinutes: elapsed !== null && c.targetMinutes !== null ? c.targetMinutes - elapsed : null,
  };
}

/** The ticket's SLA as its page shows it, with elapsed and remaining business time as of `now`. */
export function presentSla(t: TTicketRow, calendars: TCalendarsByKey, now = new Date()): TTicketSla {
  const calendar = t.slaCalendarKey ? calendars.get(t.slaCalendarKey)?.calendar : undefined;
  const clocks = clockInputs(t);
  const response = clockView(
    t,
    { ...clocks.response, state: t.responseState, dueAt: t.responseDueAt, atRiskAt: t.responseAtRiskAt },
    calendar,
    now,
  );
  const resolution = clockView(
    t,
    {
      ...clocks.resolution,
      state: t.resolutionState,
      dueAt: t.resolutionDueAt,
      atRiskAt: t.resolutionAtRiskAt,
    },
    calendar,
    now,
  );
  return {
    state: worseSlaState(response.state, resolution.state),
    policyId: t.slaPolicyId,
    calendarKey: t.slaCalendarKey,
    response,
    resolution,
  };
}
