import { sql } from 'drizzle-orm';
import { db } from '../db/current.js';
import type { HttpMetrics } from '../http/metrics.js';
import type { TRoutes } from '../http/types.js';

/** Liveness, readiness and Prometheus metrics, outside the versioned API and without sign-in. */
export const healthRoutes =
  (metrics: HttpMetrics): TRoutes =>
  async (app) => {
    const hide = { hide: true };
    app.get('/healthz', { schema: hide }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: hide }, async (_req, reply) => {
      try {
        await db.execute(sql`SELECT 1`);
        return { status: 'ok' };
      } catch {
        return reply.code(503).send({ status: 'unavailable', detail: 'database does not answer' });
      }
    });
    app.get('/metrics', { schema: hide }, async (_req, reply) => {
      const byStatus = await db.execute<{ status: string; count: number }>(
        sql`SELECT status, count(*)::int AS count FROM tickets GROUP BY status ORDER BY status`,
      );
      const lines = [
        metrics.render(),
        '# HELP hamkke_tickets Tickets by status.',
        '# TYPE hamkke_tickets gauge',
        ...byStatus.rows.map((r) => `hamkke_tickets{status="${r.status}"} ${r.count}`),
      ];
      return reply.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
    });
  };
