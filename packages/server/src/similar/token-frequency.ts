import { sql } from 'drizzle-orm';
import { db } from '../db/current.js';

/** PostgreSQL's own statistics are re-read at most this often. */
const TTL_MS = 10 * 60_000;
let cache: { at: number; byColumn: Map<string, Map<string, number>> } | null = null;

/**
 * The share of ticket search documents holding each of the most common tokens, from the statistics
 * ANALYZE keeps on the tsvector columns (`pg_stats.most_common_elems`). A token not listed is rarer
 * than every listed one. Empty before the first ANALYZE, when every token counts as rare.
 */
export async function commonTokenShares(
  column: 'public_vector' | 'staff_vector',
): Promise<Map<string, number>> {
  if (!cache || Date.now() - cache.at > TTL_MS) {
    const rows = await db.execute<{ column: string; elems: string[] | null; freqs: number[] | null }>(sql`
      SELECT attname AS "column", most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
      FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'ticket_search'
        AND attname IN ('public_vector', 'staff_vector')`);
    const byColumn = new Map<string, Map<string, number>>();
    for (const r of rows.rows) {
      const shares = new Map<string, number>();
      (r.elems ?? []).forEach((e, i) => {
        shares.set(e, r.freqs?.[i] ?? 0);
      });
      byColumn.set(r.column, shares);
    }
    cache = { at: Date.now(), byColumn };
  }
  return cache.byColumn.get(column) ?? new Map();
}
