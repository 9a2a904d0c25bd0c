import { PRIORITIES, type TDashboardQuery, type TDashboardSla } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { addDays } from '../teams/iso-week.js';
import {
  instantRange,
  periodsOf,
  presentScope,
  rateOf,
  resolveScope,
  SEOUL,
  seoulStart,
  type TScope,
  ticketFilter,
  ticketsLink,
} from './scope.js';

type TCounts = { rm: number; rb: number; sm: number; sb: number };
type TRow = TCounts & { day: string; priority: string };

const ZERO: TCounts = { rm: 0, rb: 0, sm: 0, sb: 0 };
const add = (a: TCounts, b: TCounts): TCounts => ({
  rm: a.rm + b.rm,
  rb: a.rb + b.rb,
  sm: a.sm + b.sm,
  sb: a.sb + b.sb,
});

function present(s: TScope, c: TCounts, range: Record<string, string>) {
  const link = (clock: 'responseSla' | 'resolutionSla', state: 'met' | 'breached') =>
    ticketsLink(s, { ...range, [clock]: state });
  return {
    response: { met: c.rm, breached: c.rb, rate: rateOf(c.rm, c.rm + c.rb) },
    resolution: { met: c.sm, breached: c.sb, rate: rateOf(c.sm, c.sm + c.sb) },
    tickets: {
      responseMet: link('responseSla', 'met'),
      responseBreached: link('responseSla', 'breached'),
      resolutionMet: link('resolutionSla', 'met'),
      resolutionBreached: link('resolutionSla', 'breached'),
    },
  };
}

/**
 * SLA attainment of the tickets created in each period, per clock: met / (met + breached), by the
 * clock's state now (a ticket still unanswered past its response target counts as breached; one whose
 * clock runs within target, is paused or has no SLA counts in neither). Per period and per priority.
 */
export async function dashboardSla(actor: TActor, query: TDashboardQuery): Promise<TDashboardSla> {
  const s = await resolveScope(actor, query);
  const periods = periodsOf(s.from, s.to, s.granularity);
  const { rows } = await db.execute<TRow>(sql`
    SELECT (t.created_at AT TIME ZONE ${SEOUL})::date::text AS day, t.priority,
           count(*) FILTER (WHERE t.response_state = 'met')::int AS rm,
           count(*) FILTER (WHERE t.response_state = 'breached')::int AS rb,
           count(*) FILTER (WHERE t.resolution_state = 'met')::int AS sm,
           count(*) FILTER (WHERE t.resolution_state = 'breached')::int AS sb
      FROM tickets t
     WHERE t.created_at >= ${seoulStart(s.from)}::timestamptz
       AND t.created_at < ${seoulStart(addDays(s.to, 1))}::timestamptz AND ${ticketFilter(s)}
     GROUP BY 1, 2`);
  const whole = instantRange('created', { start: s.from, end: s.to });
  const sum = (keep: (r: TRow) => boolean) => rows.filter(keep).reduce<TCounts>(add, ZERO);
  return {
    scope: presentScope(s),
    points: periods.map((p) => ({
      ...p,
      ...present(
        s,
        sum((r) => r.day >= p.start && r.day <= p.end),
        instantRange('created', p),
      ),
    })),
    byPriority: PRIORITIES.map((priority) => ({
      priority,
      ...present(
        s,
        sum((r) => r.priority === priority),
        { ...whole, priority },
      ),
    })),
    total: present(
      s,
      sum(() => true),
      whole,
    ),
  };
}
