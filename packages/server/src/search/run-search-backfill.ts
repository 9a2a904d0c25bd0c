import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { db } from '../db/current.js';
import { backfillBatch, FIRST_ID } from './refresh-ticket-search.js';

/** Advisory lock key: one process at a time fills the search documents. */
const BACKFILL_LOCK = 72_690_003;

/**
 * Indexes, in the background after start, the tickets that have no search documents (written
 * before search existed, or loaded in bulk), one batch per transaction. Start-up does not wait for
 * it: a million tickets take minutes, and until then those tickets are only missing from search.
 * Returns a stopper that ends the work after the current batch.
 */
export function startSearchBackfill(logger: Logger): () => Promise<void> {
  let isStopping = false;
  const work = (async () => {
    let total = 0;
    let after = FIRST_ID;
    while (!isStopping) {
      const batch = await db.transaction(async (tx) => {
        const [lock] = (
          await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${BACKFILL_LOCK}) AS ok`)
        ).rows;
        return lock?.ok ? backfillBatch(tx, after) : { count: 0, lastId: after };
      });
      if (batch.count === 0) break;
      total += batch.count;
      after = batch.lastId;
    }
    if (total > 0) logger.info({ tickets: total }, 'search documents filled in');
  })().catch((error: unknown) => logger.error({ err: error }, 'search backfill failed'));
  return async () => {
    isStopping = true;
    await work;
  };
}
