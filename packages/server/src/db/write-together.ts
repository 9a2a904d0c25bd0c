import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { TDbOrTx } from './database.js';

/**
 * Runs several INSERT/UPDATE statements as one, in one round trip: all but the last become
 * data-modifying CTEs of the last (`WITH w0 AS (…), w1 AS (…) <last>`). PostgreSQL runs every part
 * against the same snapshot and checks foreign keys at the end of the statement, so the parts must
 * not read each other's rows — give them what they need as values. Nothing is returned.
 */
export async function writeTogether(tx: TDbOrTx, ...statements: SQLWrapper[]): Promise<void> {
  if (statements.length === 0) return;
  // getSQL(): a query builder embedded as such would be wrapped in parentheses, as a subquery.
  const [last, ...firsts] = [statements.at(-1)!.getSQL(), ...statements.slice(0, -1).map((s) => s.getSQL())];
  const parts = firsts.map((s, i) => sql`${sql.raw(`w${i}`)} AS (${s})`);
  const query: SQL = parts.length ? sql`WITH ${sql.join(parts, sql`, `)} ${last}` : sql`${last}`;
  await tx.execute(query);
}
