import type { TCreateReportRun, TReportRun } from '@hamkke/core';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { organizations, reportRunItems, reportRuns, users } from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { dueOrganizations } from './list-reports.js';
import { kickReportWorker } from './report-worker.js';

const RUN = { en: 'report run', ko: '보고서 생성 작업' };

/**
 * Starts generating the drafts of `month` for the chosen organizations, or for every customer whose
 * contract in force includes the monthly report. The run is computed by the report workers (this
 * process is woken at once); signed reports are left as they are.
 */
export async function createReportRun(
  actor: TActor,
  input: TCreateReportRun,
  logger?: FastifyBaseLogger,
): Promise<TReportRun> {
  assert(canWork(actor));
  const id = await db.transaction(async (tx) => {
    let ids: string[];
    if (input.organizationIds) {
      ids = [...new Set(input.organizationIds)];
      const found = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(inArray(organizations.id, ids));
      const known = new Set(found.map((f) => f.id));
      const missing = input.organizationIds.findIndex((o) => !known.has(o));
      if (missing >= 0)
        throw new Invalid(`organizationIds.${missing}`, {
          en: 'No such organization',
          ko: '없는 고객사입니다',
        });
    } else {
      const due = await tx.execute<{ organization_id: string }>(dueOrganizations(input.month));
      ids = due.rows.map((r) => r.organization_id);
    }
    const [run] = await tx
      .insert(reportRuns)
      .values({ month: input.month, createdById: actor.userId, finishedAt: ids.length ? null : new Date() })
      .returning({ id: reportRuns.id });
    if (ids.length)
      await tx.insert(reportRunItems).values(ids.map((o) => ({ runId: run!.id, organizationId: o })));
    await recordAudit(tx, actor, {
      action: 'report.run',
      entityType: 'report_run',
      entityId: run!.id,
      after: { month: input.month, organizations: ids.length },
    });
    return run!.id;
  });
  kickReportWorker(logger);
  return getReportRun(actor, id);
}

/** A run's progress: totals and each organization's state. Staff only. */
export async function getReportRun(actor: TActor, id: string): Promise<TReportRun> {
  assert(isStaff(actor));
  const [run] = await db
    .select({ run: reportRuns, createdByName: users.name })
    .from(reportRuns)
    .leftJoin(users, eq(users.id, reportRuns.createdById))
    .where(eq(reportRuns.id, id));
  if (!run) throw new NotFound(RUN);
  const items = await db
    .select({
      organization: { id: organizations.id, name: organizations.name, code: organizations.code },
      status: reportRunItems.status,
      error: reportRunItems.error,
      finishedAt: reportRunItems.finishedAt,
    })
    .from(reportRunItems)
    .innerJoin(organizations, eq(organizations.id, reportRunItems.organizationId))
    .where(eq(reportRunItems.runId, id))
    .orderBy(organizations.name, organizations.code);
  const count = (f: (s: string) => boolean) => items.filter((i) => f(i.status)).length;
  return {
    id: run.run.id,
    month: run.run.month,
    status: run.run.finishedAt ? 'finished' : 'running',
    total: items.length,
    done: count((s) => s === 'done' || s === 'skipped'),
    failed: count((s) => s === 'failed'),
    createdBy: run.run.createdById ? { id: run.run.createdById, name: run.createdByName ?? '' } : null,
    createdAt: run.run.createdAt.toISOString(),
    finishedAt: run.run.finishedAt ? run.run.finishedAt.toISOString() : null,
    items: items.map((i) => ({
      organization: i.organization,
      status: i.status,
      error: i.error,
      finishedAt: i.finishedAt ? i.finishedAt.toISOString() : null,
    })),
  };
}
