import type { TMonthlyReport } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { Conflict, NotFound } from '../http/errors.js';
import { computeReportFigures } from './compute-monthly-report.js';
import { getMonthlyReport } from './get-monthly-report.js';
import { findOrganization, storeDraftFigures } from './report-store.js';
import { SIGNED_IS_FROZEN } from './update-report-remarks.js';

/** Recomputes one draft now and stores it (what a run does for many); a signed report: 409. */
export async function regenerateReport(
  actor: TActor,
  organizationId: string,
  month: string,
): Promise<TMonthlyReport> {
  assert(canWork(actor));
  if (!(await findOrganization(db, organizationId))) throw new NotFound({ en: 'organization', ko: '고객사' });
  const figures = await computeReportFigures(organizationId, month);
  await db.transaction(async (tx) => {
    if ((await storeDraftFigures(tx, figures)) === 'signed') throw new Conflict(SIGNED_IS_FROZEN);
    await recordAudit(tx, actor, {
      action: 'report.regenerate',
      entityType: 'monthly_report',
      entityId: `${organizationId}/${month}`,
      after: { generatedAt: figures.generatedAt },
    });
  });
  return getMonthlyReport(actor, organizationId, month);
}
