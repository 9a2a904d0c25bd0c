import type { TMonthlyReport, TUpdateReportRemarks } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { db } from '../db/current.js';
import { monthlyReports } from '../db/schema.js';
import { Conflict, NotFound } from '../http/errors.js';
import { getMonthlyReport } from './get-monthly-report.js';
import { findOrganization } from './report-store.js';

export const SIGNED_IS_FROZEN = {
  en: 'The report is signed off and can no longer change',
  ko: '확정된 보고서는 더 이상 바꿀 수 없습니다',
};

/** Sets the team's remarks (Markdown) of a draft report; agents, managers and admins. A signed one: 409. */
export async function updateReportRemarks(
  actor: TActor,
  organizationId: string,
  month: string,
  input: TUpdateReportRemarks,
): Promise<TMonthlyReport> {
  assert(canWork(actor));
  await db.transaction(async (tx) => {
    if (!(await findOrganization(tx, organizationId)))
      throw new NotFound({ en: 'organization', ko: '고객사' });
    const written = await tx
      .insert(monthlyReports)
      .values({ organizationId, month, remarks: input.remarks, remarksUpdatedById: actor.userId })
      .onConflictDoUpdate({
        target: [monthlyReports.organizationId, monthlyReports.month],
        set: { remarks: input.remarks, remarksUpdatedById: actor.userId, updatedAt: sql`now()` },
        setWhere: sql`${monthlyReports.status} = 'draft'`,
      })
      .returning({ month: monthlyReports.month });
    if (!written.length)
      throw new Conflict(SIGNED_IS_FROZEN, [{ path: 'remarks', message: SIGNED_IS_FROZEN.en }]);
    await recordAudit(tx, actor, {
      action: 'report.remarks',
      entityType: 'monthly_report',
      entityId: `${organizationId}/${month}`,
      after: { remarks: input.remarks },
    });
  });
  return getMonthlyReport(actor, organizationId, month);
}
