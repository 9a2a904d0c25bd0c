import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    dataDir: string;
  }
}

/**
 * Gives each test run its own fresh database: on an embedded PostgreSQL started for the run, or on
 * the PostgreSQL server (HAMKKE_TEST_SERVER_URL, default 127.0.0.1:5432); dropped afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = project.config.env.HAMKKE_TEST_TARGET ?? 'embedded';
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `hamkke-test-${target}-`));
  await fs.chmod(dataDir, 0o755);
  const name = `hamkke_test_${randomBytes(6).toString('hex')}`;
  let stop: () => Promise<void>;
  let url: string;

  if (target === 'embedded') {
    const embedded = await startEmbeddedPostgres(dataDir, name, pino({ level: 'warn' }));
    url = embedded.url;
    stop = embedded.stop;
  } else {
    const adminUrl = process.env.HAMKKE_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    // Not the C locale: full-text search needs Hangul classified as letters.
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    stop = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }

  const pool = new pg.Pool({ connectionString: url, max: 2 });
  await migrateDatabase(pool);
  await pool.end();
  project.provide('databaseUrl', url);
  project.provide('dataDir', dataDir);
  return async () => {
    await stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
