import type { TMonthlyReport } from '@hamkke/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { monthlyReports } from '../db/schema.js';
import { Conflict, NotFound } from '../http/errors.js';
import { computeReportFigures } from './compute-monthly-report.js';
import { getMonthlyReport } from './get-monthly-report.js';
import { findOrganization, findReport } from './report-store.js';

const ALREADY_SIGNED = { en: 'The report is already signed off', ko: '이미 확정된 보고서입니다' };

/**
 * A manager signs the report off: its figures freeze as they are stored (the draft the manager has
 * been looking at), or as computed now when none was stored yet. There is no unsigning.
 */
export async function signOffReport(
  actor: TActor,
  organizationId: string,
  month: string,
): Promise<TMonthlyReport> {
  assert(canManage(actor));
  await db.transaction(async (tx) => {
    if (!(await findOrganization(tx, organizationId)))
      throw new NotFound({ en: 'organization', ko: '고객사' });
    // Lock the row (or create it) so that a concurrent generation or sign-off waits for this one.
    await tx
      .insert(monthlyReports)
      .values({ organizationId, month })
      .onConflictDoNothing({ target: [monthlyReports.organizationId, monthlyReports.month] });
    const row = await findReport(tx, organizationId, month, { forUpdate: true });
    if (row?.status === 'signed') throw new Conflict(ALREADY_SIGNED);
    const figures = row?.figures ?? (await computeReportFigures(organizationId, month, { tx }));
    const signedAt = new Date();
    await tx
      .update(monthlyReports)
      .set({
        status: 'signed',
        figures,
        generatedAt: row?.generatedAt ?? signedAt,
        signedById: actor.userId,
        signedAt,
        updatedAt: sql`now()`,
      })
      .where(and(eq(monthlyReports.organizationId, organizationId), eq(monthlyReports.month, month)));
    await recordAudit(tx, actor, {
      action: 'report.sign_off',
      entityType: 'monthly_report',
      entityId: `${organizationId}/${month}`,
      after: { signedAt: signedAt.toISOString() },
    });
  });
  return getMonthlyReport(actor, organizationId, month);
}
