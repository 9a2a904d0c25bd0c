// The built web app against the real server: sign in through the form, see the Korean greeting and the
// latest tickets, switch to English, and see the API's Korean error for a wrong password.
// Needs `npm run build` first; drives Debian's Chromium (never a downloaded browser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, shot, startE2E, type TE2E } from './server.js';

const TICKET_TITLE = 'MM 구매오더 출력 오류';

let e2e: TE2E | undefined;
let baseUrl = '';
let externalRequests: string[] = [];
const newPage = () => e2e!.newPage();

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

beforeAll(async () => {
  e2e = await startE2E();
  baseUrl = e2e.baseUrl;
  externalRequests = e2e.externalRequests;
  await seedTicket();
});

afterAll(async () => {
  await e2e?.stop();
});

describe('web app', () => {
  it('signs in through the form, greets in Korean, switches to English; a wrong password shows the Korean error', async () => {
    const page = await newPage();
    await page.goto(baseUrl);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ko');
    await page.getByRole('heading', { name: '로그인' }).waitFor();

    // Wrong password: the problem+json detail, in Korean.
    await page.getByLabel('이메일').fill(ADMIN_EMAIL);
    await page.getByLabel('비밀번호', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '로그인' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('이메일 또는 비밀번호가 올바르지 않습니다');
    await shot(page, 'sign-in-wrong-password');

    // Right password: the workspace with the latest tickets, the user named in the top bar.
    await page.getByLabel('비밀번호', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('heading', { name: '티켓', level: 1 }).waitFor();
    await page.getByText(`${ADMIN_NAME} (관리자)`).waitFor();
    const row = page.getByRole('row').filter({ hasText: TICKET_TITLE });
    await row.waitFor();
    // Cells: selection, number, customer, title, type, module, priority, status, assignee, SLA, updated.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toMatch(/^HBM-\d+$/);
    expect(cells.slice(2, 8)).toEqual(['한빛제조', TICKET_TITLE, '문의', '', 'P1', '신규']);
    await shot(page, 'home-ko');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    await page.getByText(`${ADMIN_NAME} (Admin)`).waitFor();
    expect(await row.getByRole('cell').nth(7).textContent()).toBe('New');
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
