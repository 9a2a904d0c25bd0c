import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const isEmbeddedRun = process.env.HAMKKE_TEST_TARGET === 'embedded';

type TServer = { child: ChildProcess; output: () => string; url: string; exited: Promise<number | null> };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `main.ts` as `npm start` would (but from source), and waits until it serves or exits. */
async function start(env: Record<string, string>): Promise<TServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out, url, exited };
}

async function stop(server: TServer): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

async function signIn(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

// Each case starts real server processes (and initialises a PostgreSQL): minutes on a loaded machine.
describe.runIf(isEmbeddedRun)('starting the server', { timeout: 180_000 }, () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('starts on its own embedded PostgreSQL, prints the first admin password once, refuses a second server, and keeps data across restarts', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hamkke-start-'));
    await fs.chmod(dataDir, 0o755);
    dirs.push(dataDir);
    const first = await start({ HAMKKE_DATA_DIR: dataDir });
    const password = /password:\s+(\S+)/.exec(first.output())?.[1];
    expect(password, first.output()).toBeTruthy();
    expect(first.output()).toContain('admin@localhost');
    expect(await signIn(first.url, 'admin@localhost', password!)).toBe(200);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    const second = await start({ HAMKKE_DATA_DIR: dataDir });
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain('Another Hamkke server');
    expect(second.output()).toContain(dataDir);

    expect(await stop(first)).toBe(0);
    const again = await start({ HAMKKE_DATA_DIR: dataDir });
    expect(again.output()).not.toMatch(/password:/);
    expect(await signIn(again.url, 'admin@localhost', password!)).toBe(200);
    expect(await stop(again)).toBe(0);
  });

  it('uses the PostgreSQL server named by DATABASE_URL, migrating it and creating the admin given in the environment', async () => {
    const adminUrl = process.env.HAMKKE_TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `hamkke_start_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    const isServerUp = await admin.connect().then(
      () => true,
      () => false,
    );
    if (!isServerUp) return;
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    );
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hamkke-start-url-'));
    dirs.push(dataDir);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const server = await start({
        DATABASE_URL: url.toString(),
        HAMKKE_DATA_DIR: dataDir,
        HAMKKE_ADMIN_EMAIL: 'ops@hamkke.example',
        HAMKKE_ADMIN_PASSWORD: 'a-long-enough-password',
      });
      expect(server.output()).not.toMatch(/password:/);
      expect(await signIn(server.url, 'ops@hamkke.example', 'a-long-enough-password')).toBe(200);
      expect(await fs.readdir(dataDir)).not.toContain('pg');
      expect(await stop(server)).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
