/**
 * The benchmark entry: generates the data set, starts a Hamkke server process on it, measures it
 * from this process over HTTP and as bare SQL, writes the figures to bench/results/, cleans up.
 *
 *   npm run bench -- --target=server|embedded|both --tickets=1000000
 *   npm run bench -- --suite=sla --target=server|embedded|both --tickets=1000000   (see sla.ts)
 *
 * Options: --organizations=N, --seconds=N (time cap per measurement), --requests=N (requests per
 * sequential measurement), --no-build, --keep (leave the database / data directory in place),
 * --reuse (skip generation: measure the database / data directory kept by an earlier --keep).
 * Environment: HAMKKE_BENCH_ADMIN_URL (PostgreSQL server, default postgres://postgres@127.0.0.1:5432/postgres),
 * HAMKKE_BENCH_DATA_DIR (embedded target, default /tmp/hamkke-bench-embedded).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import pg from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres } from '../packages/server/src/db/embedded.js';
import { DEFAULT_GENERATE, generate, type TGenerateResult } from './generate.js';
import {
  DEFAULT_LIMITS,
  embeddedUrl,
  runHttpBench,
  startServer,
  type THttpResults,
  type TServerProcess,
} from './http.js';
import { DEFAULT_SLA, runInProcess, runSlaTarget, type TSlaOptions } from './sla.js';

type TTarget = 'server' | 'embedded';

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
const flag = (name: string) => process.argv.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const value = arg(name);
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};

const targetArg = arg('target') ?? process.env.HAMKKE_BENCH_TARGET ?? 'server';
if (!['server', 'embedded', 'both'].includes(targetArg))
  throw new Error('--target is server, embedded or both');
const targets: TTarget[] = targetArg === 'both' ? ['server', 'embedded'] : [targetArg as TTarget];
const ticketCount = num('tickets', DEFAULT_GENERATE.tickets);
const organizationCount = num('organizations', DEFAULT_GENERATE.organizations);
const limits = {
  ...DEFAULT_LIMITS,
  seconds: num('seconds', DEFAULT_LIMITS.seconds),
  sequentialRequests: num('requests', DEFAULT_LIMITS.sequentialRequests),
};
const suite = arg('suite') ?? 'http';
if (!['http', 'sla'].includes(suite)) throw new Error('--suite is http or sla');
const keep = flag('keep');
const reuse = flag('reuse');
const adminUrl = process.env.HAMKKE_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dataDir = process.env.HAMKKE_BENCH_DATA_DIR ?? '/tmp/hamkke-bench-embedded';
const BENCH_DB = 'hamkke_bench';
const ADMIN_EMAIL = 'bench-admin@bench.hamkke.test';

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const next = cleanups.pop()!;
    await next().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function settings(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = [
      'server_version',
      'shared_buffers',
      'work_mem',
      'effective_cache_size',
      'synchronous_commit',
      'fsync',
      'max_connections',
    ];
    const out: Record<string, string> = {};
    for (const name of names) {
      const r = await client.query<Record<string, string>>(`SHOW ${name}`);
      out[name] = Object.values(r.rows[0] ?? {})[0] ?? '';
    }
    const size = await client.query<{ size: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    out.database_size = size.rows[0]?.size ?? '';
    return out;
  } finally {
    await client.end();
  }
}

async function runTarget(target: TTarget): Promise<{
  generation: TGenerateResult | null;
  http: THttpResults;
  database: Record<string, string>;
}> {
  const logger = pino({ level: 'warn' });
  let generation: TGenerateResult | null = null;
  let server: TServerProcess;
  let url: string;
  const options = { ...DEFAULT_GENERATE, tickets: ticketCount, organizations: organizationCount };
  const serverEnv = { HAMKKE_ADMIN_EMAIL: ADMIN_EMAIL, HAMKKE_ADMIN_PASSWORD: 'bench-admin-password-2024' };

  if (target === 'server') {
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${BENCH_DB}`;
    url = parsed.toString();
    if (!reuse) {
      await adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await adminQuery(
        `CREATE DATABASE ${BENCH_DB} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
      );
    }
    if (!keep) cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`));
    if (!reuse) {
      console.log(`generating ${ticketCount} tickets into ${BENCH_DB} on the PostgreSQL server`);
      generation = await generate(url, options);
    }
    server = await startServer({ ...serverEnv, DATABASE_URL: url });
  } else {
    if (!reuse) await fs.rm(dataDir, { recursive: true, force: true });
    if (!keep) cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    if (!reuse) {
      console.log(`generating ${ticketCount} tickets into the embedded PostgreSQL in ${dataDir}`);
      const embedded = await startEmbeddedPostgres(dataDir, 'hamkke', logger);
      try {
        generation = await generate(embedded.url, options);
      } finally {
        await embedded.stop();
      }
    }
    // No DATABASE_URL: the server starts the embedded PostgreSQL on the data directory itself.
    server = await startServer({ ...serverEnv, DATABASE_URL: '', HAMKKE_DATA_DIR: dataDir });
    url = await embeddedUrl(dataDir);
  }
  cleanups.push(server.stop);
  try {
    const database = await settings(url);
    console.log(`measuring the ${target} target (pid ${server.child.pid}, port ${server.port})`, database);
    const loadBefore = os.loadavg();
    const httpResults = await runHttpBench(server.port, url, limits);
    const loadAfter = os.loadavg();
    console.log(
      `load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`,
    );
    return {
      generation,
      http: httpResults,
      database: { ...database, loadBefore: loadBefore.join(' '), loadAfter: loadAfter.join(' ') },
    };
  } finally {
    await server.stop();
    cleanups.splice(cleanups.indexOf(server.stop), 1);
  }
}

function markdown(target: TTarget, r: THttpResults): string {
  const ms = (v: number) => v.toFixed(1);
  const lines = [
    `### ${target}`,
    '',
    '| one client | n | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.sequential.map((s) => `| ${s.name} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} |`),
    '',
    '| bare SQL, one connection | n | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.sequentialSql.map((s) => `| ${s.name} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} |`),
    '',
    '| 32 clients | HTTP req/s | HTTP p50 / p95 ms | SQL req/s | SQL p50 / p95 ms | HTTP / SQL |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.concurrent.map((h, i) => {
      const s = r.ceiling[i]!;
      return `| ${h.name} | ${h.rps.toFixed(0)} | ${ms(h.p50)} / ${ms(h.p95)} | ${s.rps.toFixed(0)} | ${ms(s.p50)} / ${ms(s.p95)} | ${(h.rps / s.rps).toFixed(2)} |`;
    }),
  ];
  return lines.join('\n');
}

/** The SLA suite: due times in process, then the sweep on each target's PostgreSQL (sla.ts). */
async function mainSla(report: Record<string, unknown>): Promise<void> {
  const share = (name: string, fallback: number) => {
    const value = num(name, fallback);
    if (value >= 1) throw new Error(`--${name} is a share below 1`);
    return value;
  };
  const options: TSlaOptions = {
    ...DEFAULT_SLA,
    tickets: ticketCount,
    organizations: organizationCount,
    dueShare: share('due-share', DEFAULT_SLA.dueShare),
    downtimeShare: share('downtime-share', DEFAULT_SLA.downtimeShare),
    sweepSeconds: num('sweep-seconds', DEFAULT_SLA.sweepSeconds),
    log: (line) => console.log(line),
  };
  report.sla = options;
  if (!flag('no-inprocess')) {
    console.log(`(a) SLA due times in process, ${ticketCount} tickets, one core`);
    report.inProcess = runInProcess(ticketCount, options.log);
  }
  if (flag('inprocess-only')) return;
  for (const target of targets) {
    console.log(`(b) the SLA sweep on the ${target} target`);
    report[target] = await runSlaTarget(target, { adminUrl, dataDir }, options);
  }
}

async function main(): Promise<void> {
  if (!flag('no-build')) {
    console.log('building core and server (tsc -b)');
    execFileSync('npx', ['tsc', '-b', 'packages/core', 'packages/server'], { stdio: 'inherit' });
  }
  const startedAt = new Date().toISOString();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg(),
    node: process.version,
  };
  const report: Record<string, unknown> = {
    startedAt,
    machine,
    tickets: ticketCount,
    organizations: organizationCount,
    limits,
  };
  const tables: string[] = [];
  if (suite === 'sla') await mainSla(report);
  for (const target of suite === 'sla' ? [] : targets) {
    const result = await runTarget(target);
    report[target] = result;
    tables.push(markdown(target, result.http));
  }
  await fs.mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(
    `./results/${suite === 'sla' ? 'sla-' : ''}${targetArg}-${startedAt.replace(/[:.]/g, '-')}.json`,
    import.meta.url,
  );
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  // Formatted as the repository's formatter wants it, so `npm run lint` stays clean after a run.
  try {
    execFileSync('npx', ['biome', 'format', '--write', file.pathname], { stdio: 'ignore' });
  } catch {
    // An unformatted result file is still a result.
  }
  console.log(`\n${tables.join('\n\n')}\n\nresults: ${file.pathname}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
