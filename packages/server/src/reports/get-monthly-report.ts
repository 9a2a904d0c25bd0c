import type { TMonthlyReport } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { inOrganizationScope, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { NotFound } from '../http/errors.js';
import { computeReportFigures, REPORT, type TReportFigures } from './compute-monthly-report.js';
import { findOrganization, findReport, presentReport } from './report-store.js';

/**
 * The report of an organization and month. Signed reports come from their frozen snapshot; a draft
 * from the figures its last generation stored, or computed now when none was stored yet (and not
 * stored by this read). Customer users see signed reports of their own organization only: a draft
 * or another organization's report is not found.
 */
export async function getMonthlyReport(
  actor: TActor,
  organizationId: string,
  month: string,
): Promise<TMonthlyReport> {
  if (!inOrganizationScope(actor, organizationId)) throw new NotFound(REPORT);
  const row = await findReport(db, organizationId, month);
  if (row?.status === 'signed') return presentReport(row.figures as TReportFigures, row);
  if (!isStaff(actor)) throw new NotFound(REPORT);
  if (row?.figures) return presentReport(row.figures as TReportFigures, row);
  if (!(await findOrganization(db, organizationId))) throw new NotFound({ en: 'organization', ko: '고객사' });
  return presentReport(await computeReportFigures(organizationId, month), row);
}
