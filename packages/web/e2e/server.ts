// What the web e2e tests share: the real server on an embedded PostgreSQL in a temp folder, serving
// the built app, and Debian's Chromium (never a downloaded browser). Needs `npm run build` first.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SERVER_MAIN = path.join(ROOT, 'packages/server/dist/main.js');
/** The built app the server serves: packages/web/dist, or HAMKKE_E2E_WEB_DIST (a build of one's own). */
const WEB_DIST = process.env.HAMKKE_E2E_WEB_DIST ?? path.join(ROOT, 'packages/web/dist');
const WEB_INDEX = path.join(WEB_DIST, 'index.html');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.HAMKKE_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const ADMIN_EMAIL = 'admin@hamkke.test';
export const ADMIN_PASSWORD = 'e2e-Password-1234';
export const ADMIN_NAME = '관리자';

export type TE2E = {
  baseUrl: string;
  /** Requests the pages made to anywhere but our server: the built app must make none. */
  externalRequests: string[];
  /** A page in a fresh browser context that asks for English and sees only our server. */
  newPage: () => Promise<Page>;
  /** Everything `startE2E` started, stopped, and its temp folder removed. */
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${output()}`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), 20_000)),
  ]);
  if (timedOut) {
    server.kill('SIGKILL');
    await exited;
  }
}

/** Starts the built server (the admin seeded from the environment) and a headless Chromium. */
export async function startE2E(): Promise<TE2E> {
  const missing = [SERVER_MAIN, WEB_INDEX].filter((f) => !fs.existsSync(f));
  if (missing.length > 0)
    throw new Error(
      `The web e2e test runs the built app, and ${missing.map((f) => path.relative(ROOT, f)).join(' and ')} ` +
        'is missing. Run `npm run build` first.',
    );
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-web-e2e-'));
  // Under root the embedded PostgreSQL runs as `postgres`, which must be able to enter this folder.
  fs.chmodSync(dataDir, 0o755);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    if (server) await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      HAMKKE_DATA_DIR: dataDir,
      HAMKKE_ADMIN_EMAIL: ADMIN_EMAIL,
      HAMKKE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    env.HAMKKE_WEB_DIST = WEB_DIST;
    let output = '';
    server = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitForReady(baseUrl, server, () => output, 90_000);

    const launched = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    browser = launched;
    const externalRequests: string[] = [];
    const newPage = async () => {
      // A browser that asks for English: the app must still start in Korean and ask the API in Korean.
      const context = await launched.newContext({ locale: 'en-US', viewport: { width: 1100, height: 720 } });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
        externalRequests.push(url);
        return route.abort();
      });
      return context.newPage();
    };
    return { baseUrl, externalRequests, newPage, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Signs in through the form, in Korean, and waits for the workspace's ticket list. */
export async function signInAsAdmin(page: Page): Promise<void> {
  await signInAs(page, ADMIN_EMAIL, ADMIN_PASSWORD);
}

/** Signs in through the form and waits for the first page a staff member sees: the ticket list. */
export async function signInAs(page: Page, email: string, password: string, heading = '티켓'): Promise<void> {
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}
