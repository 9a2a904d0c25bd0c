/**
 * Fills a Hamkke database with a realistic volume for the benchmark: organizations with systems and
 * contracts, customer users and agents, tickets spread over two years, and their timelines (a
 * `created` event per ticket, comments, status changes). Everything is set-based SQL
 * (INSERT … SELECT over generate_series) in one session, so a million tickets take minutes.
 *
 *   DATABASE_URL=postgres://… node --import tsx bench/generate.ts --tickets=1000000
 */
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { hashPassword } from '../packages/server/src/auth/password.js';
import { connect, migrateDatabase } from '../packages/server/src/db/database.js';

export const BENCH_AGENT_EMAIL = 'agent1@bench.hamkke.test';
export const BENCH_AGENT_PASSWORD = 'bench-password-2024';
/** Organization codes made by the generator: `BN0001` … */
export const BENCH_ORG_PREFIX = 'BN';

export type TGenerateOptions = {
  organizations: number;
  tickets: number;
  customersPerOrganization: number;
  agents: number;
  log?: (line: string) => void;
};

export type TGenerateResult = { seconds: number; steps: { step: string; seconds: number }[] };

export const DEFAULT_GENERATE: TGenerateOptions = {
  organizations: 1000,
  tickets: 1_000_000,
  customersPerOrganization: 5,
  agents: 50,
};

const MODULES = [
  'FI',
  'FI',
  'FI',
  'CO',
  'CO',
  'SD',
  'SD',
  'SD',
  'MM',
  'MM',
  'MM',
  'PP',
  'PP',
  'QM',
  'PM',
  'HCM',
  'BC',
  'BC',
  'ABAP',
  'ABAP',
  'BW',
  'BTP',
  'FIORI',
  'PS',
  'WM',
  'EWM',
  'TR',
  'FSCM',
];

const TITLES = [
  '전표 전기 시 오류 메시지 발생',
  '사용자 권한 추가 요청',
  '월 마감 리포트 조회 속도 저하',
  '인터페이스 전송 실패 문의',
  '결산 작업 지원 요청',
  '배치 잡 실패 확인 요청',
  '화면 필드 추가 개발 요청',
  'Posting error in invoice verification',
  '출력 양식 변경 요청',
  '마스터 데이터 일괄 변경 문의',
];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/** Fills the database at `url` (migrated first). Refuses a database that already holds tickets. */
export async function generate(url: string, options: TGenerateOptions): Promise<TGenerateResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { pool } = connect(url, 1);
  const started = performance.now();
  const steps: TGenerateResult['steps'] = [];
  try {
    await migrateDatabase(pool);
    const client = await pool.connect();
    try {
      const existing = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM tickets');
      if ((existing.rows[0]?.n ?? 0) > 0)
        throw new Error('The database already holds tickets; use a fresh one');
      const step = async (name: string, text: string, values: unknown[] = []) => {
        const t0 = performance.now();
        const result = await client.query(text, values);
        const seconds = (performance.now() - t0) / 1000;
        steps.push({ step: name, seconds });
        log(
          `  ${name.padEnd(28)} ${seconds.toFixed(1).padStart(6)} s${result.rowCount ? `  (${result.rowCount} rows)` : ''}`,
        );
      };
      // A bulk load, as pg_restore does it: no user triggers (the live-update NOTIFY of every one of the
      // millions of timeline events would only fill the notification queue; nobody listens yet).
      await client.query('SET session_replication_role = replica');
      await runSteps(client, step, options);
      await client.query('RESET session_replication_role');
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
  const seconds = (performance.now() - started) / 1000;
  log(`  generated in ${seconds.toFixed(1)} s`);
  return { seconds, steps };
}

async function runSteps(
  client: pg.PoolClient,
  step: (name: string, text: string, values?: unknown[]) => Promise<void>,
  o: TGenerateOptions,
): Promise<void> {
  // Session settings only: big sorts in memory, temp tables in memory, no wait for the WAL flush.
  await client.query(`SET temp_buffers = '1GB'`);
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query('SET synchronous_commit = off');
  const agentHash = await hashPassword(BENCH_AGENT_PASSWORD);

  await step(
    'organizations',
    `INSERT INTO organizations (name, code, special_notes, created_at, updated_at)
     SELECT '벤치 고객사 ' || g, '${BENCH_ORG_PREFIX}' || lpad(g::text, 4, '0'),
            CASE WHEN g % 7 = 0 THEN '월말 마감 주간에는 운영 이관 금지' ELSE '' END,
            now() - interval '3 years', now() - interval '3 years'
     FROM generate_series(1, $1::int) g`,
    [o.organizations],
  );
  await client.query(
    `CREATE TEMP TABLE b_org AS
     SELECT substr(code, ${BENCH_ORG_PREFIX.length + 1})::int AS n, id, code
     FROM organizations WHERE code ~ '^${BENCH_ORG_PREFIX}[0-9]{4}$'`,
  );
  await step(
    'systems',
    `INSERT INTO systems (organization_id, sid, tier, client, product, release, modules, solution)
     SELECT o.id, t.sid, t.tier, '100',
            CASE WHEN o.n % 3 = 0 THEN 'ECC 6.0' ELSE 'S/4HANA' END,
            CASE WHEN o.n % 3 = 0 THEN 'EHP8' ELSE '2023' END,
            ARRAY['FI','CO','SD','MM','PP'], 'AMS'
     FROM b_org o CROSS JOIN (VALUES ('D01','DEV'), ('Q01','QAS'), ('P01','PRD')) AS t(sid, tier)`,
  );
  await client.query(
    `CREATE TEMP TABLE b_sys AS
     SELECT o.n, s.tier, s.id FROM systems s JOIN b_org o ON o.id = s.organization_id`,
  );
  await step(
    'contracts',
    `INSERT INTO contracts (organization_id, name, starts_on, ends_on, services, monthly_hours, inspection_cadence)
     SELECT o.id, y || '년 운영 계약', make_date(y, 1, 1), make_date(y, 12, 31),
            ARRAY['support','inspection','report'], 40 + (o.n % 5) * 20, 'monthly'
     FROM b_org o
     CROSS JOIN generate_series(extract(year FROM now())::int - 2, extract(year FROM now())::int) y`,
  );
  await client.query(
    `CREATE TEMP TABLE b_con AS
     SELECT o.n, extract(year FROM c.starts_on)::int AS y, c.id
     FROM contracts c JOIN b_org o ON o.id = c.organization_id`,
  );
  // Agents 1..n (the last three are managers); agent 1 is the one the benchmark signs in as.
  await step(
    'agents',
    `INSERT INTO users (email, name, role, password_hash, locale)
     SELECT 'agent' || g || '@bench.hamkke.test', '상담원 ' || g,
            CASE WHEN g > $1::int - 3 THEN 'manager' ELSE 'agent' END, $2, 'ko'
     FROM generate_series(1, $1::int) g`,
    [o.agents, agentHash],
  );
  await client.query(
    `CREATE TEMP TABLE b_agent AS
     SELECT substring(email FROM '^agent([0-9]+)@')::int AS k, id
     FROM users WHERE email LIKE 'agent%@bench.hamkke.test'`,
  );
  await step(
    'customers',
    `INSERT INTO users (email, name, role, organization_id, locale)
     SELECT 'c' || o.n || '-' || j || '@bench.hamkke.test', '고객 ' || o.n || '-' || j, 'customer', o.id,
            CASE WHEN j = 5 THEN 'en' ELSE 'ko' END
     FROM b_org o CROSS JOIN generate_series(1, $1::int) j`,
    [o.customersPerOrganization],
  );
  await client.query(
    `CREATE TEMP TABLE b_cust AS
     SELECT o.n, substring(u.email FROM '-([0-9]+)@')::int AS j, u.id
     FROM users u JOIN b_org o ON o.id = u.organization_id WHERE u.email LIKE 'c%@bench.hamkke.test'`,
  );
  await client.query('CREATE INDEX ON b_cust (n, j)');
  await client.query('CREATE INDEX ON b_sys (n, tier)');
  await client.query('CREATE INDEX ON b_con (n, y)');

  // One row per ticket with its random draws. created_at grows with g (rows arrive in time order,
  // as they would in production); organizations are skewed: BN0001 is the busiest.
  await step(
    'stage: draws',
    `CREATE TEMP TABLE b_raw AS
     SELECT g,
            gen_random_uuid() AS id,
            now() - interval '730 days' + ((g - random()) / $1::float8) * (interval '730 days' - interval '5 minutes') AS ts,
            1 + floor($2::int * power(random(), 1.6))::int AS org_n,
            random() AS r_type, random() AS r_imp, random() AS r_urg, random() AS r_mod, random() AS r_asg,
            random() AS r_req, random() AS r_sys, random() AS r_chan, random() AS r_status, random() AS r_res,
            random() AS r_title
     FROM generate_series(1, $1::int) g`,
    [o.tickets, o.organizations],
  );
  await step(
    'stage: tickets',
    `CREATE TEMP TABLE b_stage AS
     WITH w AS (
       SELECT r.*, row_number() OVER (PARTITION BY org_n ORDER BY g) AS seq,
              extract(epoch FROM now() - ts) / 86400 AS age_days
       FROM b_raw r
     ), s AS (
       SELECT w.*,
         CASE
           WHEN age_days < 2 THEN CASE WHEN r_status < .35 THEN 'new' WHEN r_status < .65 THEN 'open'
             WHEN r_status < .90 THEN 'in_progress' ELSE 'waiting_customer' END
           WHEN age_days < 14 THEN CASE WHEN r_status < .05 THEN 'new' WHEN r_status < .25 THEN 'open'
             WHEN r_status < .55 THEN 'in_progress' WHEN r_status < .70 THEN 'waiting_customer'
             WHEN r_status < .75 THEN 'waiting_vendor' ELSE 'resolved' END
           WHEN age_days < 60 THEN CASE WHEN r_status < .03 THEN 'open' WHEN r_status < .08 THEN 'in_progress'
             WHEN r_status < .11 THEN 'waiting_customer' WHEN r_status < .13 THEN 'waiting_vendor'
             WHEN r_status < .25 THEN 'resolved' WHEN r_status < .95 THEN 'closed' ELSE 'cancelled' END
           ELSE CASE WHEN r_status < .005 THEN 'open' WHEN r_status < .01 THEN 'in_progress'
             WHEN r_status < .02 THEN 'resolved' WHEN r_status < .95 THEN 'closed' ELSE 'cancelled' END
         END AS status,
         CASE WHEN r_type < .55 THEN 'inquiry' WHEN r_type < .75 THEN 'incident' WHEN r_type < .87 THEN 'request'
           WHEN r_type < .92 THEN 'change' WHEN r_type < .96 THEN 'inspection' WHEN r_type < .98 THEN 'problem'
           ELSE 'improvement' END AS type,
         CASE WHEN r_imp < .10 THEN 0 WHEN r_imp < .55 THEN 1 ELSE 2 END AS imp,
         CASE WHEN r_urg < .15 THEN 0 WHEN r_urg < .60 THEN 1 ELSE 2 END AS urg,
         CASE WHEN r_mod < .05 THEN NULL
           ELSE (${sqlArray(MODULES)})[1 + floor((r_mod - .05) / .95 * ${MODULES.length})::int] END AS module,
         CASE WHEN r_chan < .50 THEN 'portal' WHEN r_chan < .80 THEN 'email' WHEN r_chan < .90 THEN 'phone'
           ELSE 'internal' END AS channel,
         CASE WHEN r_sys < .10 THEN NULL WHEN r_sys < .70 THEN 'PRD' WHEN r_sys < .90 THEN 'QAS' ELSE 'DEV' END AS tier
       FROM w
     ), t AS (
       SELECT s.*,
         CASE WHEN status = 'new' AND r_asg < .8 THEN NULL WHEN r_asg < .03 THEN NULL
           ELSE 1 + floor(($1::int - 3) * power((r_asg - .03) / .97, 1.3))::int END AS agent_k,
         CASE WHEN status IN ('resolved', 'closed')
           THEN least(ts + r_res * interval '10 days' + interval '30 minutes', now()) END AS resolved_at
       FROM s
     )
     SELECT t.g, t.id, t.ts, t.org_n, t.seq, t.status, t.type, t.module, t.channel, t.r_title, t.r_res,
            (ARRAY['high','medium','low'])[t.imp + 1] AS impact,
            (ARRAY['high','medium','low'])[t.urg + 1] AS urgency,
            (ARRAY['P1','P2','P3','P4'])[least(t.imp + t.urg, 3) + 1] AS priority,
            o.id AS organization_id, o.code || '-' || lpad(t.seq::text, 6, '0') AS number,
            c.id AS requester_id, a.id AS assignee_id, sy.id AS system_id, co.id AS contract_id,
            t.resolved_at,
            CASE WHEN t.status = 'closed' THEN least(t.resolved_at + interval '3 days', now()) END AS closed_at,
            coalesce(CASE WHEN t.status = 'closed' THEN least(t.resolved_at + interval '3 days', now()) END,
                     t.resolved_at, least(t.ts + t.r_res * interval '2 days', now())) AS updated_at,
            CASE WHEN t.status = 'new' THEN 0 ELSE floor(t.r_res * 1000)::int % 3 END AS n_comments
     FROM t
     JOIN b_org o ON o.n = t.org_n
     JOIN b_cust c ON c.n = t.org_n AND c.j = 1 + floor(t.r_req * $2::int)::int
     LEFT JOIN b_agent a ON a.k = t.agent_k
     LEFT JOIN b_sys sy ON sy.n = t.org_n AND sy.tier = t.tier
     LEFT JOIN b_con co ON co.n = t.org_n AND co.y = extract(year FROM t.ts)::int`,
    [o.agents, o.customersPerOrganization],
  );
  await client.query('DROP TABLE b_raw');

  const chunk = 100_000;
  for (let from = 1; from <= o.tickets; from += chunk) {
    await step(
      `tickets ${from}..${Math.min(from + chunk - 1, o.tickets)}`,
      `INSERT INTO tickets (id, number, organization_id, contract_id, system_id, module, type, title, description,
         status, impact, urgency, priority, requester_id, assignee_id, team, channel, tags,
         created_at, updated_at, resolved_at, closed_at, version)
       SELECT s.id, s.number, s.organization_id, s.contract_id, s.system_id, s.module, s.type,
              coalesce('[' || s.module || '] ', '') || (${sqlArray(TITLES)})[1 + floor(s.r_title * ${TITLES.length})::int],
              '현상: 처리 중 오류가 발생합니다. 재현 절차와 화면 캡처를 첨부합니다. (bench ' || s.g || ')',
              s.status, s.impact, s.urgency, s.priority, s.requester_id, s.assignee_id,
              CASE WHEN s.assignee_id IS NULL THEN NULL WHEN s.g % 2 = 0 THEN 'AMS 1팀' ELSE 'AMS 2팀' END,
              s.channel, CASE WHEN s.r_title < .1 THEN ARRAY['월마감'] ELSE '{}' END,
              s.ts, s.updated_at, s.resolved_at, s.closed_at,
              CASE WHEN s.status = 'new' THEN 1 ELSE 2 END
       FROM b_stage s WHERE s.g BETWEEN $1 AND $2 ORDER BY s.g`,
      [from, Math.min(from + chunk - 1, o.tickets)],
    );
  }

  await step(
    'stage: comments',
    `CREATE TEMP TABLE b_comment AS
     SELECT gen_random_uuid() AS id, s.id AS ticket_id,
            CASE WHEN k % 2 = 1 AND s.assignee_id IS NOT NULL THEN s.assignee_id ELSE s.requester_id END AS author_id,
            CASE WHEN k % 2 = 1 AND s.assignee_id IS NOT NULL AND s.r_title < .3 THEN 'internal' ELSE 'public' END
              AS visibility,
            s.ts + (s.updated_at - s.ts) * (k::float8 / (s.n_comments + 1)) AS at, k
     FROM b_stage s CROSS JOIN LATERAL generate_series(1, s.n_comments) k`,
  );
  await step(
    'comments',
    `INSERT INTO comments (id, ticket_id, author_id, body, visibility, created_at)
     SELECT id, ticket_id, author_id,
            CASE WHEN k % 2 = 1 THEN '확인 결과 설정 값 문제로 보입니다. 조치 후 다시 안내드리겠습니다.'
                 ELSE '답변 감사합니다. 재현 시 추가로 공유드리겠습니다.' END,
            visibility, at
     FROM b_comment ORDER BY at`,
  );
  // The whole timeline in time order, so that ordering by event id is ordering by time.
  await step(
    'ticket events',
    `INSERT INTO ticket_events (ticket_id, actor_id, kind, visibility, subject_id, data, created_at)
     SELECT ticket_id, actor_id, kind, visibility, subject_id, data, at FROM (
       SELECT id AS ticket_id, CASE WHEN channel = 'internal' THEN assignee_id ELSE requester_id END AS actor_id,
              'created' AS kind, 'public' AS visibility, NULL::uuid AS subject_id, '{}'::jsonb AS data, ts AS at
       FROM b_stage
       UNION ALL
       SELECT ticket_id, author_id, 'comment', visibility, id, '{}'::jsonb, at FROM b_comment
       UNION ALL
       SELECT s.id, coalesce(s.assignee_id, a.id), 'changed', 'public', NULL,
              jsonb_build_object('changes', jsonb_build_array(
                jsonb_build_object('field', 'status', 'from', 'new', 'to', s.status))),
              coalesce(s.resolved_at, s.ts + (s.updated_at - s.ts) / 2 + interval '1 second')
       FROM b_stage s CROSS JOIN (SELECT id FROM b_agent WHERE k = 1) a
       WHERE s.status <> 'new'
     ) e ORDER BY at`,
  );
  await step(
    'ticket_seq',
    `UPDATE organizations o SET ticket_seq = m.seq
     FROM (SELECT organization_id, max(seq)::int AS seq FROM b_stage GROUP BY organization_id) m
     WHERE o.id = m.organization_id`,
  );
  await client.query('DROP TABLE b_stage, b_comment');
  // VACUUM as well: sets hint bits and the visibility map, so autovacuum does not do it mid-measurement.
  await step('vacuum analyze', 'VACUUM (ANALYZE)');
}

function argValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to the database to fill');
    process.exit(1);
  }
  const tickets = Number(argValue('tickets') ?? DEFAULT_GENERATE.tickets);
  const organizations = Number(argValue('organizations') ?? DEFAULT_GENERATE.organizations);
  generate(url, { ...DEFAULT_GENERATE, tickets, organizations }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
