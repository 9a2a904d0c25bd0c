import { NEAR_MISS_SHARE, type TWeeklyPack } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { checkWeek, listMeetings } from './meetings.js';
import { notesChanges, recurringProblems, weekDeployments, weekImprovements } from './pack-activity.js';
import { majorIncidents } from './pack-incidents.js';
import { weekInspections } from './pack-inspections.js';
import { customerFlows, slaEntries } from './pack-tickets.js';
import { weekRange } from './week-range.js';

/** Everything the weekly sharing meeting looks at for one ISO week (Asia/Seoul). Staff only. */
export async function buildWeeklyPack(actor: TActor, week: string, now = new Date()): Promise<TWeeklyPack> {
  assert(isStaff(actor));
  checkWeek(week);
  const r = weekRange(week);
  const customers = await customerFlows(r);
  const incidents = await majorIncidents(r);
  const sla = await slaEntries(r, now);
  const recurring = await recurringProblems(r);
  const inspections = await weekInspections(r);
  const notes = await notesChanges(r);
  const deployments = await weekDeployments(r);
  const improvements = await weekImprovements(r);
  const meetings = await listMeetings(actor, { week });
  return {
    week,
    weekStart: r.monday,
    weekEnd: r.sunday,
    timeZone: 'Asia/Seoul',
    generatedAt: now.toISOString(),
    nearMissShare: NEAR_MISS_SHARE,
    totals: {
      created: customers.reduce((sum, c) => sum + c.created, 0),
      closed: customers.reduce((sum, c) => sum + c.closed, 0),
      majorIncidents: incidents.length,
      slaBreaches: sla.breaches.length,
      slaNearMisses: sla.nearMisses.length,
      inspections: inspections.length,
      findings: inspections.reduce((sum, i) => sum + i.findings.length, 0),
    },
    customers,
    majorIncidents: incidents,
    sla,
    recurring,
    inspections,
    notesChanges: notes,
    deployments,
    improvements,
    meetings: [...meetings].reverse(),
  };
}
