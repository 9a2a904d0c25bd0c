/**
 * Similar past cases on 1,000,000 tickets (bench/README.md, "Knowledge and similar cases"): fills a
 * database of its own with 1,000 organizations, 3 systems each and 1,000,000 tickets made from the
 * demo's ~70 Korean case templates (so texts repeat the way an AMS team's cases do), each with a
 * variation word, their search documents built by the core tokenizer, and 2,000 articles; then times
 * `findSimilarCases` for staff and for customers, the problem-candidate listing, and prints EXPLAIN.
 *
 *   HAMKKE_BENCH_URL=postgres://postgres@127.0.0.1:5432/hamkke_knowledge_bench \
 *     node --import tsx packages/server/src/similar/bench-similar.fixtures.ts [--tickets=1000000] [--keep]
 *
 * The database named in the URL is created (and dropped at the end unless --keep; --reuse measures a
 * kept one again). Named
 * `.fixtures.ts` so the server build leaves it out.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SYSTEM_ACTOR, type TActor } from '../auth/actor.js';
import { useDatabase } from '../db/current.js';
import { connect, migrateDatabase, type TDb } from '../db/database.js';
import { BUSINESS_TEMPLATES } from '../demo/demo-templates-business.js';
import { OPERATIONS_TEMPLATES } from '../demo/demo-templates-operations.js';
import { TECHNICAL_TEMPLATES } from '../demo/demo-templates-technical.js';
import { articleVector } from '../knowledge/article-search-document.js';
import { createArticle } from '../knowledge/create-article.js';
import { suggestArticles } from '../knowledge/suggest-articles.js';
import { ticketSearchVectors } from '../search/ticket-search-document.js';
import { findSimilarCases } from './find-similar-cases.js';
import { candidateQuery, lookupTokens } from './find-similar-tickets.js';
import { listProblemCandidates } from './problem-candidates.js';
import { caseTokens } from './similar-tokens.js';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const TICKETS = Number(args.get('tickets') ?? 1_000_000);
const SAMPLES = Number(args.get('samples') ?? 200);
const url = process.env.HAMKKE_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/hamkke_knowledge_bench';
const dbName = new URL(url).pathname.slice(1);
const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();

const fill = (text: string) => text.replace(/\{[a-z]+\}/g, '3');
const TEMPLATES = [...BUSINESS_TEMPLATES, ...TECHNICAL_TEMPLATES, ...OPERATIONS_TEMPLATES].filter(
  (t) => t.type !== 'problem',
);

const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const isReused = args.has('reuse');
  if (!isReused) await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  if (!isReused)
    await admin.query(
      `CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
  const { db, pool } = connect(url, 8);
  useDatabase(db);
  try {
    if (!isReused) await generate(db, pool);
    await measure(db);
  } finally {
    await pool.end();
    if (!args.has('keep') && !isReused) await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}

async function generate(db: TDb, pool: pg.Pool) {
  await migrateDatabase(pool);
  const t0 = performance.now();
  // Search documents of each template, built once by the core tokenizer (title A, description B,
  // the public reply C; the staff document adds the internal cause).
  await db.execute(sql`CREATE TABLE bench_templates (idx int PRIMARY KEY, module text, type text, title text,
      description text, public_vector tsvector, staff_vector tsvector, article_vector tsvector)`);
  for (const [idx, t] of TEMPLATES.entries()) {
    const ticket = {
      number: '',
      title: fill(t.title),
      description: fill(t.description),
      sapNotes: [],
      transports: [],
    };
    const docs = ticketSearchVectors(ticket, [
      { body: fill(t.resolution), visibility: 'public' },
      { body: fill(t.cause), visibility: 'internal' },
    ]);
    const article = articleVector({
      id: '',
      title: ticket.title,
      body: `${ticket.description}\n${fill(t.resolution)}`,
      tags: t.tags ?? [],
      modules: [t.module],
    });
    await db.execute(sql`INSERT INTO bench_templates VALUES (${idx}, ${t.module}, ${t.type}, ${ticket.title},
        ${ticket.description}, ${docs.publicVector}, ${docs.staffVector}, ${article})`);
  }
  await db.execute(sql`DROP INDEX ticket_search_public_idx, ticket_search_staff_idx`);
  await db.execute(sql`SELECT setseed(0.42)`);
  await db.execute(sql`INSERT INTO organizations (name, code, ticket_seq)
      SELECT '벤치 고객사 ' || g, 'KB' || lpad(g::text, 4, '0'), 0 FROM generate_series(1, 1000) g`);
  await db.execute(sql`INSERT INTO systems (organization_id, sid, tier, client, product, modules)
      SELECT o.id, s.sid, s.sid, '100', 'S/4HANA', '{FI,CO,SD,MM}' FROM organizations o
      CROSS JOIN (VALUES ('DEV'), ('QAS'), ('PRD')) AS s(sid) WHERE o.code LIKE 'KB%'`);
  await db.execute(sql`CREATE TEMP TABLE bench_orgs AS
      SELECT row_number() OVER (ORDER BY o.code) AS n, o.id, o.code,
        (SELECT id FROM systems WHERE organization_id = o.id AND sid = 'PRD') AS prd,
        (SELECT id FROM systems WHERE organization_id = o.id AND sid = 'QAS') AS qas
      FROM organizations o WHERE o.code LIKE 'KB%'`);
  log('organizations and systems');
  const templates = TEMPLATES.length;
  // Ticket g: organization skewed towards the first ones, a template, a variation word of 5,000.
  await db.execute(sql`INSERT INTO tickets (number, organization_id, system_id, module, type, title, description,
        status, impact, urgency, priority, channel, created_at, updated_at, resolved_at)
      SELECT o.code || '-' || lpad(x.g::text, 7, '0'), o.id, CASE WHEN x.r < 0.7 THEN o.prd ELSE o.qas END,
        t.module, t.type, t.title || ' (' || 'v' || (x.g % 5000) || ')', t.description,
        CASE WHEN x.age < 2 THEN 'open' ELSE 'closed' END, 'medium', 'medium', 'P3', 'portal',
        now() - make_interval(days => x.age), now() - make_interval(days => x.age),
        CASE WHEN x.age < 2 THEN NULL ELSE now() - make_interval(days => x.age) END
      FROM (SELECT g, random() AS r, (1 + floor(999 * random() ^ 1.6))::int AS org,
              floor(random() * ${templates})::int AS tpl, (random() * 730)::int AS age
            FROM generate_series(1, ${TICKETS}) g) x
      JOIN bench_orgs o ON o.n = x.org JOIN bench_templates t ON t.idx = x.tpl`);
  log(`tickets ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await db.execute(sql`INSERT INTO ticket_search (ticket_id, organization_id, created_at, public_vector, staff_vector)
      SELECT k.id, k.organization_id, k.created_at,
        b.public_vector || setweight(('v' || substring(k.title from '[(]v([0-9]+)[)]$'))::tsvector, 'A'),
        b.staff_vector || setweight(('v' || substring(k.title from '[(]v([0-9]+)[)]$'))::tsvector, 'A')
      FROM tickets k JOIN bench_templates b ON b.title = regexp_replace(k.title, ' [(]v[0-9]+[)]$', '')`);
  log(`ticket_search ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await db.execute(sql`CREATE INDEX ticket_search_public_idx ON ticket_search USING gin (public_vector)`);
  await db.execute(sql`CREATE INDEX ticket_search_staff_idx ON ticket_search USING gin (staff_vector)`);
  log(`GIN indexes ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await db.execute(sql`INSERT INTO articles (title, body, language, modules, visibility, status, organization_id)
      SELECT b.title || ' 해결 방법 ' || g, b.description, 'ko', ARRAY[b.module], 'public', 'published',
        CASE WHEN g % 4 = 0 THEN (SELECT id FROM bench_orgs WHERE n = 1 + g % 1000) END
      FROM generate_series(1, 2000) g JOIN bench_templates b ON b.idx = g % ${templates}`);
  await db.execute(sql`INSERT INTO article_search (article_id, vector)
      SELECT a.id, b.article_vector FROM articles a
      JOIN bench_templates b ON b.title = regexp_replace(a.title, ' 해결 방법 [0-9]+$', '')`);
  await pool.query('VACUUM (ANALYZE)');
  log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function measure(db: TDb) {
  const sample = await db.execute<{ id: string; organization_id: string }>(
    sql`SELECT id, organization_id FROM tickets TABLESAMPLE SYSTEM (1) REPEATABLE (7) LIMIT ${SAMPLES}`,
  );
  const staff: TActor = { ...SYSTEM_ACTOR, role: 'agent' };
  const customerOf = (organizationId: string): TActor => ({
    ...SYSTEM_ACTOR,
    role: 'customer',
    organizationId,
  });
  const time = async (
    label: string,
    run: (row: { id: string; organization_id: string }) => Promise<unknown>,
  ) => {
    for (const row of sample.rows.slice(0, 20)) await run(row);
    const ms: number[] = [];
    for (const row of sample.rows) {
      const started = performance.now();
      await run(row);
      ms.push(performance.now() - started);
    }
    log(
      `${label}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (n=${ms.length})`,
    );
  };
  let found = 0;
  await time('similar cases, staff', async (r) => {
    const cases = await findSimilarCases(staff, r.id);
    found += cases.tickets.length;
  });
  log(`  average similar tickets returned: ${(found / (SAMPLES + 20)).toFixed(2)}`);
  await time('similar cases, customer', (r) => findSimilarCases(customerOf(r.organization_id), r.id));
  const titles = new Map(
    (
      await db.execute<{ id: string; title: string }>(
        sql`SELECT id, title FROM tickets WHERE id IN (${sql.join(
          sample.rows.map((r) => sql`${r.id}`),
          sql`, `,
        )})`,
      )
    ).rows.map((r) => [r.id, r.title]),
  );
  await time('article suggestions while a customer writes (its title)', (r) =>
    suggestArticles(customerOf(r.organization_id), { q: titles.get(r.id) ?? '오류', limit: 5 }),
  );
  await time('article create (version row, search document, audit)', (r) =>
    createArticle(staff, {
      title: `${titles.get(r.id) ?? '벤치'} 정리`,
      body: '## 해결\n조회 조건을 제한합니다.',
      language: 'ko',
      tags: [],
      modules: ['MM'],
      systemIds: [],
      organizationId: null,
      visibility: 'internal',
      status: 'draft',
    }),
  );
  const started = performance.now();
  const candidates = await listProblemCandidates(staff, { days: 30 });
  log(
    `problem candidates (30 days): ${candidates.length} groups in ${(performance.now() - started).toFixed(0)} ms`,
  );

  // The real candidate lookup of a ticket of the largest customer, as staff and as that customer.
  const [big] = (
    await db.execute<{ id: string; organization_id: string; title: string; description: string }>(
      sql`SELECT t.id, t.organization_id, t.title, t.description FROM tickets t
        JOIN organizations o ON o.id = t.organization_id WHERE o.code = 'KB0001' AND t.module = 'MM' LIMIT 1`,
    )
  ).rows;
  const tokens = caseTokens(big!.title, big!.description);
  for (const actor of [staff, customerOf(big!.organization_id)]) {
    const lookup = await lookupTokens(actor, tokens);
    const plan = await db.execute<{ 'QUERY PLAN': string }>(
      sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${candidateQuery(actor, big!.id, lookup)}`,
    );
    log(`EXPLAIN, ${actor.role}, "${big!.title}", lookup tokens ${lookup.join(' ')}:`);
    process.stdout.write(`${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
  }
}

await main();
