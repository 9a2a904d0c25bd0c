import { slaClock, type TCalendar, type TSlaState, worseSlaState } from '@hamkke/core';
import type { tickets } from '../db/schema.js';

type TTicketRow = typeof tickets.$inferSelect;
export type TSlaInputs = Pick<
  TTicketRow,
  | 'createdAt'
  | 'status'
  | 'resolvedAt'
  | 'firstResponseAt'
  | 'responseTargetMin'
  | 'resolutionTargetMin'
  | 'responsePausedMin'
  | 'resolutionPausedMin'
  | 'slaPausedSince'
>;

export type TSlaDerived = {
  responseDueAt: Date | null;
  responseAtRiskAt: Date | null;
  responseState: TSlaState;
  resolutionDueAt: Date | null;
  resolutionAtRiskAt: Date | null;
  resolutionState: TSlaState;
  slaState: TSlaState;
  slaNextCheckAt: Date | null;
};

/** The derived columns of a ticket that is not measured. */
export const NO_SLA: TSlaDerived = {
  responseDueAt: null,
  responseAtRiskAt: null,
  responseState: 'none',
  resolutionDueAt: null,
  resolutionAtRiskAt: null,
  resolutionState: 'none',
  slaState: 'none',
  slaNextCheckAt: null,
};

/** The next instant a running clock changes state: at risk, then breached. */
function nextCheck(state: TSlaState, atRiskAt: Date | null, dueAt: Date | null): Date | null {
  if (state === 'within') return atRiskAt;
  // Breached means past the due time: the first instant that is, not the due time itself, or a
  // sweep at exactly that instant would find the ticket due again and again.
  if (state === 'at_risk') return dueAt && new Date(dueAt.getTime() + 1);
  return null;
}

export type TClockInput = {
  targetMinutes: number | null;
  pausedMinutes: number;
  pausedSince: Date | null;
  stoppedAt: Date | null;
};

/**
 * Which pauses and stops each clock heeds: the response clock stops at the first public reply by
 * staff (or at resolution, if none came) and ignores pauses after it; the resolution clock stops at
 * resolution.
 */
export function clockInputs(t: TSlaInputs): { response: TClockInput; resolution: TClockInput } {
  return {
    response: {
      targetMinutes: t.responseTargetMin,
      pausedMinutes: t.responsePausedMin,
      pausedSince: t.firstResponseAt ? null : t.slaPausedSince,
      stoppedAt: t.firstResponseAt ?? t.resolvedAt,
    },
    resolution: {
      targetMinutes: t.resolutionTargetMin,
      pausedMinutes: t.resolutionPausedMin,
      pausedSince: t.resolvedAt ? null : t.slaPausedSince,
      stoppedAt: t.resolvedAt,
    },
  };
}

/**
 * Due times and states of both clocks at `now`. The response clock stops at the first public
 * reply by staff (or at resolution, if none came); the resolution clock at resolution. A cancelled
 * ticket is not measured.
 */
export function deriveSla(t: TSlaInputs, atRiskRatio: number, calendar: TCalendar, now: Date): TSlaDerived {
  if (t.status === 'cancelled' || (t.responseTargetMin === null && t.resolutionTargetMin === null))
    return NO_SLA;
  const clocks = clockInputs(t);
  const response = slaClock({ startedAt: t.createdAt, ...clocks.response, atRiskRatio }, calendar, now);
  const resolution = slaClock({ startedAt: t.createdAt, ...clocks.resolution, atRiskRatio }, calendar, now);
  const checks = [
    nextCheck(response.state, response.atRiskAt, response.dueAt),
    nextCheck(resolution.state, resolution.atRiskAt, resolution.dueAt),
  ].filter((d): d is Date => d !== null);
  return {
    responseDueAt: response.dueAt,
    responseAtRiskAt: response.atRiskAt,
    responseState: response.state,
    resolutionDueAt: resolution.dueAt,
    resolutionAtRiskAt: resolution.atRiskAt,
    resolutionState: resolution.state,
    slaState: worseSlaState(response.state, resolution.state),
    slaNextCheckAt: checks.length ? new Date(Math.min(...checks.map((d) => d.getTime()))) : null,
  };
}
