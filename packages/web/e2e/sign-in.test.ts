// The built web app against the real server: sign in through the form, see the Korean greeting and the
// latest tickets, switch to English, and see the API's Korean error for a wrong password.
// Needs `npm run build` first; drives Debian's Chromium (never a downloaded browser).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SERVER_MAIN = path.join(ROOT, 'packages/server/dist/main.js');
const WEB_INDEX = path.join(ROOT, 'packages/web/dist/index.html');
const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');
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

const ADMIN_EMAIL = 'admin@hamkke.test';
const ADMIN_PASSWORD = 'e2e-Password-1234';
const ADMIN_NAME = '관리자';
const TICKET_TITLE = 'MM 구매오더 출력 오류';

let server: ChildProcess | undefined;
let serverOutput = '';
let dataDir = '';
let baseUrl = '';
let browser: Browser | undefined;
/** Requests the page made to anywhere but our server: the built app must make none. */
const externalRequests: string[] = [];

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

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${serverOutput}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${serverOutput}`);
}

/** Gives the list something to show: one organization and one ticket, made through the API. */
async function seedTicket(): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const post = async (pathname: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/v1${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { id: string };
  };
  const organization = await post('/organizations', { name: '한빛제조', code: 'HBM' });
  await post('/tickets', {
    organizationId: organization.id,
    title: TICKET_TITLE,
    impact: 'high',
    urgency: 'high',
  });
  await fetch(`${baseUrl}/api/v1/auth/logout`, { method: 'POST', headers: { cookie } });
}

async function newPage(): Promise<Page> {
  // A browser that asks for English: the app must still start in Korean and ask the API in Korean.
  const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1100, height: 720 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
    externalRequests.push(url);
    return route.abort();
  });
  return context.newPage();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  const missing = [SERVER_MAIN, WEB_INDEX].filter((f) => !fs.existsSync(f));
  if (missing.length > 0)
    throw new Error(
      `The web e2e test runs the built app, and ${missing.map((f) => path.relative(ROOT, f)).join(' and ')} ` +
        'is missing. Run `npm run build` first.',
    );
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\`.`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamkke-web-e2e-'));
  // Under root the embedded PostgreSQL runs as `postgres`, which must be able to enter this folder.
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
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
  delete env.HAMKKE_WEB_DIST;
  server = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  await waitForReady(baseUrl, server, 90_000);
  await seedTicket();

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise<void>((resolve) => server!.once('exit', () => resolve()));
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
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('web app', () => {
  it('signs in through the form, greets in Korean, switches to English; a wrong password shows the Korean error', async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
    await page.getByRole('heading', { name: '로그인' }).waitFor();

    // Wrong password: the problem+json detail, in Korean.
    await page.getByLabel('이메일').fill(ADMIN_EMAIL);
    await page.getByLabel('비밀번호').fill('not-the-password');
    await page.getByRole('button', { name: '로그인' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('이메일 또는 비밀번호가 올바르지 않습니다');
    await shot(page, 'sign-in-wrong-password');

    // Right password: the greeting and the latest tickets.
    await page.getByLabel('비밀번호').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('heading', { name: `안녕하세요, ${ADMIN_NAME}` }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TICKET_TITLE });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toMatch(/^HBM-\d+$/);
    expect(cells.slice(1)).toEqual([TICKET_TITLE, '신규', 'P1']);
    await shot(page, 'home-ko');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Hello, ${ADMIN_NAME}` }).waitFor();
    await page.getByRole('heading', { name: 'Latest tickets' }).waitFor();
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('New');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'home-en');

    // Signing out returns to the form, still in English.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'signed-out-en');

    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('serves the app on deep links and keeps unknown API paths as problem+json 404', async () => {
    const page = await newPage();
    const response = await page.goto(`${baseUrl}/tickets/HBM-000001?tab=timeline`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await page.context().close();

    for (const [method, pathname] of [
      ['GET', '/api/no-such-thing'],
      ['GET', '/api/v2/tickets'],
      ['POST', '/no-such-page'],
    ] as const) {
      const response = await fetch(`${baseUrl}${pathname}`, { method, headers: { 'accept-language': 'ko' } });
      expect(response.status, `${method} ${pathname}`).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, title: '찾을 수 없습니다' });
    }

    expect(externalRequests).toEqual([]);
  });
});
