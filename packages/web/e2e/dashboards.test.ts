// The dashboards in the built app against the real server: a viewer filters by customer and the
// figures change; clicking a bar opens the workspace list with exactly the tickets behind it; the CSV
// of a figure has its header and rows; the table view and axe-core for accessibility.
// Needs the server built (`npx tsc -b packages/core packages/server`) and the app built; drives
// Debian's Chromium (never a downloaded browser).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSeoul } from '../src/format.js';
import { isoWeekOf } from '../src/reports/periods.js';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Dashboards-Password-1234';
const VIEWER = { email: 'viewer@dash.test', name: '윤조회' };
const A_TITLES = ['MIGO 입고 오류 1', 'MIGO 입고 오류 2', 'MIGO 입고 오류 3'];
const B_TITLES = ['FB60 잔액 불일치 1', 'FB60 잔액 불일치 2'];

type TRef = { id: string; number: string; version: number };

let e2e: TE2E;
let admin: TSession;
let orgA = '';
const week = isoWeekOf(todayInSeoul());

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  orgA = (await admin.post('/organizations', { name: '한빛제조', code: 'HBD' })).id;
  const orgB = (await admin.post('/organizations', { name: '새봄식품', code: 'SBD' })).id;
  await admin.post('/users', { ...VIEWER, role: 'viewer', password: PASSWORD });
  const a: TRef[] = [];
  for (const title of A_TITLES)
    a.push(
      await admin.post<TRef>('/tickets', { organizationId: orgA, title, module: 'MM', type: 'incident' }),
    );
  for (const title of B_TITLES)
    await admin.post<TRef>('/tickets', { organizationId: orgB, title, module: 'FI', type: 'inquiry' });
  // One of A's is resolved this week.
  await admin.patch(`/tickets/${a[0]!.id}`, { status: 'resolved', version: a[0]!.version });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

const flowChart = (page: Page) => page.locator('figure[data-chart="접수 대 해결"]');

describe('dashboards', () => {
  it('filters the figures by customer and opens exactly the tickets behind a bar', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/dashboards`);
    await signInAs(page, VIEWER.email, PASSWORD, '대시보드');
    // Every customer: 5 created this week, 1 resolved.
    await flowChart(page)
      .getByRole('link', { name: `접수, ${week}: 5` })
      .waitFor();
    await flowChart(page)
      .getByRole('link', { name: `해결, ${week}: 1` })
      .waitFor();
    expect(await page.getByRole('heading', { name: 'SLA 준수율' }).count()).toBe(1);
    await shot(page, 'dashboards');
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    // The customer filter goes into the address and the figures follow it.
    await page.getByRole('combobox', { name: '고객사' }).click();
    await page.getByRole('option', { name: '한빛제조 (HBD)' }).click();
    await flowChart(page)
      .getByRole('link', { name: `접수, ${week}: 3` })
      .waitFor();
    expect(new URL(page.url()).searchParams.get('organizationId')).toBe(orgA);

    // The table view holds the same figures.
    await flowChart(page).getByRole('button', { name: '표로 보기' }).click();
    const table = flowChart(page).getByRole('table');
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: week }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['3', '1']);
    await flowChart(page).getByRole('button', { name: '차트로 보기' }).click();

    // Clicking the bar opens the workspace list with exactly those tickets.
    await flowChart(page)
      .getByRole('link', { name: `접수, ${week}: 3` })
      .click();
    await page.getByRole('heading', { name: '티켓', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tickets');
    const rows = page.locator('.ticket-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const titles = await rows.locator('td').allTextContents();
    for (const title of A_TITLES) expect(titles.join(' ')).toContain(title);
    for (const title of B_TITLES) expect(titles.join(' ')).not.toContain(title);
    await shot(page, 'dashboards-click-through');
    await page.context().close();
  });

  it('downloads a figure as CSV with its header and a row per period', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/dashboards?organizationId=${orgA}`);
    await signInAs(page, VIEWER.email, PASSWORD, '대시보드');
    await flowChart(page)
      .getByRole('link', { name: `접수, ${week}: 3` })
      .waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      flowChart(page).getByRole('link', { name: '접수 대 해결 CSV 내려받기' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hamkke-flow-.*\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(0, 7)).toEqual([
      'series',
      'period',
      'start',
      'end',
      'created',
      'resolved',
      'backlog',
    ]);
    const thisWeek = lines.find((l) => l.startsWith(`points,${week},`))!.split(',');
    expect(thisWeek[columns.indexOf('created')]).toBe('3');
    expect(thisWeek[columns.indexOf('resolved')]).toBe('1');
    expect(lines.at(-1)).toMatch(/^total,/);
    await page.context().close();
  });
});
