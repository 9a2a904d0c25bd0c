import type { TDashboardImprovements, TDashboardQuery } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { computeMetric } from '../improvements/compute-metric.js';
import { listImprovements } from '../improvements/get-improvement.js';
import { addDays, seoulToday } from '../teams/iso-week.js';
import { presentScope, resolveScope, seoulStart } from './scope.js';

type TWindowLink = { kind: string; organizationId: string | null; module: string | null };

/** The ticket-list query of the tickets a metric stands on over a window. */
function metricLink(m: TWindowLink, from: string, to: string): string {
  const q = new URLSearchParams();
  if (m.organizationId) q.set('organizationId', m.organizationId);
  if (m.module) q.set('module', m.module);
  const range = (name: 'created' | 'resolved') => {
    q.set(`${name}From`, seoulStart(from));
    q.set(`${name}To`, seoulStart(addDays(to, 1)));
  };
  if (m.kind === 'tickets_per_week') range('created');
  else range('resolved');
  if (m.kind === 'hours_per_inquiry') q.set('type', 'inquiry');
  return q.toString();
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Improvement items (all but dropped) and their measured effect: the value before (stored at
 * `doing`), the target, and the value after — stored at `done`, computed now while `measuring`.
 * Narrowed by customer and module to the items whose metric is about them; team does not apply.
 */
export async function dashboardImprovements(
  actor: TActor,
  query: TDashboardQuery,
): Promise<TDashboardImprovements> {
  const s = await resolveScope(actor, query);
  const items = await listImprovements(actor, {
    status: ['idea', 'planned', 'doing', 'measuring', 'done'],
  });
  const chosen = items.filter(
    (i) =>
      (!s.organizationId || i.metric?.organizationId === s.organizationId) &&
      (!s.module || i.metric?.module === s.module),
  );
  const points = [];
  for (const i of chosen) {
    const m = i.metric;
    const before =
      m && i.baselineFrom && i.baselineTo && i.baselineValue !== null
        ? {
            from: i.baselineFrom,
            to: i.baselineTo,
            value: i.baselineValue,
            tickets: metricLink(m, i.baselineFrom, i.baselineTo),
          }
        : null;
    let after = null;
    if (m && i.measureFrom) {
      const to = i.measureTo ?? seoulToday();
      const value =
        i.status === 'measuring' && i.measureFrom <= to
          ? (await computeMetric(db, m as never, { from: i.measureFrom, to })).value
          : i.afterValue;
      if (value !== null && (i.status === 'measuring' || i.status === 'done'))
        after = { from: i.measureFrom, to, value, tickets: metricLink(m, i.measureFrom, to) };
    }
    points.push({
      id: i.id,
      title: i.title,
      kind: i.kind,
      status: i.status,
      owner: i.owner,
      metric: m?.kind ?? null,
      organizationId: m?.organizationId ?? null,
      module: m?.module ?? null,
      before,
      targetValue: i.targetValue,
      after,
      change:
        before?.value != null && after?.value != null && before.value !== 0
          ? round4((after.value - before.value) / before.value)
          : null,
    });
  }
  return { scope: presentScope(s), points };
}
