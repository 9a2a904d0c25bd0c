/**
 * The outbox benchmark: how fast notifications are queued (each in its own transaction, as a use
 * case does) and how fast the outbox workers drain them to a real SMTP server (smtp-server on
 * 127.0.0.1, in this process, accepting and discarding). Bounded: a fresh database on the PostgreSQL
 * server, dropped at the end.
 *
 *   node --import tsx bench/mail-out.ts --mails=2000 --workers=1,2,4
 *
 * HAMKKE_TEST_SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type {} from 'fastify';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { useDatabase } from '../packages/server/src/db/current.js';
import { connect, migrateDatabase } from '../packages/server/src/db/database.js';
import { mailOutbox, mailSettings, organizations, tickets, users } from '../packages/server/src/db/schema.js';
import { setMailEnvironment } from '../packages/server/src/mail-out/mail-settings.js';
import { OutboxWorker } from '../packages/server/src/mail-out/outbox-worker.js';
import { notify } from '../packages/server/src/notifications/notify.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const MAILS = Math.min(20_000, Number(arg('mails', '2000')));
const WORKERS = arg('workers', '1,2,4').split(',').map(Number);

async function main() {
  const adminUrl = process.env.HAMKKE_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `hamkke_bench_mail_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = connect(url.toString(), 16);
  // DROP DATABASE … WITH (FORCE) ends the pool's idle connections; that is expected here.
  pool.on('error', () => undefined);
  useDatabase(db);
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  try {
    await migrateDatabase(pool);
    setMailEnvironment({ mailDomain: 'bench.hamkke.test' });
    await db.insert(mailSettings).values({
      id: 1,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailFrom: 'helpdesk@bench.hamkke.test',
    });
    const [org] = await db
      .insert(organizations)
      .values({ name: '벤치 고객사', code: 'BENCH', ticketSeq: 1 })
      .returning();
    const [customer] = await db
      .insert(users)
      .values({
        email: 'customer@bench.hamkke.test',
        name: '김벤치',
        role: 'customer',
        organizationId: org!.id,
      })
      .returning();
    const [ticket] = await db
      .insert(tickets)
      .values({
        number: 'BENCH-000001',
        organizationId: org!.id,
        type: 'inquiry',
        title: 'ME21N 저장 시 오류 M7 021',
        impact: 'medium',
        urgency: 'medium',
        priority: 'P3',
        channel: 'portal',
        requesterId: customer!.id,
      })
      .returning();

    // The floor: the same transaction with an in-app notification only (a kind that has no mail).
    const baseStart = performance.now();
    for (let i = 0; i < MAILS; i++) {
      await db.transaction((tx) =>
        notify(tx, [customer!.id], { kind: 'bench_in_app_only', ticketId: ticket!.id }),
      );
    }
    const baseMs = performance.now() - baseStart;
    console.log(`in-app only: ${(baseMs / MAILS).toFixed(2)} ms per notification transaction`);

    for (const workers of WORKERS) {
      await db.delete(mailOutbox);
      received = 0;
      const queueStart = performance.now();
      for (let i = 0; i < MAILS; i++) {
        await db.transaction((tx) =>
          notify(tx, [customer!.id], {
            kind: 'public_reply',
            ticketId: ticket!.id,
            mail: { authorName: '이바다', commentBody: `답변 ${i}: 이동 유형 101 설정을 수정했습니다.` },
          }),
        );
      }
      const queueMs = performance.now() - queueStart;
      const pool = Array.from({ length: workers }, () =>
        new OutboxWorker({ pollMs: 10, retryBaseMs: 1000, retryCapMs: 10_000, giveUpHours: 48 }).start(),
      );
      const sendStart = performance.now();
      for (;;) {
        const [row] = await db
          .select({ left: sql<number>`count(*)::int` })
          .from(mailOutbox)
          .where(sql`${mailOutbox.status} <> 'sent'`);
        if (row!.left === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const sendMs = performance.now() - sendStart;
      await Promise.all(pool.map((w) => w.stop()));
      const [dups] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(mailOutbox)
        .where(eq(mailOutbox.status, 'sent'));
      console.log(
        `workers=${workers} mails=${MAILS}: queued ${(MAILS / (queueMs / 1000)).toFixed(0)}/s ` +
          `(${(queueMs / MAILS).toFixed(2)} ms each, one transaction per notification); ` +
          `sent ${(MAILS / (sendMs / 1000)).toFixed(0)}/s; received ${received}, rows sent ${dups!.n}`,
      );
    }
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
