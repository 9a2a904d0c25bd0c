import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { db, useDatabase } from '../db/current.js';
import { connect, migrateDatabase, type TDb } from '../db/database.js';

/**
 * Gives a test file a fresh database of its own (on the run's PostgreSQL), for a measurement that
 * other files' data would disturb — e.g. relevance over the demo corpus, where other files' tickets
 * hold the same words. Call it before useApp(); the run's database is back after the file.
 */
export function useOwnDatabase(): void {
  const runUrl = new URL(inject('databaseUrl'));
  const name = `hamkke_test_own_${randomBytes(5).toString('hex')}`;
  let pool: pg.Pool | undefined;
  let runDb: TDb | undefined;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: runUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    await admin(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    const url = new URL(runUrl);
    url.pathname = `/${name}`;
    const own = connect(url.toString(), 4);
    pool = own.pool;
    await migrateDatabase(pool);
    runDb = db; // the value now: `db` is a live binding
    useDatabase(own.db);
  }, 120_000);
  afterAll(async () => {
    if (runDb) useDatabase(runDb);
    await pool?.end();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
