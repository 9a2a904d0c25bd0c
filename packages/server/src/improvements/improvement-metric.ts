import type { TImprovement, TImprovementMetricResult } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { improvements } from '../db/schema.js';
import { Invalid } from '../http/errors.js';
import { addDays, seoulToday } from '../teams/iso-week.js';
import { computeMetric } from './compute-metric.js';
import { getImprovementRow, presentImprovements } from './get-improvement.js';

const NO_METRIC = { en: 'The item has no metric to compute', ko: '이 개선 항목에는 계산할 지표가 없습니다' };

/**
 * The item's metric computed now from the tickets: before over the baseline window, after over the
 * measuring window (to today while measuring). Nothing is stored; a window not yet set gives null.
 */
export async function improvementMetric(actor: TActor, id: string): Promise<TImprovementMetricResult> {
  const row = await getImprovementRow(actor, id);
  if (!row.metric) throw new Invalid('metric', NO_METRIC, 'path');
  const [presented] = await presentImprovements(db, [row]);
  const before =
    row.baselineFrom && row.baselineTo
      ? await computeMetric(db, row.metric, { from: row.baselineFrom, to: row.baselineTo })
      : null;
  const afterTo = row.measureTo ?? seoulToday();
  const after =
    row.measureFrom && row.measureFrom <= afterTo
      ? await computeMetric(db, row.metric, { from: row.measureFrom, to: afterTo })
      : null;
  return {
    metric: presented!.metric,
    before,
    after,
    targetValue: row.targetValue,
    computedAt: new Date().toISOString(),
  };
}

/** Computes and stores the value before again (on request), over the baseline window or the 12 weeks before today. */
export async function recomputeBaseline(actor: TActor, id: string): Promise<TImprovement> {
  assert(canWork(actor));
  return db.transaction(async (tx) => {
    const before = await getImprovementRow(actor, id, tx, true);
    if (!before.metric) throw new Invalid('metric', NO_METRIC, 'path');
    const to = before.baselineTo ?? addDays(seoulToday(), -1);
    const from = before.baselineFrom ?? addDays(to, -83);
    const value = await computeMetric(tx, before.metric, { from, to });
    const [row] = await tx
      .update(improvements)
      .set({
        baselineFrom: from,
        baselineTo: to,
        baselineValue: value.value,
        baselineComputedAt: new Date(),
        version: sql`${improvements.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(improvements.id, id))
      .returning();
    const [after] = await presentImprovements(tx, [row!]);
    await recordAudit(tx, actor, {
      action: 'recompute_baseline',
      entityType: 'improvement',
      entityId: id,
      before: {
        baselineValue: before.baselineValue,
        baselineFrom: before.baselineFrom,
        baselineTo: before.baselineTo,
      },
      after: { baselineValue: value.value, baselineFrom: from, baselineTo: to },
    });
    return after!;
  });
}
