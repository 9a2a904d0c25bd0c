import type { TMailReport, TMailReportResult } from '@hamkke/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage } from '../auth/policy.js';
import { db } from '../db/current.js';
import { monthlyReports, users } from '../db/schema.js';
import { Conflict, Invalid, NotFound } from '../http/errors.js';
import { publicUrl } from '../http/public-url.js';
import { notify } from '../notifications/notify.js';
import { REPORT } from './compute-monthly-report.js';
import { findOrganization, findReport } from './report-store.js';

const NOT_SIGNED = {
  en: 'Only a signed-off report can be mailed',
  ko: '확정된 보고서만 메일로 보낼 수 있습니다',
};

/**
 * Mails a signed report to the organization's active customer users (or the chosen ones among them)
 * through the outbox, as a `monthly_report` notification: in-app and by mail as each person's
 * preferences say. The outbox has no attachments, so the mail links to the portal page and the PDF.
 */
export async function mailReport(
  actor: TActor,
  organizationId: string,
  month: string,
  input: TMailReport,
): Promise<TMailReportResult> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    const org = await findOrganization(tx, organizationId);
    if (!org) throw new NotFound({ en: 'organization', ko: '고객사' });
    const report = await findReport(tx, organizationId, month, { forUpdate: true });
    if (!report) throw new NotFound(REPORT);
    if (report.status !== 'signed') throw new Conflict(NOT_SIGNED);
    const contacts = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(
        and(eq(users.organizationId, organizationId), eq(users.role, 'customer'), eq(users.isActive, true)),
      )
      .orderBy(users.name);
    const chosen = input.userIds ?? contacts.map((c) => c.id);
    chosen.forEach((id, i) => {
      if (!contacts.some((c) => c.id === id))
        throw new Invalid(`userIds.${i}`, {
          en: 'Not an active customer user of this organization',
          ko: '이 고객사의 활성 고객 사용자가 아닙니다',
        });
    });
    const recipients = contacts.filter((c) => chosen.includes(c.id));
    const query = `month=${month}&format=pdf`;
    await notify(
      tx,
      recipients.map((r) => r.id),
      {
        kind: 'monthly_report',
        actorId: actor.userId,
        data: {
          organizationId,
          organizationName: org.name,
          month,
          reportUrl: publicUrl(`/reports/monthly/${organizationId}/${month}`),
          pdfUrl: publicUrl(`/api/v1/organizations/${organizationId}/reports/monthly?${query}`),
        },
      },
    );
    await tx
      .update(monthlyReports)
      .set({ mailedAt: sql`now()` })
      .where(and(eq(monthlyReports.organizationId, organizationId), eq(monthlyReports.month, month)));
    await recordAudit(tx, actor, {
      action: 'report.mail',
      entityType: 'monthly_report',
      entityId: `${organizationId}/${month}`,
      after: { recipients: recipients.map((r) => r.id) },
    });
    return { recipients };
  });
}
