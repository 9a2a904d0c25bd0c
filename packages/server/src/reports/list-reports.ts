import type { TMonthlyReportSummary } from '@hamkke/core';
import { monthRange } from '@hamkke/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, inOrganizationScope, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { monthlyReports, organizations, users } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { findOrganization, presentSummary } from './report-store.js';

/** The stored reports of one organization, newest month first; customer users see the signed ones only. */
export async function listOrganizationReports(
  actor: TActor,
  organizationId: string,
): Promise<TMonthlyReportSummary[]> {
  if (!inOrganizationScope(actor, organizationId)) throw new NotFound({ en: 'organization', ko: '고객사' });
  const org = await findOrganization(db, organizationId);
  if (!org) throw new NotFound({ en: 'organization', ko: '고객사' });
  const rows = await db
    .select({ report: monthlyReports, signedByName: users.name })
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.signedById))
    .where(
      and(
        eq(monthlyReports.organizationId, organizationId),
        isStaff(actor) ? undefined : eq(monthlyReports.status, 'signed'),
      ),
    )
    .orderBy(desc(monthlyReports.month));
  return rows.map((r) =>
    presentSummary(r.report.month, {
      organization: org,
      report: { ...r.report, signedByName: r.signedByName },
    }),
  );
}

/** The organizations whose report a month is due for: a contract in force that includes the monthly report. */
export const dueOrganizations = (month: string) => {
  const { first, last } = monthRange(month);
  return sql`SELECT DISTINCT c.organization_id FROM contracts c JOIN organizations o ON o.id = c.organization_id
    WHERE o.is_active AND 'monthly_report' = ANY(c.services)
      AND c.starts_on <= ${last}::date AND c.ends_on >= ${first}::date`;
};

/**
 * Staff: every customer whose report `month` is due for, plus any other that has a report stored for
 * it, with the report's status; by organization name.
 */
export async function listMonthReports(actor: TActor, month: string): Promise<TMonthlyReportSummary[]> {
  assert(isStaff(actor));
  const rows = await db
    .select({
      organization: { id: organizations.id, name: organizations.name, code: organizations.code },
      report: monthlyReports,
      signedByName: users.name,
    })
    .from(organizations)
    .leftJoin(
      monthlyReports,
      and(eq(monthlyReports.organizationId, organizations.id), eq(monthlyReports.month, month)),
    )
    .leftJoin(users, eq(users.id, monthlyReports.signedById))
    .where(sql`${organizations.id} IN (${dueOrganizations(month)}) OR ${monthlyReports.month} IS NOT NULL`)
    .orderBy(organizations.name, organizations.code);
  return rows.map((r) =>
    presentSummary(month, {
      organization: r.organization,
      report: r.report ? { ...r.report, signedByName: r.signedByName } : null,
    }),
  );
}
