/**
 * Search benchmark on the PostgreSQL server: generates tickets (bench/generate.ts), gives them texts
 * as varied as the demo's (its ticket kinds with their placeholders filled, 5,000 variants), builds
 * their search documents, then measures in this process, without HTTP:
 *   (a) search latency p50/p95 of the judged queries (packages/server/src/search/relevance-set.ts)
 *       and a few one-word ones, as an agent over every organization and as a customer over one;
 *   (b) the index update cost per write: ticket create and comment with the search write, and without
 *       it (a trigger skips the ticket_search row), plus the tokenizing done in JavaScript.
 *
 *   node --import tsx bench/search.ts --tickets=1000000 --organizations=1000
 *   node --import tsx bench/search.ts --tickets=100000 --organizations=100 --seconds=60
 *
 * Options: --tickets, --organizations, --seconds (time cap of the latency runs), --writes (writes per
 * variant, default 200), --writes-only (skip the latency runs), --keep (leave the database), --reuse
 * (measure the database kept by --keep).
 * Environment: HAMKKE_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomInt } from 'node:crypto';
import { ZCreateComment, ZCreateTicket, ZSearchQuery } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import type { TActor } from '../packages/server/src/auth/actor.js';
import { db, useDatabase } from '../packages/server/src/db/current.js';
import { connect } from '../packages/server/src/db/database.js';
import { organizations, users } from '../packages/server/src/db/schema.js';
import { BUSINESS_TEMPLATES } from '../packages/server/src/demo/demo-templates-business.js';
import { OPERATIONS_TEMPLATES } from '../packages/server/src/demo/demo-templates-operations.js';
import { TECHNICAL_TEMPLATES } from '../packages/server/src/demo/demo-templates-technical.js';
import { backfillBatch, FIRST_ID } from '../packages/server/src/search/refresh-ticket-search.js';
import { JUDGED_QUERIES } from '../packages/server/src/search/relevance-set.js';
import { search } from '../packages/server/src/search/search-all.js';
import { ticketSearchVectors } from '../packages/server/src/search/ticket-search-document.js';
import { addComment } from '../packages/server/src/tickets/add-comment.js';
import { createTicket } from '../packages/server/src/tickets/create-ticket.js';
import { benchDatabase, flag, num } from './bench-database.js';
import { BENCH_AGENT_EMAIL, BENCH_ORG_PREFIX } from './generate.js';

const ticketCount = num('tickets', 100_000);
const organizationCount = num('organizations', Math.max(10, Math.round(ticketCount / 1000)));
const seconds = num('seconds', 60);
const writes = num('writes', 200);
const onlyWrites = flag('writes-only');
const database = benchDatabase('hamkke_bench_search');
const { url } = database;

const TEMPLATES = [...BUSINESS_TEMPLATES, ...OPERATIONS_TEMPLATES, ...TECHNICAL_TEMPLATES];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** One filled ticket text: a demo ticket kind with its placeholders drawn at random. */
function variant(): { title: string; description: string } {
  const t = TEMPLATES[randomInt(TEMPLATES.length)]!;
  const values: Record<string, string> = {
    bukrs: pad(1000 + randomInt(9000), 4),
    plant: `P${pad(randomInt(1000), 3)}`,
    vendor: pad(100000 + randomInt(900000), 7),
    customer: pad(200000 + randomInt(800000), 7),
    doc: pad(80000000 + randomInt(9999999), 10),
    po: `45${pad(randomInt(100000000), 8)}`,
    so: pad(randomInt(100000000), 10),
    material: `MAT-${pad(randomInt(100000), 6)}`,
    kostl: `CC${pad(randomInt(10000), 5)}`,
    tr: `BNDK9${pad(randomInt(100000), 5)}`,
    note: String(3000000 + randomInt(700000)),
    n: String(2 + randomInt(40)),
    month: `${1 + randomInt(12)}월`,
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  return { title: fill(t.title), description: fill(`${t.description}\n${t.cause}`) };
}

type TStats = { name: string; count: number; p50: number; p95: number; mean: number; max: number };
function stats(name: string, samples: number[]): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    name,
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
const show = (s: TStats) =>
  `${s.name.padEnd(44)} n=${String(s.count).padStart(5)}  p50 ${s.p50.toFixed(2).padStart(8)}  p95 ${s.p95.toFixed(2).padStart(8)}  mean ${s.mean.toFixed(2).padStart(8)}  max ${s.max.toFixed(1).padStart(8)} ms`;

async function timed(op: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await op();
  return performance.now() - t0;
}

async function prepare(pool: pg.Pool): Promise<void> {
  await database.createGenerated(ticketCount, organizationCount);

  const t0 = performance.now();
  const variants = Array.from({ length: 5000 }, variant);
  await pool.query(
    `UPDATE tickets t SET title = coalesce('[' || t.module || '] ', '') || v.title, description = v.description
     FROM (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS v(title, description, k)) v
     WHERE v.k = 1 + abs(hashtext(t.id::text)) % 5000`,
    [variants.map((v) => v.title), variants.map((v) => v.description)],
  );
  console.log(`  texts from the demo's ticket kinds  ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The search documents, as the server's background fill writes them: batches of 500, one transaction each.
  const t1 = performance.now();
  const fillDb = connect(url, 2);
  let after = FIRST_ID;
  let done = 0;
  for (;;) {
    const batch = await fillDb.db.transaction((tx) => backfillBatch(tx, after));
    if (batch.count === 0) break;
    done += batch.count;
    after = batch.lastId;
    if (done % 50_000 < 500)
      console.log(`  search documents ${done}  ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  }
  await fillDb.pool.end();
  const fill = (performance.now() - t1) / 1000;
  console.log(
    `  search documents for ${done} tickets in ${fill.toFixed(1)} s (${(done / fill).toFixed(0)} tickets/s)`,
  );
  await pool.query('VACUUM ANALYZE ticket_search');
  await pool.query('VACUUM ANALYZE tickets');
  await pool.query('VACUUM ANALYZE search_vocabulary');
}

async function actorOf(role: 'agent' | 'customer'): Promise<TActor> {
  const [user] =
    role === 'agent'
      ? await db.select().from(users).where(eq(users.email, BENCH_AGENT_EMAIL))
      : (
          await db
            .select()
            .from(users)
            .innerJoin(organizations, eq(organizations.id, users.organizationId))
            .where(and(eq(users.role, 'customer'), eq(organizations.code, `${BENCH_ORG_PREFIX}0001`)))
            .limit(1)
        ).map((r) => r.users);
  if (!user) throw new Error(`no ${role} user in the bench database`);
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    name: user.name,
    locale: 'ko',
    sourceAddress: null,
    via: 'token',
  };
}

async function latency(agent: TActor, customer: TActor): Promise<TStats[]> {
  const queries = [...JUDGED_QUERIES.map((j) => j.q), '오류', '요청', '문의'];
  const kinds: { name: string; actor: TActor; type?: 'ticket' }[] = [
    { name: 'agent, tickets', actor: agent, type: 'ticket' },
    { name: 'agent, all kinds', actor: agent },
    { name: 'customer, tickets', actor: customer, type: 'ticket' },
  ];
  const results: TStats[] = [];
  for (const kind of kinds) {
    const run = (q: string) => search(kind.actor, ZSearchQuery.parse({ q, type: kind.type, limit: 20 }));
    for (const q of queries) await run(q); // warm-up: one pass
    const all: number[] = [];
    const broad: number[] = [];
    const until = performance.now() + (seconds * 1000) / kinds.length;
    for (let pass = 0; pass < 5 && performance.now() < until; pass++) {
      for (const q of queries) {
        const ms = await timed(() => run(q));
        (['오류', '요청', '문의'].includes(q) ? broad : all).push(ms);
      }
    }
    results.push(stats(`${kind.name}: judged queries`, all));
    results.push(stats(`${kind.name}: one common word (오류 요청 문의)`, broad));
  }
  return results;
}

async function writeCost(pool: pg.Pool, agent: TActor, organizationId: string): Promise<TStats[]> {
  const results: TStats[] = [];
  const samples = {
    with: { creates: [] as number[], comments: [] as number[] },
    without: { creates: [] as number[], comments: [] as number[] },
  };
  const block = async (into: { creates: number[]; comments: number[] }, count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const v = variant();
      const input = ZCreateTicket.parse({
        organizationId,
        title: v.title,
        description: v.description,
        module: 'FI',
      });
      let id = '';
      into.creates.push(
        await timed(async () => {
          id = (await createTicket(agent, input)).ticket.id;
        }),
      );
      ids.push(id);
    }
    for (const id of ids) {
      const body = ZCreateComment.parse({ body: variant().description, visibility: 'internal' });
      into.comments.push(await timed(() => addComment(agent, id, body)));
    }
  };
  // Without: the ticket_search row is not written (no GIN update, no vocabulary); tokenizing stays.
  await pool.query(
    `CREATE OR REPLACE FUNCTION bench_skip_search() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
  );
  const skip = (on: boolean) =>
    pool.query(
      on
        ? 'CREATE TRIGGER bench_skip_search BEFORE INSERT OR UPDATE ON ticket_search FOR EACH ROW EXECUTE FUNCTION bench_skip_search()'
        : 'DROP TRIGGER IF EXISTS bench_skip_search ON ticket_search',
    );
  // Warm-up, then the two variants in alternating blocks, so that neither gets the colder caches.
  await block({ creates: [], comments: [] }, 10);
  const perBlock = Math.max(1, Math.round(writes / 4));
  try {
    for (let round = 0; round < 4; round++) {
      await skip(false);
      await block(samples.with, perBlock);
      await skip(true);
      await block(samples.without, perBlock);
    }
  } finally {
    await skip(false);
    await pool.query('DROP FUNCTION IF EXISTS bench_skip_search()');
  }
  results.push(stats('create ticket, with the search write', samples.with.creates));
  results.push(stats('create ticket, without the search row', samples.without.creates));
  results.push(stats('comment, with the search write', samples.with.comments));
  results.push(stats('comment, without the search row', samples.without.comments));
  // The tokenizing and literal building a write does in JavaScript, for the same kind of texts.
  const cpu: number[] = [];
  for (let i = 0; i < writes; i++) {
    const v = variant();
    const t0 = performance.now();
    ticketSearchVectors(
      { number: 'BN0001-000001', title: v.title, description: v.description, sapNotes: [], transports: [] },
      [{ body: variant().description, visibility: 'internal' }],
    );
    cpu.push(performance.now() - t0);
  }
  results.push(stats('tokenize a ticket and a comment (JavaScript)', cpu));
  return results;
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  if (!flag('reuse')) await prepare(pool);
  const app = connect(url, 10);
  useDatabase(app.db);
  try {
    const [{ n }] = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_search'))
      .rows as [{ n: number }];
    const version = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!
      .server_version;
    console.log(`\nPostgreSQL ${version}, ${n} tickets with search documents`);
    const agent = await actorOf('agent');
    const customer = await actorOf('customer');
    console.log('\n(a) search latency, in process (tokenize, plan, SQL, snippets), limit 20');
    if (!onlyWrites) for (const s of await latency(agent, customer)) console.log(show(s));
    console.log(`\n(b) write cost, ${writes} each, in alternating blocks after 10 to warm up`);
    const [org] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.code, `${BENCH_ORG_PREFIX}0001`));
    for (const s of await writeCost(pool, agent, org!.id)) console.log(show(s));
    const [size] = (
      await pool.query<{ table: string; index: string }>(
        `SELECT pg_size_pretty(pg_relation_size('ticket_search')) AS table,
                pg_size_pretty(pg_indexes_size('ticket_search')) AS index`,
      )
    ).rows;
    const [vocabulary] = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM search_vocabulary'))
      .rows;
    console.log(
      `\nticket_search: table ${size!.table}, indexes ${size!.index}; vocabulary ${vocabulary!.n} words`,
    );
  } finally {
    await app.pool.end();
    await pool.end();
    if (!flag('keep')) await database.drop();
  }
}

await main();
