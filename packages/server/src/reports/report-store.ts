import type { TMonthlyReport, TMonthlyReportSummary } from '@hamkke/core';
import { and, eq, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { monthlyReports, organizations, users } from '../db/schema.js';
import type { TReportFigures } from './compute-monthly-report.js';

export type TReportRow = typeof monthlyReports.$inferSelect;
export type TStoredReport = TReportRow & { signedByName: string | null };

/** The stored report of one organization and month, with the signer's name; null if none is stored. */
export async function findReport(
  tx: TDbOrTx,
  organizationId: string,
  month: string,
  opts: { forUpdate?: boolean } = {},
): Promise<TStoredReport | null> {
  const query = tx
    .select({ report: monthlyReports, signedByName: users.name })
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.signedById))
    .where(and(eq(monthlyReports.organizationId, organizationId), eq(monthlyReports.month, month)));
  const [row] = await (opts.forUpdate ? query.for('update', { of: monthlyReports }) : query);
  return row ? { ...row.report, signedByName: row.signedByName } : null;
}

/** The stored figures with the row's remarks and sign-off: the report as served. */
export function presentReport(figures: TReportFigures, row: TStoredReport | null): TMonthlyReport {
  return {
    ...figures,
    remarks: row?.remarks ?? '',
    status: row?.status ?? 'draft',
    signedBy: row?.signedById ? { id: row.signedById, name: row.signedByName ?? '' } : null,
    signedAt: row?.signedAt ? row.signedAt.toISOString() : null,
  };
}

/** Stores fresh draft figures, unless the report is already signed (then nothing changes). */
export async function storeDraftFigures(tx: TDbOrTx, figures: TReportFigures): Promise<'stored' | 'signed'> {
  const now = new Date(figures.generatedAt);
  const written = await tx
    .insert(monthlyReports)
    .values({
      organizationId: figures.organization.id,
      month: figures.month,
      figures,
      generatedAt: now,
    })
    .onConflictDoUpdate({
      target: [monthlyReports.organizationId, monthlyReports.month],
      set: { figures, generatedAt: now, updatedAt: sql`now()` },
      setWhere: sql`${monthlyReports.status} = 'draft'`,
    })
    .returning({ month: monthlyReports.month });
  return written.length ? 'stored' : 'signed';
}

type TSummarySource = {
  organization: { id: string; name: string; code: string };
  report: TStoredReport | null;
};

export function presentSummary(month: string, s: TSummarySource): TMonthlyReportSummary {
  const r = s.report;
  return {
    organization: s.organization,
    month,
    status: r ? (r.status === 'signed' ? 'signed' : r.figures ? 'draft' : 'none') : 'none',
    generatedAt: r?.generatedAt ? r.generatedAt.toISOString() : null,
    signedBy: r?.signedById ? { id: r.signedById, name: r.signedByName ?? '' } : null,
    signedAt: r?.signedAt ? r.signedAt.toISOString() : null,
    mailedAt: r?.mailedAt ? r.mailedAt.toISOString() : null,
  };
}

/** An organization's id, name and code, or null. */
export async function findOrganization(tx: TDbOrTx, id: string) {
  const [org] = await tx
    .select({ id: organizations.id, name: organizations.name, code: organizations.code })
    .from(organizations)
    .where(eq(organizations.id, id));
  return org ?? null;
}
