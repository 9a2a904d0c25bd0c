import {
  businessMinutesBetween,
  PRIORITIES,
  type TCalendar,
  type TDurationStats,
  type TSlaAttainment,
} from '@hamkke/core';
import type { TSlaRow } from './report-queries.js';

type TPriority = (typeof PRIORITIES)[number];
type TClock = { stop: Date | null; due: Date | null; state: string; paused: number };
type TTally = { met: number; breached: number; durations: number[] };

const tally = (): TTally => ({ met: 0, breached: 0, durations: [] });

/** A clock counts where it settles: met in the month it stopped on time, breached in the month it fell due. */
function settle(c: TClock, start: Date, end: Date, now: Date): 'met' | 'breached' | null {
  const inMonth = (d: Date | null) => d !== null && d >= start && d < end;
  if (c.due === null) return null;
  if (c.stop !== null && c.stop <= c.due) return inMonth(c.stop) ? 'met' : null;
  if (!inMonth(c.due) || c.due >= now) return null;
  if (c.stop !== null) return 'breached';
  // Still running: breached unless it stood paused since before its due time (then the due time moves).
  return c.state === 'paused' ? null : 'breached';
}

export function attainment(t: { met: number; breached: number }): TSlaAttainment {
  const settled = t.met + t.breached;
  return {
    met: t.met,
    breached: t.breached,
    attainmentPercent: settled ? Math.round((t.met / settled) * 1000) / 10 : null,
  };
}

/** Mean (whole minutes) and 90th percentile by nearest rank. */
export function durationStats(values: number[]): TDurationStats {
  if (!values.length) return { count: 0, mean: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = Math.round(sorted.reduce((sum, v) => sum + v, 0) / sorted.length);
  return { count: sorted.length, mean, p90: sorted[Math.ceil(sorted.length * 0.9) - 1]! };
}

/**
 * SLA attainment and the business minutes to first response and to resolution, overall and per
 * priority. Durations are of clocks stopped in the month, in business minutes of the ticket's SLA
 * calendar with pauses taken out (as the ticket page shows them).
 */
export function slaFigures(
  rows: TSlaRow[],
  calendars: Map<string, { calendar: TCalendar }>,
  start: Date,
  end: Date,
  now: Date,
) {
  const all = { response: tally(), resolution: tally() };
  const byPriority = new Map<TPriority, typeof all>(
    PRIORITIES.map((p) => [p, { response: tally(), resolution: tally() }]),
  );
  for (const row of rows) {
    const calendar = row.calendar_key ? calendars.get(row.calendar_key)?.calendar : undefined;
    const clocks = {
      response: {
        stop: row.response_stop,
        due: row.response_due,
        state: row.response_state,
        paused: Number(row.response_paused),
      },
      resolution: {
        stop: row.resolution_stop,
        due: row.resolution_due,
        state: row.resolution_state,
        paused: Number(row.resolution_paused),
      },
    };
    const mine = byPriority.get(row.priority as TPriority);
    for (const name of ['response', 'resolution'] as const) {
      const clock = clocks[name];
      const outcome = settle(clock, start, end, now);
      if (outcome) {
        all[name][outcome]++;
        if (mine) mine[name][outcome]++;
      }
      if (calendar && clock.stop && clock.stop >= start && clock.stop < end) {
        const minutes = Math.max(
          0,
          Math.floor(businessMinutesBetween(row.created_at, clock.stop, calendar) - clock.paused),
        );
        all[name].durations.push(minutes);
        mine?.[name].durations.push(minutes);
      }
    }
  }
  return {
    sla: {
      response: attainment(all.response),
      resolution: attainment(all.resolution),
      byPriority: PRIORITIES.map((priority) => ({
        priority,
        response: attainment(byPriority.get(priority)!.response),
        resolution: attainment(byPriority.get(priority)!.resolution),
      })),
    },
    times: {
      unit: 'business_minutes' as const,
      response: durationStats(all.response.durations),
      resolution: durationStats(all.resolution.durations),
      byPriority: PRIORITIES.map((priority) => ({
        priority,
        response: durationStats(byPriority.get(priority)!.response.durations),
        resolution: durationStats(byPriority.get(priority)!.resolution.durations),
      })),
    },
  };
}
