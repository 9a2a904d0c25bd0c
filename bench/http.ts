/**
 * Measures a running Hamkke server from this (second) process over HTTP on 127.0.0.1, and the same
 * work as bare SQL through `pg` from this process (the ceiling).
 *
 *   (a) latency p50/p95/p99 with one client: ticket lists with filters following nextCursor,
 *       ticket by number, ticket create;
 *   (b) requests per second at 32 concurrent clients: create and list;
 *   (c) the same work as bare SQL at 32 concurrent connections, and the ratio HTTP / SQL.
 *
 * Each measurement is bounded by a request count and a time cap.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import { connect } from '../packages/server/src/db/database.js';
import { tickets } from '../packages/server/src/db/schema.js';
import { createRandom } from '../packages/server/src/demo/demo-random.js';
import { selectTicketView } from '../packages/server/src/tickets/ticket-view.js';
import { BENCH_AGENT_EMAIL, BENCH_AGENT_PASSWORD, BENCH_ORG_PREFIX } from './generate.js';

export type TStats = {
  name: string;
  count: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
};

export type TBenchLimits = {
  /** Requests per sequential measurement (after warm-up). */
  sequentialRequests: number;
  /** Time cap of every measurement, in seconds. */
  seconds: number;
  /** Requests cap of every concurrent measurement. */
  concurrentRequests: number;
  concurrency: number;
  /** Pages followed by nextCursor in a list walk. */
  pages: number;
};

export const DEFAULT_LIMITS: TBenchLimits = {
  sequentialRequests: 400,
  seconds: 12,
  concurrentRequests: 20_000,
  concurrency: 32,
  pages: 5,
};

export type THttpResults = {
  sequential: TStats[];
  concurrent: TStats[];
  ceiling: TStats[];
  /** The bare SQL with one connection: the latency floor the HTTP figures of (a) compare with. */
  sequentialSql: TStats[];
  ratios: { name: string; http: number; sql: number; ratio: number }[];
};

// ---------------------------------------------------------------- statistics

function stats(name: string, samples: number[], errors: number, seconds: number): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    name,
    count: sorted.length,
    errors,
    seconds,
    rps: sorted.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: sum / Math.max(1, sorted.length),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');

export function formatStats(s: TStats): string {
  return `${s.name.padEnd(34)} n=${String(s.count).padStart(6)} err=${String(s.errors).padStart(3)}  p50 ${fmt(s.p50).padStart(7)}  p95 ${fmt(s.p95).padStart(7)}  p99 ${fmt(s.p99).padStart(7)}  max ${fmt(s.max).padStart(7)} ms  ${s.rps.toFixed(0).padStart(6)} req/s`;
}

/**
 * Runs `op` from `concurrency` workers until `maxRequests` are done or `seconds` have passed.
 * `op` returns false for a failed request; its time is not counted as a sample.
 */
async function measure(
  name: string,
  concurrency: number,
  maxRequests: number,
  seconds: number,
  op: (worker: number) => Promise<boolean>,
): Promise<TStats> {
  const samples: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const worker = async (w: number) => {
    while (started < maxRequests && performance.now() < deadline) {
      started++;
      const s = performance.now();
      let ok = false;
      try {
        ok = await op(w);
      } catch (error) {
        if (errors === 0)
          console.error(`  ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (ok) samples.push(performance.now() - s);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return stats(name, samples, errors, (performance.now() - t0) / 1000);
}

// ---------------------------------------------------------------- HTTP client

type TResponse = { status: number; body: string; headers: http.IncomingHttpHeaders };

class Client {
  private readonly agent: http.Agent;
  cookie = '';

  constructor(
    private readonly host: string,
    private readonly port: number,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, body?: unknown): Promise<TResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              headers: res.headers,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  async login(email: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
    const setCookie = res.headers['set-cookie']?.find((c) => c.startsWith('hamkke_session='));
    if (!setCookie) throw new Error('login gave no session cookie');
    this.cookie = setCookie.split(';')[0]!;
  }

  close(): void {
    this.agent.destroy();
  }
}

// ---------------------------------------------------------------- the server process

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type TServerProcess = {
  port: number;
  child: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
};

/** Starts `node packages/server/dist/main.js` with `env` and waits until /readyz answers. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<TServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['packages/server/dist/main.js'], {
    // No web app: only the API is measured (and see bench/README.md on the not-found handler).
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HAMKKE_WEB_DIST: '/nonexistent-hamkke-web-dist',
      // The generated tickets have no search documents; filling a million of them in the background
      // would compete with every measurement.
      HAMKKE_SEARCH_BACKFILL: 'false',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const probe = new Client('127.0.0.1', port, 1);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${output}`);
      const ok = await probe
        .request('GET', '/readyz')
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the server did not become ready: ${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    probe.close();
  }
  return { port, child, stop, output: () => output };
}

// ---------------------------------------------------------------- the workload

type TOrg = { id: string; code: string; systemId: string | null; tickets: number };
type TListQuery = { label: string; status?: string[]; organizationId?: string };
type TFixture = { orgs: TOrg[]; numbers: string[]; agentId: string };

async function loadFixture(pool: pg.Pool): Promise<TFixture> {
  const orgs = await pool.query<TOrg>(
    `SELECT o.id, o.code, s.id AS "systemId", o.ticket_seq AS tickets
     FROM organizations o
     LEFT JOIN systems s ON s.organization_id = o.id AND s.tier = 'PRD'
     WHERE o.code LIKE $1 ORDER BY o.code`,
    [`${BENCH_ORG_PREFIX}%`],
  );
  const numbers = await pool.query<{ number: string }>(
    'SELECT number FROM tickets TABLESAMPLE SYSTEM (1) LIMIT 5000',
  );
  const agent = await pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
    BENCH_AGENT_EMAIL,
  ]);
  if (orgs.rows.length === 0 || numbers.rows.length === 0 || !agent.rows[0])
    throw new Error('The database holds no bench data: run bench/generate.ts first');
  return { orgs: orgs.rows, numbers: numbers.rows.map((r) => r.number), agentId: agent.rows[0].id };
}

/** A deterministic pseudo-random sequence: the demo's seeded generator (mulberry32). */
const rng = (seed: number): (() => number) => createRandom(seed).next;

const OPEN_STATUSES = ['new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor'];

/** The list queries measured; an organization is drawn per walk. */
function listQueries(orgs: TOrg[], random: () => number): Record<string, () => TListQuery> {
  const org = () => orgs[Math.floor(random() * orgs.length)]!;
  return {
    'list status=open': () => ({ label: 'status', status: ['open'] }),
    'list org+status=open': () => ({ label: 'org+status', status: ['open'], organizationId: org().id }),
    'list org+open statuses': () => ({ label: 'org+open', status: OPEN_STATUSES, organizationId: org().id }),
    'list org': () => ({ label: 'org', organizationId: org().id }),
  };
}

function listPath(q: TListQuery, cursor: string | null): string {
  const params = new URLSearchParams({ limit: '50' });
  if (q.status) params.set('status', q.status.join(','));
  if (q.organizationId) params.set('organizationId', q.organizationId);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/tickets?${params.toString()}`;
}

type TPager = { next: () => Promise<boolean> };

/** Walks a list query page by page (up to `pages`), then starts a new walk with a fresh query. */
function httpPager(client: Client, make: () => TListQuery, pages: number): TPager {
  let query = make();
  let cursor: string | null = null;
  let page = 0;
  return {
    next: async () => {
      const res = await client.request('GET', listPath(query, cursor));
      if (res.status !== 200) return false;
      const body = JSON.parse(res.body) as { nextCursor: string | null };
      cursor = body.nextCursor;
      page++;
      if (!cursor || page >= pages) {
        query = make();
        cursor = null;
        page = 0;
      }
      return true;
    },
  };
}

/** The SELECT listTickets issues (built with the server's own query builder), run through `pg`. */
function sqlPager(
  pool: pg.Pool,
  db: ReturnType<typeof connect>['db'],
  make: () => TListQuery,
  pages: number,
) {
  let query = make();
  let cursor: { createdAt: string; id: string } | null = null;
  let page = 0;
  const limit = 50;
  return {
    next: async () => {
      const conditions: (SQL | undefined)[] = [];
      if (query.status) conditions.push(inArray(tickets.status, query.status));
      if (query.organizationId) conditions.push(eq(tickets.organizationId, query.organizationId));
      if (cursor)
        conditions.push(sql`(${tickets.createdAt}, ${tickets.id}) < (${cursor.createdAt}, ${cursor.id})`);
      const built = selectTicketView(db)
        .where(and(...conditions))
        .orderBy(desc(tickets.createdAt), desc(tickets.id))
        .limit(limit + 1)
        .toSQL();
      const result = await pool.query({ text: built.sql, values: built.params, rowMode: 'array' });
      const rows = result.rows as unknown[][];
      // Column 0 is tickets.id; created_at is found by name in the fields.
      const createdIndex = result.fields.findIndex((f) => f.name === 'created_at');
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      cursor = last ? { createdAt: (last[createdIndex] as Date).toISOString(), id: String(last[0]) } : null;
      page++;
      if (!cursor || page >= pages) {
        query = make();
        cursor = null;
        page = 0;
      }
      return true;
    },
  };
}

function createBody(org: TOrg, n: number) {
  return {
    organizationId: org.id,
    systemId: org.systemId ?? undefined,
    type: n % 5 === 0 ? 'incident' : 'inquiry',
    module: ['FI', 'SD', 'MM', 'CO', 'BC'][n % 5],
    title: `벤치마크 문의 ${n}`,
    description: '성능 측정용 티켓입니다. 재현 절차와 화면 캡처를 첨부합니다.',
    impact: 'medium',
    urgency: n % 3 === 0 ? 'high' : 'medium',
  };
}

/** One statement, one round trip: the ticket number, the ticket and its `created` event. */
const CREATE_SQL = `
WITH o AS (
  UPDATE organizations SET ticket_seq = ticket_seq + 1 WHERE id = $1 RETURNING code, ticket_seq
), t AS (
  INSERT INTO tickets (number, organization_id, system_id, module, type, title, description, impact, urgency,
                       priority, channel)
  SELECT o.code || '-' || lpad(o.ticket_seq::text, 6, '0'), $1, $2, $3, $4, $5, $6, 'medium', $7, $8, 'internal'
  FROM o RETURNING id
)
INSERT INTO ticket_events (ticket_id, actor_id, kind, visibility)
SELECT id, $9, 'created', 'public' FROM t RETURNING ticket_id`;

function createSql(pool: pg.Pool, org: TOrg, n: number, agentId: string): Promise<pg.QueryResult> {
  const body = createBody(org, n);
  return pool.query(CREATE_SQL, [
    org.id,
    org.systemId,
    body.module,
    body.type,
    body.title,
    body.description,
    body.urgency,
    body.urgency === 'high' ? 'P2' : 'P3',
    agentId,
  ]);
}

// ---------------------------------------------------------------- the benchmark

/**
 * Runs the measurements against the server at `port`, with `databaseUrl` for the fixture and the
 * SQL ceiling. Prints each figure as it is measured.
 */
export async function runHttpBench(
  port: number,
  databaseUrl: string,
  limits: TBenchLimits = DEFAULT_LIMITS,
  log: (line: string) => void = (line) => console.log(line),
): Promise<THttpResults> {
  const { pool: fixturePool } = connect(databaseUrl, 2);
  const fixture = await loadFixture(fixturePool).finally(() => fixturePool.end());
  const random = rng(20_240_601);
  const pickOrg = () => fixture.orgs[Math.floor(random() * fixture.orgs.length)]!;
  const queries = listQueries(fixture.orgs, random);
  const client = new Client('127.0.0.1', port, limits.concurrency * 2);
  await client.login(BENCH_AGENT_EMAIL, BENCH_AGENT_PASSWORD);
  let created = 0;
  const httpCreate = async () => {
    const res = await client.request('POST', '/api/v1/tickets', createBody(pickOrg(), created++));
    return res.status === 201;
  };
  const httpGet = async () => {
    const number = fixture.numbers[Math.floor(random() * fixture.numbers.length)]!;
    const res = await client.request('GET', `/api/v1/tickets/${number}`);
    return res.status === 200;
  };
  const results: THttpResults = {
    sequential: [],
    concurrent: [],
    ceiling: [],
    sequentialSql: [],
    ratios: [],
  };
  const record = (bucket: TStats[], s: TStats) => {
    bucket.push(s);
    log(`  ${formatStats(s)}`);
  };

  try {
    // Warm-up: the first requests pay for JIT, connections and cold pages.
    log('  warm-up…');
    for (const make of Object.values(queries)) {
      const pager = httpPager(client, make, limits.pages);
      for (let i = 0; i < 30; i++) await pager.next();
    }
    for (let i = 0; i < 50; i++) await httpGet();
    for (let i = 0; i < 30; i++) await httpCreate();

    log('  (a) one client, latency in ms');
    for (const [name, make] of Object.entries(queries)) {
      const pager = httpPager(client, make, limits.pages);
      record(
        results.sequential,
        await measure(
          `${name} (${limits.pages} pages)`,
          1,
          limits.sequentialRequests,
          limits.seconds,
          pager.next,
        ),
      );
    }
    record(
      results.sequential,
      await measure('get by number', 1, limits.sequentialRequests, limits.seconds, httpGet),
    );
    record(
      results.sequential,
      await measure('create', 1, limits.sequentialRequests, limits.seconds, httpCreate),
    );

    log(`  (b) ${limits.concurrency} clients over HTTP`);
    const listMix = () => {
      const makers = Object.values(queries);
      return makers[Math.floor(random() * makers.length)]!();
    };
    const httpPagers = Array.from({ length: limits.concurrency }, () =>
      httpPager(client, listMix, limits.pages),
    );
    const httpList = await measure(
      'list (mix, cursor)',
      limits.concurrency,
      limits.concurrentRequests,
      limits.seconds,
      (w) => httpPagers[w]!.next(),
    );
    record(results.concurrent, httpList);
    const httpCreateC = await measure(
      'create',
      limits.concurrency,
      limits.concurrentRequests,
      limits.seconds,
      httpCreate,
    );
    record(results.concurrent, httpCreateC);
    const httpGetC = await measure(
      'get by number',
      limits.concurrency,
      limits.concurrentRequests,
      limits.seconds,
      httpGet,
    );
    record(results.concurrent, httpGetC);

    log(`  (c) the same work as bare SQL through pg, ${limits.concurrency} connections`);
    const { pool, db } = connect(databaseUrl, limits.concurrency);
    try {
      await Promise.all(Array.from({ length: limits.concurrency }, () => pool.query('SELECT 1')));
      const sqlPagers = Array.from({ length: limits.concurrency }, () =>
        sqlPager(pool, db, listMix, limits.pages),
      );
      const sqlList = await measure(
        'list (mix, cursor)',
        limits.concurrency,
        limits.concurrentRequests,
        limits.seconds,
        (w) => sqlPagers[w]!.next(),
      );
      record(results.ceiling, sqlList);
      const sqlCreate = await measure(
        'create',
        limits.concurrency,
        limits.concurrentRequests,
        limits.seconds,
        async () => (await createSql(pool, pickOrg(), created++, fixture.agentId)).rowCount === 1,
      );
      record(results.ceiling, sqlCreate);
      const getSql = selectTicketView(db).where(eq(tickets.number, 'X')).toSQL().sql;
      const sqlGet = await measure(
        'get by number',
        limits.concurrency,
        limits.concurrentRequests,
        limits.seconds,
        async () => {
          const number = fixture.numbers[Math.floor(random() * fixture.numbers.length)]!;
          return (await pool.query(getSql, [number])).rowCount === 1;
        },
      );
      record(results.ceiling, sqlGet);
      log('  (d) bare SQL through pg, one connection, latency in ms');
      const seqPager = sqlPager(pool, db, listMix, limits.pages);
      record(
        results.sequentialSql,
        await measure('list (mix, cursor)', 1, limits.sequentialRequests, limits.seconds, seqPager.next),
      );
      record(
        results.sequentialSql,
        await measure('get by number', 1, limits.sequentialRequests, limits.seconds, async () => {
          const number = fixture.numbers[Math.floor(random() * fixture.numbers.length)]!;
          return (await pool.query(getSql, [number])).rowCount === 1;
        }),
      );
      record(
        results.sequentialSql,
        await measure(
          'create',
          1,
          limits.sequentialRequests,
          limits.seconds,
          async () => (await createSql(pool, pickOrg(), created++, fixture.agentId)).rowCount === 1,
        ),
      );
      for (const [h, s] of [
        [httpList, sqlList],
        [httpCreateC, sqlCreate],
        [httpGetC, sqlGet],
      ] as const) {
        results.ratios.push({ name: h.name, http: h.rps, sql: s.rps, ratio: h.rps / s.rps });
        log(`  ratio ${h.name.padEnd(22)} HTTP/SQL = ${(h.rps / s.rps).toFixed(2)}`);
      }
    } finally {
      await pool.end();
    }
  } finally {
    client.close();
  }
  return results;
}

/** The port of the embedded PostgreSQL running on `dataDir` (from its postmaster.pid). */
export async function embeddedUrl(dataDir: string, database = 'hamkke'): Promise<string> {
  const fs = await import('node:fs/promises');
  const pid = await fs.readFile(`${dataDir}/pg/postmaster.pid`, 'utf8');
  const port = pid.split('\n')[3]?.trim();
  if (!port) throw new Error(`no port in ${dataDir}/pg/postmaster.pid`);
  return `postgres://hamkke:hamkke@127.0.0.1:${port}/${database}`;
}
