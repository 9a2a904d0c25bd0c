import { randomUUID } from 'node:crypto';
import { priorityOf, type TSapModule } from '@hamkke/core';
import type { tickets } from '../db/schema.js';
import { addDays, addMinutes, isBusinessDay } from './demo-clock.js';
import { INSPECTION } from './demo-phrases.js';
import {
  fillWith,
  randomFor,
  type TDemoOrgRef,
  type TDemoStaffRef,
  TEAM_OF,
  type TPlanned,
  WINDOW_DAYS,
} from './demo-refs.js';
import { tellStory } from './demo-story.js';

const KST_MS = 9 * 3_600_000;
/** Routine work: low impact, medium urgency. */
const PRIORITY = priorityOf('low', 'medium');

/** The n-th business day of the month that starts at `first` (midnight in Seoul). */
function nthBusinessDay(first: Date, n: number): Date {
  let day = first;
  let seen = isBusinessDay(day) ? 1 : 0;
  while (seen < n) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) seen += 1;
  }
  return day;
}

/** Periodic inspections: one ticket per month or quarter, on the second business day, by the Basis agent. */
export function planInspections(orgs: TDemoOrgRef[], staff: TDemoStaffRef, now: Date): TPlanned[] {
  const basis = staff.agents.find((a) => a.modules.includes('BC')) ?? staff.agents[0]!;
  const planned: TPlanned[] = [];
  const start = addDays(now, -WINDOW_DAYS);
  orgs.forEach((org, o) => {
    if (org.inspectionCadence === 'none') return;
    for (let m = 0; m <= 5; m++) {
      const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1) - KST_MS);
      const month = new Date(first.getTime() + KST_MS).getUTCMonth() + 1;
      if (org.inspectionCadence === 'quarterly' && month % 3 !== 1) continue;
      const createdAt = addMinutes(nthBusinessDay(first, 2), 9 * 60 + 30);
      if (createdAt < start || createdAt >= now) continue;
      const rng = randomFor(10_000 + o * 100 + m);
      const values = { n: String(rng.int(3, 40)), pct: String(rng.int(55, 82)) };
      const fill = fillWith(values);
      const year = new Date(first.getTime() + KST_MS).getUTCFullYear();
      const period = org.inspectionCadence === 'monthly' ? `${month}월` : `${Math.ceil(month / 3)}분기`;
      const ticketId = randomUUID();
      const timeline = tellStory(
        rng,
        {
          ticketId,
          createdAt,
          type: 'inspection',
          priority: PRIORITY,
          creatorId: basis.id,
          requester: null,
          agent: basis,
          manager: staff.manager,
          isPreassigned: true,
          isMonitoring: false,
          hasVendorCase: false,
          cause: fill(INSPECTION.note),
          resolution: fill(INSPECTION.resolution),
          fill,
        },
        now,
      );
      const row: typeof tickets.$inferInsert = {
        id: ticketId,
        number: '',
        organizationId: org.id,
        contractId: org.contractId,
        systemId: org.systemIds.PRD,
        module: 'BC' satisfies TSapModule,
        type: 'inspection',
        title: `${year}년 ${period} 정기 점검 (${org.prdSid})`,
        description: INSPECTION.description,
        impact: 'low',
        urgency: 'medium',
        priority: PRIORITY,
        requesterId: null,
        team: TEAM_OF.BC!,
        channel: 'internal',
        tags: ['정기점검'],
      };
      planned.push({ orgId: org.id, row, timeline });
    }
  });
  return planned;
}
