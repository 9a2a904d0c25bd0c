/**
 * The SLA benchmark: (a) due-time computation in process for a million tickets, on one core, with
 * the server's own `deriveSla` on the kr-standard calendar; (b) the breach sweep (`sweepSla`) over a
 * million open tickets on PostgreSQL, with a realistic share due, then a share due as after a long
 * downtime. Run through the bench entry:
 *
 *   npm run bench -- --suite=sla --target=server|embedded|both --tickets=1000000
 *
 * Options: --due-share=0.015 (share of the open tickets due at the first sweep), --downtime-share=0.1
 * (share due at the second), --sweep-seconds=900 (the downtime sweep is shrunk to fit this, from the
 * rate of the first), --inprocess-only, --no-inprocess.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isBusinessTime,
  KNOWN_ADHOC_HOLIDAYS,
  KOREAN_HOLIDAY_YEARS,
  KR_STANDARD,
  koreanHolidays,
  LEVELS,
  priorityOf,
  type TCalendar,
  type TLevel,
  type TPriority,
} from '@hamkke/core';
import { asc, lte } from 'drizzle-orm';
// The sweep pulls in auth/actor.ts, which augments fastify's types: fastify must be in the program.
import type {} from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { loadCalendars } from '../packages/server/src/calendars/load-calendars.js';
import { useDatabase } from '../packages/server/src/db/current.js';
import { connect, migrateDatabase, type TDb } from '../packages/server/src/db/database.js';
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.js';
import { tickets } from '../packages/server/src/db/schema.js';
import { STANDARD_SLA_TARGETS } from '../packages/server/src/db/seed-reference-data.js';
import { createRandom } from '../packages/server/src/demo/demo-random.js';
import { deriveSla, type TSlaInputs } from '../packages/server/src/sla/derive-sla.js';
import { sweepSla } from '../packages/server/src/sla/sweep-sla.js';

export type TSlaOptions = {
  tickets: number;
  organizations: number;
  dueShare: number;
  downtimeShare: number;
  sweepSeconds: number;
  log: (line: string) => void;
};

export const DEFAULT_SLA: Omit<TSlaOptions, 'log'> = {
  tickets: 1_000_000,
  organizations: 1000,
  dueShare: 0.015,
  downtimeShare: 0.1,
  sweepSeconds: 900,
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A deterministic pseudo-random sequence: the demo's seeded generator (mulberry32). */
const rng = (seed: number): (() => number) => createRandom(seed).next;

/**
 * kr-standard as `loadCalendars` builds it on a fresh install: the built-in weekly hours and zone,
 * the distinct dates of the seeded public holidays (2015–2035, rules plus the known ad-hoc days),
 * no closures.
 */
export function krStandardAsSeeded(): TCalendar {
  const dates = new Set<string>();
  for (let year = KOREAN_HOLIDAY_YEARS.from; year <= KOREAN_HOLIDAY_YEARS.to; year++) {
    for (const h of koreanHolidays(year, KNOWN_ADHOC_HOLIDAYS)) dates.add(h.date);
  }
  return {
    key: KR_STANDARD.key,
    timeZone: KR_STANDARD.timeZone,
    weeklyHours: KR_STANDARD.weeklyHours,
    holidays: [...dates].sort(),
    closures: [],
  };
}

/** Impact 10/45/45 %, urgency 15/45/40 % (as the data generator draws them), folded by the core matrix. */
function drawPriority(random: () => number): TPriority {
  const level = (u: number, a: number, b: number): TLevel => LEVELS[u < a ? 0 : u < b ? 1 : 2]!;
  return priorityOf(level(random(), 0.1, 0.55), level(random(), 0.15, 0.6));
}

/** The most recent working-day 14:00 in Seoul (05:00 UTC) at or before `from`, on `calendar`. */
function lastWorkingAfternoon(from: number, calendar: TCalendar): Date {
  let t = Math.floor(from / DAY_MS) * DAY_MS + 5 * 3_600_000;
  if (t > from) t -= DAY_MS;
  while (!isBusinessTime(new Date(t), calendar)) t -= DAY_MS;
  return new Date(t);
}

const inputs = (createdAt: Date, priority: TPriority, over: Partial<TSlaInputs> = {}): TSlaInputs => ({
  createdAt,
  status: 'open',
  resolvedAt: null,
  firstResponseAt: null,
  responseTargetMin: STANDARD_SLA_TARGETS[priority].firstResponse,
  resolutionTargetMin: STANDARD_SLA_TARGETS[priority].resolution,
  responsePausedMin: 0,
  resolutionPausedMin: 0,
  slaPausedSince: null,
  ...over,
});

// ---------------------------------------------------------------- (a) in process

export type TInProcessResult = {
  tickets: number;
  seconds: number;
  microsPerTicket: number;
  createdInOfficeHours: number;
  byPriority: Record<string, number>;
  laterNow: { seconds: number; microsPerTicket: number };
  calendarBuildMs: number;
};

/**
 * Due times of `count` new tickets, as `slaForNewTicket` computes them (deriveSla at the creation
 * instant: 2 × addBusinessMinutes per clock, 1 × businessMinutesBetween per clock); then the same
 * tickets evaluated at a later `now` (what the sweep does per ticket).
 */
export function runInProcess(count: number, log: (line: string) => void): TInProcessResult {
  const calendar = krStandardAsSeeded();
  const random = rng(20_241_125);
  const end = Date.now();
  const start = end - 730 * DAY_MS;
  // Creation instants over two years: every instant drawn uniformly, kept always in office hours
  // and with probability 0.15 outside them (evenings, nights, weekends, holidays).
  const created = new Float64Array(count);
  const priorities: TPriority[] = new Array(count);
  const byPriority: Record<string, number> = { P1: 0, P2: 0, P3: 0, P4: 0 };
  let inOffice = 0;
  const tCal = performance.now();
  isBusinessTime(new Date(end), calendar); // compiles the calendar
  const calendarBuildMs = performance.now() - tCal;
  for (let i = 0; i < count; ) {
    const t = Math.floor(start + random() * (end - start));
    const office = isBusinessTime(new Date(t), calendar);
    if (!office && random() >= 0.15) continue;
    if (office) inOffice++;
    created[i] = t;
    const p = drawPriority(random);
    priorities[i] = p;
    byPriority[p]!++;
    i++;
  }
  log(
    `  ${count} creation instants, ${((100 * inOffice) / count).toFixed(1)} % in office hours; ` +
      `P1–P4 ${Object.values(byPriority)
        .map((n) => ((100 * n) / count).toFixed(1))
        .join(' / ')} %`,
  );
  // Warm-up: JIT and the calendar's day blocks over the two years.
  let check = 0;
  for (let i = 0; i < Math.min(count, 20_000); i++) {
    const at = new Date(created[i]!);
    check += deriveSla(inputs(at, priorities[i]!), 0.8, calendar, at).resolutionDueAt!.getTime() % 7;
  }
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const at = new Date(created[i]!);
    const d = deriveSla(inputs(at, priorities[i]!), 0.8, calendar, at);
    check += (d.responseDueAt!.getTime() + d.resolutionDueAt!.getTime()) % 7;
  }
  const seconds = (performance.now() - t0) / 1000;
  log(
    `  deriveSla at creation: ${count} tickets in ${seconds.toFixed(2)} s, ${((seconds * 1e6) / count).toFixed(2)} µs per ticket`,
  );
  // The same tickets a random 0–10 business days later (states, elapsed minutes: the sweep's work).
  const t1 = performance.now();
  for (let i = 0; i < count; i++) {
    const at = new Date(created[i]!);
    const now = new Date(created[i]! + ((i * 7919) % 14_400) * MINUTE_MS);
    const d = deriveSla(inputs(at, priorities[i]!), 0.8, calendar, now);
    check += d.slaState.length;
  }
  const laterSeconds = (performance.now() - t1) / 1000;
  log(
    `  deriveSla at a later now: ${laterSeconds.toFixed(2)} s, ${((laterSeconds * 1e6) / count).toFixed(2)} µs per ticket (checksum ${check % 1000})`,
  );
  return {
    tickets: count,
    seconds,
    microsPerTicket: (seconds * 1e6) / count,
    createdInOfficeHours: inOffice / count,
    byPriority,
    laterNow: { seconds: laterSeconds, microsPerTicket: (laterSeconds * 1e6) / count },
    calendarBuildMs,
  };
}

// ---------------------------------------------------------------- (b) on PostgreSQL

type TSweepRun = {
  label: string;
  now: string;
  dueBefore: number;
  checked: number;
  fired: number;
  recomputed: number;
  seconds: number;
  ticketsPerSecond: number;
  firedByKind: Record<string, number>;
  secondSweep: { checked: number; fired: number; seconds: number };
  loadBefore: number[];
  loadAfter: number[];
  plan: string[];
};

export type TDatabaseResult = {
  fillSeconds: number;
  openTickets: number;
  withNextCheck: number;
  states: Record<string, number>;
  runs: TSweepRun[];
  database: Record<string, string>;
};

const BATCH = 5000;

/** Organizations with a contract each, 47 agents and 3 managers (who hear of escalations). */
async function fillReferences(pool: pg.Pool, organizations: number): Promise<void> {
  await pool.query(
    `INSERT INTO organizations (name, code, created_at, updated_at)
     SELECT 'SLA 고객사 ' || g, 'SL' || lpad(g::text, 4, '0'), now() - interval '3 years', now() - interval '3 years'
     FROM generate_series(1, $1::int) g`,
    [organizations],
  );
  await pool.query(
    `INSERT INTO contracts (organization_id, name, starts_on, ends_on, services)
     SELECT id, '운영 계약', current_date - 365, current_date + 365, ARRAY['support'] FROM organizations`,
  );
  await pool.query(
    `INSERT INTO users (email, name, role)
     SELECT 'sla-agent' || g || '@bench.hamkke.test', '상담원 ' || g, CASE WHEN g > 47 THEN 'manager' ELSE 'agent' END
     FROM generate_series(1, 50) g`,
  );
}

/**
 * A million open tickets with their SLA columns as the server stores them at `fillAt`: ages drawn
 * uniformly up to 1.05 × the resolution target (business minutes), so ~20 % are at risk and ~5 %
 * breached; the first response given at 30–110 % of its target when that moment has passed;
 * 5 % waiting for the customer (paused). Every column is `deriveSla`'s at `fillAt`.
 */
async function fillTickets(
  pool: pg.Pool,
  calendar: TCalendar,
  revision: number,
  policy: { id: string; atRiskRatio: number },
  fillAt: Date,
  o: TSlaOptions,
): Promise<number> {
  const orgs = (
    await pool.query<{ id: string; contract: string }>(
      'SELECT o.id, c.id AS contract FROM organizations o JOIN contracts c ON c.organization_id = o.id ORDER BY o.code',
    )
  ).rows;
  const agents = (await pool.query<{ id: string }>(`SELECT id FROM users WHERE role = 'agent'`)).rows.map(
    (r) => r.id,
  );
  const random = rng(7_777);
  const origin = new Date(fillAt.getTime() - 800 * DAY_MS);
  const fillBusiness = businessMinutesBetween(origin, fillAt, calendar);
  const t0 = performance.now();
  for (let from = 0; from < o.tickets; from += BATCH) {
    const n = Math.min(BATCH, o.tickets - from);
    const cols: unknown[][] = Array.from({ length: 29 }, () => new Array(n));
    for (let k = 0; k < n; k++) {
      const i = from + k;
      const priority = drawPriority(random);
      const target = STANDARD_SLA_TARGETS[priority];
      const age = random() * 1.05 * target.resolution;
      const createdAt = addBusinessMinutes(origin, fillBusiness - age, calendar);
      const respondAfter = target.firstResponse * (0.3 + 0.8 * random());
      const firstResponseAt =
        respondAfter < age ? addBusinessMinutes(createdAt, respondAfter, calendar) : null;
      const paused = random() < 0.05;
      const pausedSince = paused ? addBusinessMinutes(createdAt, age * 0.9, calendar) : null;
      const status = paused ? 'waiting_customer' : firstResponseAt ? 'in_progress' : 'open';
      const d = deriveSla(
        inputs(createdAt, priority, { status, firstResponseAt, slaPausedSince: pausedSince }),
        policy.atRiskRatio,
        calendar,
        fillAt,
      );
      const org = orgs[Math.floor(random() * orgs.length)]!;
      const updatedAt = [createdAt, firstResponseAt, pausedSince].reduce<Date>(
        (a, b) => (b && b > a ? b : a),
        createdAt,
      );
      const row = [
        `SLA-${String(i + 1).padStart(7, '0')}`,
        org.id,
        org.contract,
        priority === 'P1' ? 'incident' : 'inquiry',
        `SLA 벤치 티켓 ${i + 1}`,
        status,
        priority,
        random() < 0.03 ? null : agents[Math.floor(random() * agents.length)]!,
        createdAt,
        updatedAt,
        policy.id,
        calendar.key,
        revision,
        target.firstResponse,
        target.resolution,
        pausedSince,
        firstResponseAt,
        d.responseDueAt,
        d.responseAtRiskAt,
        d.responseState,
        d.resolutionDueAt,
        d.resolutionAtRiskAt,
        d.resolutionState,
        d.slaState,
        d.slaNextCheckAt,
        'medium',
        'medium',
        'portal',
        '',
      ];
      for (let c = 0; c < row.length; c++) cols[c]![k] = row[c];
    }
    await pool.query(
      `INSERT INTO tickets (number, organization_id, contract_id, type, title, status, priority, assignee_id,
         created_at, updated_at, sla_policy_id, sla_calendar_key, sla_calendar_revision, response_target_min,
         resolution_target_min, sla_paused_since, first_response_at, response_due_at, response_at_risk_at,
         response_state, resolution_due_at, resolution_at_risk_at, resolution_state, sla_state, sla_next_check_at,
         impact, urgency, channel, description)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::uuid[], $9::timestamptz[], $10::timestamptz[], $11::uuid[], $12::text[], $13::int[], $14::int[],
         $15::int[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[], $20::text[],
         $21::timestamptz[], $22::timestamptz[], $23::text[], $24::text[], $25::timestamptz[], $26::text[],
         $27::text[], $28::text[], $29::text[])`,
      cols,
    );
    if ((from / BATCH) % 40 === 39)
      o.log(`    ${from + n} tickets, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  return (performance.now() - t0) / 1000;
}

/** The sweep's SELECT, as drizzle builds it in sweepDue, under EXPLAIN (ANALYZE, BUFFERS), rolled back. */
async function explainSweep(pool: pg.Pool, db: TDb, now: Date): Promise<string[]> {
  const built = db
    .select()
    .from(tickets)
    .where(lte(tickets.slaNextCheckAt, now))
    .orderBy(asc(tickets.slaNextCheckAt))
    .limit(500)
    .for('update', { skipLocked: true })
    .toSQL();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${built.sql}`,
      built.params,
    );
    await client.query('ROLLBACK');
    return r.rows.map((row) => row['QUERY PLAN']);
  } finally {
    client.release();
  }
}

async function count(pool: pg.Pool, text: string, values: unknown[] = []): Promise<number> {
  return (await pool.query<{ n: number }>(text, values)).rows[0]?.n ?? 0;
}

/** The instant by which exactly `k` more next checks after `after` have come (k ≥ 1). */
async function instantOfKth(pool: pg.Pool, after: Date, k: number): Promise<Date> {
  const r = await pool.query<{ at: Date }>(
    `SELECT sla_next_check_at AS at FROM tickets WHERE sla_next_check_at > $1
     ORDER BY sla_next_check_at OFFSET $2 LIMIT 1`,
    [after, k - 1],
  );
  const at = r.rows[0]?.at;
  if (!at) throw new Error(`fewer than ${k} next checks after ${after.toISOString()}`);
  return at;
}

async function sweepRun(
  pool: pg.Pool,
  db: TDb,
  label: string,
  now: Date,
  log: (line: string) => void,
): Promise<TSweepRun> {
  const dueBefore = await count(
    pool,
    'SELECT count(*)::int AS n FROM tickets WHERE sla_next_check_at <= $1',
    [now],
  );
  const plan = await explainSweep(pool, db, now);
  log(`  ${label}: now ${now.toISOString()}, ${dueBefore} tickets due; the sweep's SELECT:`);
  for (const line of plan) log(`    ${line}`);
  const firedBefore = await pool.query<{ kind: string; clock: string; n: number }>(
    'SELECT kind, clock, count(*)::int AS n FROM sla_escalations GROUP BY 1, 2',
  );
  const loadBefore = os.loadavg();
  const t0 = performance.now();
  const result = await sweepSla(now);
  const seconds = (performance.now() - t0) / 1000;
  const loadAfter = os.loadavg();
  const firedAfter = await pool.query<{ kind: string; clock: string; n: number }>(
    'SELECT kind, clock, count(*)::int AS n FROM sla_escalations GROUP BY 1, 2',
  );
  const firedByKind: Record<string, number> = {};
  for (const r of firedAfter.rows) {
    const before = firedBefore.rows.find((b) => b.kind === r.kind && b.clock === r.clock)?.n ?? 0;
    firedByKind[`${r.clock} ${r.kind}`] = r.n - before;
  }
  log(
    `  ${label}: checked ${result.checked}, fired ${result.fired}, recomputed ${result.recomputed} in ` +
      `${seconds.toFixed(1)} s = ${(result.checked / seconds).toFixed(0)} tickets/s; ${JSON.stringify(firedByKind)}; ` +
      `load ${loadBefore.map((l) => l.toFixed(1)).join(' ')} → ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`,
  );
  const t1 = performance.now();
  const again = await sweepSla(now);
  const againSeconds = (performance.now() - t1) / 1000;
  log(
    `  ${label}, second sweep at the same now: checked ${again.checked}, fired ${again.fired} in ${againSeconds.toFixed(3)} s`,
  );
  return {
    label,
    now: now.toISOString(),
    dueBefore,
    checked: result.checked,
    fired: result.fired,
    recomputed: result.recomputed,
    seconds,
    ticketsPerSecond: result.checked / seconds,
    firedByKind,
    secondSweep: { checked: again.checked, fired: again.fired, seconds: againSeconds },
    loadBefore,
    loadAfter,
    plan,
  };
}

/** Migrates the empty database at `url`, fills it, sweeps twice at two moments, reports. */
export async function runOnDatabase(url: string, o: TSlaOptions): Promise<TDatabaseResult> {
  const { pool, db } = connect(url, 4);
  // An idle connection closed by the server (a shutdown, a terminated backend) must not crash the run.
  pool.on('error', (error) => o.log(`  pool: ${error.message}`));
  useDatabase(db);
  try {
    await migrateDatabase(pool);
    if ((await count(pool, 'SELECT count(*)::int AS n FROM tickets')) > 0)
      throw new Error('The database already holds tickets; use a fresh one');
    const calendars = await loadCalendars(db);
    const kr = calendars.get('kr-standard');
    if (!kr) throw new Error('kr-standard is not seeded');
    const seeded = krStandardAsSeeded();
    if (kr.calendar.holidays.join() !== seeded.holidays.join())
      o.log('  note: the loaded kr-standard holidays differ from the seeded rules');
    const policy = (
      await pool.query<{ id: string; atRiskRatio: number }>(
        'SELECT id, at_risk_ratio AS "atRiskRatio" FROM sla_policies WHERE is_default',
      )
    ).rows[0];
    if (!policy) throw new Error('no default SLA policy');
    await fillReferences(pool, o.organizations);
    const fillAt = lastWorkingAfternoon(Date.now(), kr.calendar);
    o.log(`  filling ${o.tickets} open tickets, SLA columns as of ${fillAt.toISOString()}`);
    const fillSeconds = await fillTickets(pool, kr.calendar, kr.revision, policy, fillAt, o);
    o.log(`  filled in ${fillSeconds.toFixed(0)} s; VACUUM (ANALYZE)`);
    await pool.query('VACUUM (ANALYZE) tickets');
    const states = Object.fromEntries(
      (
        await pool.query<{ s: string; n: number }>(
          'SELECT sla_state AS s, count(*)::int AS n FROM tickets GROUP BY 1 ORDER BY 1',
        )
      ).rows.map((r) => [r.s, r.n]),
    );
    const openTickets = await count(
      pool,
      `SELECT count(*)::int AS n FROM tickets WHERE status NOT IN ('resolved','closed','cancelled')`,
    );
    const withNextCheck = await count(
      pool,
      'SELECT count(*)::int AS n FROM tickets WHERE sla_next_check_at IS NOT NULL',
    );
    o.log(`  ${openTickets} open, ${withNextCheck} with a next check; states ${JSON.stringify(states)}`);
    const runs: TSweepRun[] = [];
    const first = await instantOfKth(pool, fillAt, Math.round(o.dueShare * o.tickets));
    runs.push(await sweepRun(pool, db, `${(o.dueShare * 100).toFixed(1)} % due`, first, o.log));
    // The downtime run: as many more as fit the time cap at the first run's rate.
    const rate = runs[0]!.ticketsPerSecond;
    let k = Math.round(o.downtimeShare * o.tickets);
    if (k / rate > o.sweepSeconds) {
      const fits = Math.max(1, Math.floor(rate * o.sweepSeconds));
      o.log(`  the ${k}-ticket downtime sweep would take ~${(k / rate).toFixed(0)} s: shrunk to ${fits}`);
      k = fits;
    }
    const second = await instantOfKth(pool, first, k);
    runs.push(
      await sweepRun(pool, db, `downtime: ${((k / o.tickets) * 100).toFixed(1)} % due`, second, o.log),
    );
    const database = Object.fromEntries(
      await Promise.all(
        ['server_version', 'shared_buffers', 'synchronous_commit'].map(async (name) => {
          const r = await pool.query<Record<string, string>>(`SHOW ${name}`);
          return [name, Object.values(r.rows[0] ?? {})[0] ?? ''] as const;
        }),
      ),
    );
    database.database_size = (
      await pool.query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')
    ).rows[0]!.s;
    return { fillSeconds, openTickets, withNextCheck, states, runs, database };
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------- the suite

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export const SLA_DB = 'hamkke_bench_sla';

/** The whole SLA suite on one target; the database / data directory is removed at the end. */
export async function runSlaTarget(
  target: 'server' | 'embedded',
  env: { adminUrl: string; dataDir: string },
  o: TSlaOptions,
): Promise<TDatabaseResult> {
  if (target === 'server') {
    const parsed = new URL(env.adminUrl);
    parsed.pathname = `/${SLA_DB}`;
    await adminQuery(env.adminUrl, `DROP DATABASE IF EXISTS ${SLA_DB} WITH (FORCE)`);
    await adminQuery(
      env.adminUrl,
      `CREATE DATABASE ${SLA_DB} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    try {
      return await runOnDatabase(parsed.toString(), o);
    } finally {
      await adminQuery(env.adminUrl, `DROP DATABASE IF EXISTS ${SLA_DB} WITH (FORCE)`);
    }
  }
  const dataDir = `${env.dataDir}-sla`;
  await fs.rm(dataDir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(dataDir, 'hamkke', pino({ level: 'warn' }));
  try {
    return await runOnDatabase(embedded.url, o);
  } finally {
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
