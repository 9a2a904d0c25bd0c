import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import { db } from '../db/current.js';
import { runEvery } from '../jobs/run-every.js';
import { computeReportFigures } from './compute-monthly-report.js';
import { storeDraftFigures } from './report-store.js';

/** How long a worker holds a claimed organization; past it, another worker may take it over. */
const LEASE_SECONDS = 300;
/** Organizations claimed per round trip, and computed side by side. */
const BATCH = 4;
/** Claims of one organization before it is given up as failed (its worker died each time). */
const MAX_ATTEMPTS = 3;

type TClaimed = { run_id: string; organization_id: string; month: string; attempts: number };

/**
 * Claims up to `limit` organizations of any run: pending ones, and running ones whose lease ran out.
 * FOR UPDATE SKIP LOCKED: two workers (in one process or several) never claim the same one.
 */
async function claim(limit: number): Promise<TClaimed[]> {
  const result = await db.execute<TClaimed>(sql`
    UPDATE report_run_items i
       SET status = 'running', attempts = i.attempts + 1,
           lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
      FROM (SELECT run_id, organization_id FROM report_run_items
             WHERE status = 'pending' OR (status = 'running' AND lease_until < now())
             ORDER BY run_id, organization_id LIMIT ${limit}
             FOR UPDATE SKIP LOCKED) c, report_runs r
     WHERE i.run_id = c.run_id AND i.organization_id = c.organization_id AND r.id = i.run_id
    RETURNING i.run_id, i.organization_id, r.month, i.attempts`);
  return result.rows;
}

async function finish(item: TClaimed, status: 'done' | 'failed' | 'skipped', error: string | null) {
  await db.execute(sql`
    UPDATE report_run_items SET status = ${status}, error = ${error}, finished_at = now(), lease_until = NULL
     WHERE run_id = ${item.run_id}::uuid AND organization_id = ${item.organization_id}::uuid
       AND status = 'running'`);
}

/** Computes one claimed organization's report and stores it as the draft (a signed report is skipped). */
async function work(item: TClaimed): Promise<void> {
  if (item.attempts > MAX_ATTEMPTS) return finish(item, 'failed', 'gave up after repeated interruptions');
  try {
    const figures = await computeReportFigures(item.organization_id, item.month);
    const stored = await storeDraftFigures(db, figures);
    await finish(item, stored === 'stored' ? 'done' : 'skipped', null);
  } catch (error) {
    await finish(item, 'failed', (error instanceof Error ? error.message : String(error)).slice(0, 1000));
  }
}

/** Marks runs finished once none of their organizations is pending or running. */
async function closeRuns(runIds: string[]) {
  if (!runIds.length) return;
  await db.execute(sql`
    UPDATE report_runs r SET finished_at = now()
     WHERE r.id IN (${sql.join(
       runIds.map((id) => sql`${id}::uuid`),
       sql`, `,
     )}) AND r.finished_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM report_run_items i
                        WHERE i.run_id = r.id AND i.status IN ('pending', 'running'))`);
}

/** Works claimed organizations until none is left to claim; returns how many it worked. */
export async function drainReportRuns(): Promise<number> {
  let worked = 0;
  for (;;) {
    const items = await claim(BATCH);
    if (!items.length) return worked;
    await Promise.all(items.map(work));
    await closeRuns([...new Set(items.map((i) => i.run_id))]);
    worked += items.length;
  }
}

let draining: Promise<unknown> | null = null;
let again = false;

/** Wakes this process's worker: drains the runs now (again once more if it is already draining). */
export function kickReportWorker(logger?: FastifyBaseLogger): void {
  if (draining) {
    again = true;
    return;
  }
  draining = drainReportRuns()
    .catch((error: unknown) => logger?.error({ err: error }, 'report run failed'))
    .finally(() => {
      draining = null;
      if (again) {
        again = false;
        kickReportWorker(logger);
      }
    });
}

/** Resolves when this process's worker is idle (tests, shutdown). */
export async function reportWorkerIdle(): Promise<void> {
  while (draining) await draining;
}

/** Runs the worker every `intervalMs`: picks up runs started by other processes and lapsed leases. */
export function startReportWorker(intervalMs: number, logger: Logger): () => Promise<void> {
  const stop = runEvery(intervalMs, logger, 'report run pass failed', () => drainReportRuns());
  return async () => {
    await stop();
    await reportWorkerIdle();
  };
}
