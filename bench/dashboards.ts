/**
 * Dashboard benchmark on the PostgreSQL server: generates tickets (bench/generate.ts), adds what the
 * figures read and the generator leaves out — SLA outcomes and first responses, time entries with
 * A/B/C classes, satisfaction surveys, some reopens, a team — then measures every figure in this
 * process, without HTTP (resolveScope, SQL, presenting), p50/p95 per figure, unfiltered (the default
 * 12 weeks, and a year by month) and filtered by customer, module and team.
 *
 *   node --import tsx bench/dashboards.ts --tickets=1000000 --organizations=1000 --keep
 *   node --import tsx bench/dashboards.ts --reuse          # measure the database kept by --keep
 *   node --import tsx bench/dashboards.ts --tickets=20000  # prove the script at a small count
 *
 * Options: --tickets, --organizations, --runs (per figure and variant, default 20), --keep, --reuse,
 * --only=flow,sla (those figures only).
 * Environment: HAMKKE_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * HAMKKE_BENCH_DASHBOARDS_DB (default hamkke_bench_dashboards).
 */

import { cpus, loadavg } from 'node:os';
import { DASHBOARD_FIGURES, type TDashboardFigure, ZDashboardQuery } from '@hamkke/core';
import type pg from 'pg';
import type { TActor } from '../packages/server/src/auth/actor.js';
import { dashboardFlow } from '../packages/server/src/dashboards/flow.js';
import { dashboardHours } from '../packages/server/src/dashboards/hours.js';
import { dashboardImprovements } from '../packages/server/src/dashboards/improvements.js';
import { dashboardRate } from '../packages/server/src/dashboards/rates.js';
import { dashboardSatisfaction } from '../packages/server/src/dashboards/satisfaction.js';
import { dashboardSla } from '../packages/server/src/dashboards/sla.js';
import {
  dashboardAbc,
  dashboardLoad,
  dashboardRecurring,
} from '../packages/server/src/dashboards/team-figures.js';
import { dashboardTimes } from '../packages/server/src/dashboards/times.js';
import { useDatabase } from '../packages/server/src/db/current.js';
import { connect, migrateDatabase } from '../packages/server/src/db/database.js';
import { arg, benchDatabase, benchManager, flag, num } from './bench-database.js';
import { BENCH_ORG_PREFIX } from './generate.js';

const ticketCount = num('tickets', 1_000_000);
const organizationCount = num('organizations', Math.max(10, Math.round(ticketCount / 1000)));
const runs = num('runs', 20);
const only = arg('only')?.split(',');
const database = benchDatabase(process.env.HAMKKE_BENCH_DASHBOARDS_DB ?? 'hamkke_bench_dashboards');
const { url } = database;

const FIGURES: Record<
  TDashboardFigure,
  (actor: TActor, query: ReturnType<typeof ZDashboardQuery.parse>) => Promise<unknown>
> = {
  flow: dashboardFlow,
  sla: dashboardSla,
  times: dashboardTimes,
  reopen: (a, q) => dashboardRate(a, q, 'reopen'),
  'first-contact': (a, q) => dashboardRate(a, q, 'first-contact'),
  satisfaction: dashboardSatisfaction,
  hours: dashboardHours,
  load: dashboardLoad,
  recurring: dashboardRecurring,
  abc: dashboardAbc,
  improvements: dashboardImprovements,
};

type TStats = { name: string; p50: number; p95: number; max: number };
function stats(name: string, samples: number[]): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { name, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
const show = (s: TStats) =>
  `${s.name.padEnd(40)} p50 ${s.p50.toFixed(1).padStart(7)}  p95 ${s.p95.toFixed(1).padStart(7)}  max ${s.max.toFixed(1).padStart(7)} ms`;

async function main(): Promise<void> {
  if (!flag('reuse')) {
    await database.createGenerated(ticketCount, organizationCount);
  }
  const app = connect(url, 4);
  useDatabase(app.db);
  try {
    await migrateDatabase(app.pool);
    await enrichForDashboards(app.pool);
    await addImprovements(app.pool);
    // The rollups may just have been filled by a migration: let index-only scans see them.
    await app.pool.query('VACUUM (ANALYZE) dashboard_time_days, ticket_dashboard_facts');
    const actor = await benchManager();
    const ids = (
      await app.pool.query<{ org: string; team: string }>(
        `SELECT (SELECT id FROM organizations WHERE code = '${BENCH_ORG_PREFIX}0001') AS org,
                (SELECT id FROM teams WHERE name = 'AMS 1팀') AS team`,
      )
    ).rows[0]!;
    const variants: [string, Record<string, string>][] = [
      ['12 weeks', {}],
      ['a year, by month', { from: yearAgo(), granularity: 'month' }],
      ['customer (busiest), 12 weeks', { organizationId: ids.org }],
      ['module FI, 12 weeks', { module: 'FI' }],
      ['team, 12 weeks', { teamId: ids.team }],
      [
        'customer + module + team, a year',
        { organizationId: ids.org, module: 'FI', teamId: ids.team, from: yearAgo() },
      ],
    ];
    // Other work on the machine slows every figure alike: say how busy it was.
    const busy = () =>
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${cpus().length} cores`;
    console.log(`measuring: ${busy()}`);
    const all: TStats[] = [];
    for (const [variant, raw] of variants) {
      console.log(`\n${variant}`);
      const query = ZDashboardQuery.parse(raw);
      for (const figure of DASHBOARD_FIGURES.filter((f) => !only || only.includes(f))) {
        await FIGURES[figure](actor, query); // warm-up
        const samples: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await FIGURES[figure](actor, query);
          samples.push(performance.now() - t0);
        }
        const s = stats(`${figure}`, samples);
        all.push({ ...s, name: `${variant} / ${figure}` });
        console.log(show(s));
      }
    }
    const worst = all.reduce((w, s) => (s.p95 > w.p95 ? s : w));
    console.log(`\nworst p95: ${worst.name} ${worst.p95.toFixed(1)} ms; ${busy()}`);
  } finally {
    await app.pool.end();
    if (!flag('keep') && !flag('reuse')) await database.drop();
  }
}

/**
 * What the dashboards read that the generator leaves out, set-based and random like it, once per
 * database (the team `AMS 1팀` marks it done): first responses and both SLA outcomes (wall-clock
 * targets by priority), time entries (0–2 per worked ticket, 85% A, 12% B, 3% C), a survey for 40% of
 * resolved tickets (half answered), a reopen for 4% of them, ticket_dashboard_facts recounted, a team.
 */
async function enrichForDashboards(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const done = await client.query(`SELECT 1 FROM teams WHERE name = 'AMS 1팀'`);
    if (done.rowCount) return;
    console.log('adding first responses, SLA outcomes, time, surveys, reopens and a team');
    await client.query(`SET work_mem = '256MB'`);
    await client.query('SET synchronous_commit = off');
    await client.query('SET session_replication_role = replica');
    const step = async (name: string, text: string) => {
      const t0 = performance.now();
      const r = await client.query(text);
      console.log(
        `  ${name.padEnd(24)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  (${r.rowCount ?? 0} rows)`,
      );
    };
    await step(
      'first responses, SLA',
      `UPDATE tickets t SET first_response_at = x.fr,
         response_target_min = x.rt, resolution_target_min = x.st,
         response_state = CASE WHEN x.fr IS NULL THEN 'none' WHEN x.fr <= t.created_at + x.rt * interval '1 minute' THEN 'met' ELSE 'breached' END,
         resolution_state = CASE WHEN t.resolved_at IS NULL THEN 'none'
           WHEN t.resolved_at <= t.created_at + x.st * interval '1 minute' THEN 'met' ELSE 'breached' END
       FROM (SELECT id,
               CASE WHEN status = 'new' THEN NULL ELSE created_at + power(random(), 2) * interval '8 hours' END AS fr,
               (ARRAY[30, 60, 240, 480])[substr(priority, 2)::int] AS rt,
               (ARRAY[480, 1440, 4320, 7200])[substr(priority, 2)::int] AS st
             FROM tickets) x
       WHERE x.id = t.id`,
    );
    await step(
      'time entries',
      `INSERT INTO time_entries (ticket_id, user_id, minutes, work_date, billable, work_class, created_at)
       SELECT t.id, t.assignee_id, 15 * (1 + floor(random() * 16))::int,
              ((t.created_at + random() * (coalesce(t.resolved_at, t.created_at + interval '1 day') - t.created_at))
                AT TIME ZONE 'Asia/Seoul')::date,
              random() < .8, CASE WHEN r < .85 THEN 'A' WHEN r < .97 THEN 'B' ELSE 'C' END, t.created_at
         FROM tickets t CROSS JOIN LATERAL generate_series(1, (abs(hashtext(t.id::text)) % 3)) k
         CROSS JOIN LATERAL (SELECT random() + k * 0 AS r) d
        WHERE t.assignee_id IS NOT NULL AND t.status <> 'new'`,
    );
    // Written with triggers off: fill the time rollup the trigger would have kept.
    await step(
      'time rollup',
      `INSERT INTO dashboard_time_days (work_date, organization_id, user_id, work_class, billable, minutes)
       SELECT te.work_date, t.organization_id, te.user_id, te.work_class, te.billable, sum(te.minutes)::int
         FROM time_entries te JOIN tickets t ON t.id = te.ticket_id GROUP BY 1, 2, 3, 4, 5
       ON CONFLICT (work_date, organization_id, user_id, work_class, billable)
       DO UPDATE SET minutes = dashboard_time_days.minutes + EXCLUDED.minutes`,
    );
    await step(
      'surveys',
      `INSERT INTO csat_surveys (ticket_id, organization_id, requester_id, agent_id, module, token_hash, sent_at,
                                 expires_at, answered_at, rating, answered_via)
       SELECT t.id, t.organization_id, t.requester_id, t.assignee_id, t.module, md5(t.id::text || 'csat'),
              t.resolved_at, t.resolved_at + interval '14 days',
              CASE WHEN a THEN t.resolved_at + interval '1 hour' END,
              CASE WHEN a THEN (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + floor(random() * 8)::int] END,
              CASE WHEN a THEN 'page' END
         FROM tickets t CROSS JOIN LATERAL (SELECT random() < .5 AS a) x
        WHERE t.resolved_at IS NOT NULL AND t.requester_id IS NOT NULL AND random() < .4`,
    );
    await step(
      'reopens',
      `INSERT INTO ticket_events (ticket_id, actor_id, kind, visibility, data, created_at)
       SELECT t.id, t.requester_id, 'changed', 'public',
              '{"changes":[{"field":"status","from":"resolved","to":"open"}],"reason":"customer_reply"}'::jsonb,
              t.resolved_at - interval '1 hour'
         FROM tickets t WHERE t.resolved_at IS NOT NULL AND random() < .04`,
    );
    await step('facts recounted', 'TRUNCATE ticket_dashboard_facts');
    await step(
      'facts',
      `INSERT INTO ticket_dashboard_facts (ticket_id, reopen_count, public_staff_replies)
       SELECT e.ticket_id,
              count(*) FILTER (WHERE e.kind = 'changed' AND e.data -> 'changes' @> '[{"field":"status","from":"resolved"}]'
                AND NOT e.data -> 'changes' @> '[{"field":"status","to":"closed"}]'),
              count(*) FILTER (WHERE e.kind = 'comment' AND e.visibility = 'public' AND u.role IN ('admin', 'manager', 'agent'))
         FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.kind IN ('changed', 'comment') GROUP BY e.ticket_id`,
    );
    // As the trigger keeps it: a row only for a ticket reopened or answered in public by staff.
    await step(
      'facts without counts',
      'DELETE FROM ticket_dashboard_facts WHERE reopen_count = 0 AND public_staff_replies = 0',
    );
    await step('team', `INSERT INTO teams (name) VALUES ('AMS 1팀')`);
    await step(
      'team members',
      `INSERT INTO team_members (team_id, user_id)
       SELECT (SELECT id FROM teams WHERE name = 'AMS 1팀'), id FROM users
        WHERE email LIKE 'agent%@bench.hamkke.test' AND substring(email FROM '^agent([0-9]+)@')::int % 2 = 0`,
    );
    await client.query('RESET session_replication_role');
    await step(
      'vacuum analyze',
      'VACUUM (ANALYZE) tickets, time_entries, dashboard_time_days, csat_surveys, ticket_dashboard_facts, ticket_events',
    );
  } finally {
    client.release();
  }
}

/** Three improvement items, once: one measuring (its value after is computed on every request), two done. */
async function addImprovements(pool: pg.Pool): Promise<void> {
  const n = await pool.query(`SELECT 1 FROM improvements WHERE title LIKE 'bench %'`);
  if (n.rowCount) return;
  await pool.query(
    `INSERT INTO improvements (title, kind, origin, status, metric, baseline_from, baseline_to, baseline_value,
                               target_value, measure_from, measure_to, after_value)
     SELECT 'bench ' || k, 'B', 'retrospective', s,
            jsonb_build_object('kind', m, 'organizationId', o, 'module', md),
            current_date - 200, current_date - 117, 10, 5, current_date - 84,
            CASE WHEN s = 'done' THEN current_date - 1 END, CASE WHEN s = 'done' THEN 7 END
       FROM (VALUES (1, 'measuring', 'reopen_rate', (SELECT id::text FROM organizations WHERE code = '${BENCH_ORG_PREFIX}0001'), 'FI'),
                    (2, 'done', 'mean_resolution_hours', NULL, NULL),
                    (3, 'done', 'tickets_per_week', NULL, 'MM')) v(k, s, m, o, md)`,
  );
}

function yearAgo(): string {
  return new Date(Date.now() + 9 * 3_600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
}

await main();
