/**
 * Monthly report benchmark on the PostgreSQL server: generates tickets (bench/generate.ts), then for
 * the last full month (Seoul) adds what the report reads and the generator leaves out — SLA due
 * times and outcomes, first responses, time entries, surveys, resolution comments — and one customer
 * (`BNREPORT`) with `--month-tickets` tickets created in that month (P1/P2 incidents with resolution
 * comments, inspections with answers and open follow-ups). Then measures in this process, without HTTP:
 *   (a) computeMonthlyReport for `BNREPORT` (p50/p95/max of --runs) and for the busiest generated one;
 *   (b) a generation run of every customer whose contract in force includes the monthly report
 *       (all of them), drained by --workers workers side by side: wall time and reports per second.
 *
 *   node --import tsx bench/reports.ts --tickets=1000000 --organizations=1000 --month-tickets=20000
 *   node --import tsx bench/reports.ts --tickets=20000 --organizations=20 --month-tickets=2000 --runs=3
 *
 * Options: --tickets, --organizations, --month-tickets, --runs (default 20), --workers (default 2),
 * --keep (leave the database), --reuse (measure the database kept by --keep).
 * Environment: HAMKKE_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * HAMKKE_BENCH_REPORTS_DB (default hamkke_bench_reports).
 */
import { localDateIn } from '@hamkke/core';
import type pg from 'pg';
import { useDatabase } from '../packages/server/src/db/current.js';
import { connect, migrateDatabase } from '../packages/server/src/db/database.js';
import { computeMonthlyReport } from '../packages/server/src/reports/compute-monthly-report.js';
import { addMonths, monthPeriod } from '../packages/server/src/reports/month-period.js';
import { createReportRun, getReportRun } from '../packages/server/src/reports/report-runs.js';
import { drainReportRuns, reportWorkerIdle } from '../packages/server/src/reports/report-worker.js';
import { benchDatabase, benchManager, flag, num } from './bench-database.js';
import { BENCH_AGENT_EMAIL, BENCH_ORG_PREFIX } from './generate.js';

const ticketCount = num('tickets', 1_000_000);
const organizationCount = num('organizations', Math.max(10, Math.round(ticketCount / 1000)));
const monthTickets = num('month-tickets', 20_000);
const runs = num('runs', 20);
const workers = num('workers', 2);
const database = benchDatabase(process.env.HAMKKE_BENCH_REPORTS_DB ?? 'hamkke_bench_reports');
const { url } = database;
/** The last full month in Seoul: every generated customer has tickets in it. */
const MONTH = addMonths(localDateIn('Asia/Seoul', new Date()).slice(0, 7), -1);

type TStats = { name: string; p50: number; p95: number; max: number };
function stats(name: string, samples: number[]): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { name, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}
const show = (s: TStats) =>
  `${s.name.padEnd(44)} p50 ${s.p50.toFixed(1).padStart(7)}  p95 ${s.p95.toFixed(1).padStart(7)}  max ${s.max.toFixed(1).padStart(7)} ms`;

/**
 * Once per database (the organization `BNREPORT` marks it done): the report's inputs for MONTH,
 * set-based. SLA targets by priority in wall-clock minutes (the figures are about volume, not about
 * calendars), due times, states; time entries; surveys; a resolution comment on P1/P2 incidents.
 */
async function enrich(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    if ((await client.query(`SELECT 1 FROM organizations WHERE code = 'BNREPORT'`)).rowCount) return;
    const { start, end } = monthPeriod(MONTH, 'Asia/Seoul');
    console.log(`adding the report's inputs for ${MONTH} and ${monthTickets} tickets of BNREPORT`);
    await client.query(`SET work_mem = '256MB'`);
    await client.query('SET synchronous_commit = off');
    const step = async (name: string, text: string, values: unknown[] = []) => {
      const t0 = performance.now();
      const r = await client.query(text, values);
      console.log(
        `  ${name.padEnd(26)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  (${r.rowCount ?? 0} rows)`,
      );
    };
    await step(
      'monthly report contracts',
      `UPDATE contracts SET services = array_append(array_remove(services, 'report'), 'monthly_report')`,
    );
    await step(
      'report customer',
      `INSERT INTO organizations (name, code, ticket_seq) VALUES ('벤치 보고 고객사', 'BNREPORT', $1)`,
      [monthTickets],
    );
    await step(
      'report customer contract',
      `INSERT INTO contracts (organization_id, name, starts_on, ends_on, services, monthly_hours)
       SELECT id, '보고 벤치 계약', $1::date - 400, $1::date + 400, ARRAY['support','monthly_report'], 400
         FROM organizations WHERE code = 'BNREPORT'`,
      [`${MONTH}-01`],
    );
    // Spread over the month; statuses as a month later: 85 % resolved (70 % of those closed), 3 % cancelled.
    await step(
      'report customer tickets',
      `INSERT INTO tickets (number, organization_id, contract_id, module, type, title, status, impact, urgency,
                            priority, requester_id, assignee_id, channel, created_at, updated_at, resolved_at,
                            closed_at, sla_calendar_key)
       SELECT 'BNREPORT-' || lpad(g::text, 6, '0'), o.id, c.id,
              (ARRAY['FI','CO','SD','MM','PP','BC','ABAP',NULL])[1 + g % 8],
              (ARRAY['inquiry','inquiry','inquiry','incident','incident','request','problem','inspection','change'])[1 + g % 9],
              '보고 벤치 티켓 ' || g,
              CASE WHEN r < .03 THEN 'cancelled' WHEN r < .88 THEN (CASE WHEN r < .6 THEN 'closed' ELSE 'resolved' END)
                   ELSE 'in_progress' END,
              'medium', 'medium', (ARRAY['P1','P2','P2','P3','P3','P3','P4','P4','P4','P4'])[1 + g % 10],
              (SELECT id FROM users WHERE role = 'customer' LIMIT 1),
              (SELECT id FROM users WHERE email = $3), (ARRAY['portal','email','phone','internal'])[1 + g % 4],
              ts, ts, CASE WHEN r >= .03 AND r < .88 THEN ts + interval '1 hour' * (1 + 60 * random()) END,
              CASE WHEN r >= .03 AND r < .6 THEN ts + interval '3 days' END, 'kr-standard'
         FROM generate_series(1, $4::int) g
         CROSS JOIN LATERAL (SELECT random() + g * 0 AS r,
                                    $1::timestamptz + random() * ($2::timestamptz - $1::timestamptz) AS ts) x
         CROSS JOIN (SELECT id FROM organizations WHERE code = 'BNREPORT') o
         CROSS JOIN (SELECT id FROM contracts WHERE name = '보고 벤치 계약') c`,
      [start, end, BENCH_AGENT_EMAIL, monthTickets],
    );
    await step(
      'SLA of the month',
      `UPDATE tickets t SET first_response_at = x.fr, response_target_min = x.rt, resolution_target_min = x.st,
         response_due_at = t.created_at + x.rt * interval '1 minute',
         resolution_due_at = t.created_at + x.st * interval '1 minute',
         response_state = CASE WHEN x.fr <= t.created_at + x.rt * interval '1 minute' THEN 'met' ELSE 'breached' END,
         resolution_state = CASE WHEN t.resolved_at IS NULL THEN 'breached'
           WHEN t.resolved_at <= t.created_at + x.st * interval '1 minute' THEN 'met' ELSE 'breached' END,
         sla_calendar_key = coalesce(t.sla_calendar_key, 'kr-standard')
       FROM (SELECT id, created_at + power(random(), 2) * interval '8 hours' AS fr,
                    (ARRAY[30, 60, 240, 480])[substr(priority, 2)::int] AS rt,
                    (ARRAY[480, 1440, 4320, 7200])[substr(priority, 2)::int] AS st
               FROM tickets WHERE created_at >= $1::timestamptz - interval '1 month' AND created_at < $2::timestamptz) x
       WHERE x.id = t.id AND t.status <> 'cancelled'`,
      [start, end],
    );
    await step(
      'time entries',
      `INSERT INTO time_entries (ticket_id, user_id, minutes, work_date, billable, work_class, created_at)
       SELECT t.id, coalesce(t.assignee_id, (SELECT id FROM users WHERE email = $3)), 15 * (1 + (g % 8)),
              ((t.created_at + interval '2 hours') AT TIME ZONE 'Asia/Seoul')::date, g % 5 <> 0,
              (ARRAY['A','A','A','A','A','B','B','C'])[1 + g % 8], t.created_at
         FROM tickets t CROSS JOIN generate_series(1, 2) g
        WHERE t.created_at >= $1 AND t.created_at < $2 AND t.status <> 'new'`,
      [start, end, BENCH_AGENT_EMAIL],
    );
    await step(
      'surveys',
      `INSERT INTO csat_surveys (ticket_id, organization_id, requester_id, agent_id, module, token_hash, sent_at,
                                 expires_at, answered_at, rating, answered_via)
       SELECT t.id, t.organization_id, t.requester_id, t.assignee_id, t.module, md5(t.id::text || 'report'),
              t.resolved_at, t.resolved_at + interval '14 days',
              CASE WHEN a THEN t.resolved_at + interval '1 hour' END,
              CASE WHEN a THEN (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + floor(random() * 8)::int] END,
              CASE WHEN a THEN 'page' END
         FROM tickets t CROSS JOIN LATERAL (SELECT random() < .5 AS a) x
        WHERE t.resolved_at >= $1 AND t.resolved_at < $2 AND t.requester_id IS NOT NULL AND random() < .4`,
      [start, end],
    );
    await step(
      'resolution comments',
      `INSERT INTO comments (ticket_id, author_id, body, visibility, created_at)
       SELECT t.id, (SELECT id FROM users WHERE email = $3),
              E'원인: 번호 범위 소진\\n조치: 번호 범위 확장 후 재처리', 'public', coalesce(t.resolved_at, t.created_at)
         FROM tickets t
        WHERE t.created_at >= $1 AND t.created_at < $2 AND t.priority IN ('P1', 'P2')
          AND t.type IN ('incident', 'problem')`,
      [start, end, BENCH_AGENT_EMAIL],
    );
    await step(
      'inspections',
      `WITH tpl AS (INSERT INTO inspection_templates (key) VALUES ('bench-report') RETURNING id),
            ver AS (INSERT INTO inspection_template_versions (template_id, version, name, items)
                    SELECT id, 1, '벤치 점검', '[]'::jsonb FROM tpl RETURNING id)
       INSERT INTO inspection_runs (ticket_id, template_version_id, completed_at)
       SELECT t.id, ver.id, t.created_at + interval '4 hours' FROM tickets t, ver
        WHERE t.type = 'inspection' AND t.created_at >= $1 AND t.created_at < $2`,
      [start, end],
    );
    await step(
      'inspection answers',
      `INSERT INTO inspection_answers (ticket_id, item_id, result, follow_up_ticket_id)
       SELECT r.ticket_id, 'item' || k, (ARRAY['ok','ok','ok','ok','ok','warning','failed'])[1 + (k + abs(hashtext(r.ticket_id::text))) % 7],
              CASE WHEN (k + abs(hashtext(r.ticket_id::text))) % 7 = 6 THEN
                (SELECT t2.id FROM tickets t2 WHERE t2.organization_id = t.organization_id AND t2.status = 'in_progress'
                  ORDER BY t2.created_at OFFSET abs(hashtext(r.ticket_id::text)) % 50 LIMIT 1) END
         FROM inspection_runs r JOIN tickets t ON t.id = r.ticket_id CROSS JOIN generate_series(1, 8) k`,
    );
    await step('vacuum analyze', 'VACUUM (ANALYZE) tickets, time_entries, csat_surveys, comments, contracts');
  } finally {
    client.release();
  }
}

async function main(): Promise<void> {
  if (!flag('reuse')) {
    await database.createGenerated(ticketCount, organizationCount);
  }
  const app = connect(url, 2 + workers * 4);
  useDatabase(app.db);
  try {
    await migrateDatabase(app.pool);
    await enrich(app.pool);
    const actor = await benchManager();
    const ids = (
      await app.pool.query<{ report: string; busiest: string; month_tickets: number }>(
        `SELECT (SELECT id FROM organizations WHERE code = 'BNREPORT') AS report,
                (SELECT id FROM organizations WHERE code = '${BENCH_ORG_PREFIX}0001') AS busiest,
                (SELECT count(*)::int FROM tickets t JOIN organizations o ON o.id = t.organization_id
                  WHERE o.code = 'BNREPORT') AS month_tickets`,
      )
    ).rows[0]!;
    console.log(`\n(a) one customer's report of ${MONTH}, ${runs} runs each`);
    for (const [name, id] of [
      [`BNREPORT (${ids.month_tickets} tickets in the month)`, ids.report],
      [`${BENCH_ORG_PREFIX}0001 (the busiest generated)`, ids.busiest],
    ] as const) {
      const first = await computeMonthlyReport(actor, id, MONTH); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await computeMonthlyReport(actor, id, MONTH);
        samples.push(performance.now() - t0);
      }
      console.log(show(stats(name, samples)));
      console.log(
        `  created ${first.tickets.total.created}, SLA settled ${first.sla.resolution.met + first.sla.resolution.breached}, ` +
          `carried over ${first.carriedOver.count}, incidents ${first.notableIncidents.length}, hours ${first.hours.used}`,
      );
    }

    console.log(`\n(b) every customer's report of ${MONTH}, ${workers} workers`);
    const t0 = performance.now();
    const run = await createReportRun(actor, { month: MONTH });
    // createReportRun wakes this process's worker; the others drain side by side, as other processes would.
    await Promise.all([reportWorkerIdle(), ...Array.from({ length: workers - 1 }, () => drainReportRuns())]);
    const seconds = (performance.now() - t0) / 1000;
    const done = await getReportRun(actor, run.id);
    console.log(
      `  ${done.total} reports: ${done.done} done, ${done.failed} failed, ${seconds.toFixed(1)} s ` +
        `(${(done.total / seconds).toFixed(1)} reports/s), status ${done.status}`,
    );
  } finally {
    await app.pool.end();
    if (!flag('keep') && !flag('reuse')) await database.drop();
  }
}

await main();
