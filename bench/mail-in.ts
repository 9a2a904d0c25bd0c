/**
 * Inbound mail benchmark: messages per second from SMTP into tickets, on a fresh database on the
 * PostgreSQL server. Starts the SMTP listener in this process, sends a mix of the corpus shapes
 * (Outlook ks_c_5601-1987, Gmail UTF-8, Daum EUC-KR, EUC-KR with an attachment, two attachments)
 * from known customers over a few SMTP connections, and waits until every message is filed.
 *
 *   node --import tsx bench/mail-in.ts [--messages=500] [--connections=4]
 *
 * Environment: HAMKKE_BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import type {} from 'fastify';
import nodemailer from 'nodemailer';
import pg from 'pg';
import pino from 'pino';
import { useDatabase } from '../packages/server/src/db/current.js';
import { connect, migrateDatabase } from '../packages/server/src/db/database.js';
import { inboundMessages, organizations, users } from '../packages/server/src/db/schema.js';
import { startSmtpListener } from '../packages/server/src/mail-in/smtp-listener.js';

const arg = (name: string, fallback: number) => {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`);
  return n;
};
const MESSAGES = arg('messages', 500);
const CONNECTIONS = arg('connections', 4);
const CUSTOMERS = 50;
const DOMAIN = 'bench.hamkke.test';
const SHAPES = [
  'outlook-ko.eml',
  'gmail-ko.eml',
  'daum.eml',
  'euc-kr-attachment.eml',
  'with-attachments.eml',
];
const adminUrl = process.env.HAMKKE_BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'hamkke_bench_mail_in';

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(
    `CREATE DATABASE ${DB_NAME} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  const { db, pool } = connect(url.toString());
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hamkke-bench-mail-in-'));
  try {
    await migrateDatabase(pool);
    useDatabase(db);
    const [org] = await db.insert(organizations).values({ name: '벤치 고객사', code: 'BENCH' }).returning();
    const customers = await db
      .insert(users)
      .values(
        Array.from({ length: CUSTOMERS }, (_, i) => ({
          email: `customer${i}@bench-customer.example`,
          name: `고객 ${i}`,
          role: 'customer' as const,
          organizationId: org!.id,
        })),
      )
      .returning();
    const templates = await Promise.all(
      SHAPES.map((name) =>
        fs.readFile(new URL(`../packages/server/test-fixtures/mail/${name}`, import.meta.url), 'latin1'),
      ),
    );
    const listener = await startSmtpListener({
      host: '127.0.0.1',
      port: 0,
      maxBytes: 25 * 1024 * 1024,
      settings: {
        mailDomain: DOMAIN,
        ratePerHour: 100_000,
        unknownSender: 'triage',
        dataDir,
        maxAttachmentBytes: 25 * 1024 * 1024,
      },
      logger: pino({ level: 'warn' }),
    });

    const ids: string[] = [];
    const messages = Array.from({ length: MESSAGES }, (_, i) => {
      const from = customers[i % CUSTOMERS]!.email;
      const messageId = `${randomUUID()}@bench.example`;
      ids.push(`<${messageId}>`);
      const raw = templates[i % templates.length]!.replaceAll('{{FROM}}', from)
        .replaceAll('{{DOMAIN}}', DOMAIN)
        .replaceAll('{{MSGID}}', messageId);
      return { from, raw: Buffer.from(raw, 'latin1') };
    });

    const started = performance.now();
    const transports = Array.from({ length: CONNECTIONS }, () =>
      nodemailer.createTransport({
        host: '127.0.0.1',
        port: listener.port,
        pool: true,
        maxConnections: 1,
        ignoreTLS: true,
      }),
    );
    await Promise.all(
      transports.map(async (transport, c) => {
        for (let i = c; i < messages.length; i += CONNECTIONS) {
          const m = messages[i]!;
          await transport.sendMail({ envelope: { from: m.from, to: [`support@${DOMAIN}`] }, raw: m.raw });
        }
        transport.close();
      }),
    );
    const accepted = performance.now();
    await listener.idle();
    const filed = performance.now();
    await listener.stop();

    const outcome = await db
      .select({ status: inboundMessages.status, count: sql<number>`count(*)::int` })
      .from(inboundMessages)
      .where(inArray(inboundMessages.messageId, ids))
      .groupBy(inboundMessages.status);
    const seconds = (filed - started) / 1000;
    console.log(
      JSON.stringify({
        messages: MESSAGES,
        connections: CONNECTIONS,
        outcome: Object.fromEntries(outcome.map((o) => [o.status, o.count])),
        smtpAcceptedSeconds: Number(((accepted - started) / 1000).toFixed(2)),
        filedSeconds: Number(seconds.toFixed(2)),
        messagesPerSecond: Number((MESSAGES / seconds).toFixed(1)),
        cpus: os.cpus().length,
      }),
    );
  } finally {
    await pool.end();
    await fs.rm(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
