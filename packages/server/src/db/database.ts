import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Logger } from 'pino';
import { startEmbeddedPostgres } from './embedded.js';
import * as schema from './schema.js';
import { seedReferenceData } from './seed-reference-data.js';

export type TDb = NodePgDatabase<typeof schema>;
/** A transaction handle; use cases take it so their writes commit or roll back together. */
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];
export type TDbOrTx = TDb | TTx;

export type TDatabase = {
  db: TDb;
  pool: pg.Pool;
  url: string;
  isEmbedded: boolean;
  close: () => Promise<void>;
};

const MIGRATIONS_FOLDER = new URL('../../drizzle', import.meta.url).pathname;
/** Advisory lock key so that several server processes starting together migrate one at a time. */
const MIGRATION_LOCK = 72_690_001;

// Dates come back as JS Dates, bigint counts as numbers (they fit for our counters).
pg.types.setTypeParser(20, (value) => Number(value));

export function connect(url: string, max = 20): { db: TDb; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  return { pool, db: drizzle(pool, { schema }) };
}

/** Runs the pending migrations and seeds the reference data, under an advisory lock. */
export async function migrateDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await seedReferenceData(db);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/**
 * Opens the database: the PostgreSQL server at `databaseUrl` when given, otherwise the embedded
 * PostgreSQL kept in `dataDir`. Migrations run before it is handed out.
 */
export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  logger: Logger;
}): Promise<TDatabase> {
  const embedded = opts.databaseUrl ? null : await startEmbeddedPostgres(opts.dataDir, 'hamkke', opts.logger);
  const url = opts.databaseUrl ?? embedded!.url;
  const { db, pool } = connect(url);
  pool.on('error', (error) => opts.logger.error({ err: error }, 'idle PostgreSQL client failed'));
  try {
    await migrateDatabase(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    pool,
    url,
    isEmbedded: embedded !== null,
    close: async () => {
      await pool.end();
      await embedded?.stop();
    },
  };
}
