import type { TDashboardAbc, TDashboardLoad, TDashboardQuery, TDashboardRecurring } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { listProblemCandidates } from '../similar/problem-candidates.js';
import { hoursSplit } from '../teams/hours-split.js';
import { addDays, seoulToday } from '../teams/iso-week.js';
import { teamLoad } from '../teams/team-load.js';
import { presentScope, resolveScope, ticketsLink } from './scope.js';

const OPEN = 'new,open,in_progress,waiting_customer,waiting_vendor';

/** Load per person (teams/team-load.ts) of the team, or everyone; customer, module and period do not apply. */
export async function dashboardLoad(actor: TActor, query: TDashboardQuery): Promise<TDashboardLoad> {
  const s = await resolveScope(actor, query);
  const load = await teamLoad(actor, s.teamId ?? undefined);
  return {
    scope: presentScope(s),
    weekStart: load.weekStart,
    points: load.items.map((p) => ({
      ...p,
      tickets: new URLSearchParams({ assigneeId: p.user.id, status: OPEN }).toString(),
    })),
  };
}

/**
 * Recurring problems (similar/problem-candidates.ts): groups of similar incidents of one customer
 * created from `from` (at most 180 days back) until now, of the customer and module asked for.
 */
export async function dashboardRecurring(
  actor: TActor,
  query: TDashboardQuery,
): Promise<TDashboardRecurring> {
  const s = await resolveScope(actor, query);
  const days = Math.round((Date.parse(seoulToday()) - Date.parse(s.from)) / 86_400_000) + 1;
  const candidates = await listProblemCandidates(actor, {
    days: Math.min(180, Math.max(1, days)),
    organizationId: s.organizationId ?? undefined,
  });
  return {
    scope: presentScope(s),
    points: candidates
      .filter((c) => !s.module || c.module === s.module)
      .map((c) => ({
        organization: { id: c.organizationId, name: c.organizationName },
        sharedBy: c.sharedBy,
        systemId: c.systemId,
        module: c.module,
        sharedWords: c.sharedWords,
        firstAt: c.firstAt,
        lastAt: c.lastAt,
        count: c.tickets.length,
        tickets: new URLSearchParams({ ids: c.tickets.map((t) => t.id).join(',') }).toString(),
      })),
  };
}

/** A/B/C split of the team's (or all staff) hours per ISO week (teams/hours-split.ts); customer and module do not apply. */
export async function dashboardAbc(actor: TActor, query: TDashboardQuery): Promise<TDashboardAbc> {
  const s = await resolveScope(actor, query);
  const split = await hoursSplit(actor, { from: s.from, to: s.to, teamId: s.teamId ?? undefined });
  const plain = { ...s, organizationId: null, module: null, team: null };
  return {
    scope: presentScope(s),
    points: split.weeks.map((w) => {
      // Dates as text: the later of the two, then the earlier.
      const start = [w.weekStart, s.from].sort()[1]!;
      const end = [addDays(w.weekStart, 6), s.to].sort()[0]!;
      const link = (workClass: 'A' | 'B' | 'C') =>
        ticketsLink(plain, { workedFrom: start, workedTo: end, workClass });
      return {
        period: w.week,
        start,
        end,
        minutes: w.minutes,
        totalMinutes: w.totalMinutes,
        share: w.share,
        tickets: { A: link('A'), B: link('B'), C: link('C') },
      };
    }),
    total: split.total,
  };
}
