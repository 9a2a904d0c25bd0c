// The monthly operations report in the built app against the real server: a manager generates the
// month's reports as a run with its progress, opens one, edits the remarks, signs it off and downloads
// the PDF; the customer then finds it in the portal. axe-core on both pages.
// Needs the server built (`npx tsc -b packages/core packages/server`) and the app built; drives
// Debian's Chromium (never a downloaded browser).
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSeoul } from '../src/format.js';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Reports-Password-1234';
const MANAGER = { email: 'manager@reports.test', name: '한팀장' };
const CUSTOMER = { email: 'it@daehan.test', name: '정현업' };
const ORG = { name: '대한물산', code: 'DHM' };
const REMARKS = '이번 달은 **MM 입고 오류** 외에는 안정적으로 운영되었습니다.';
const month = todayInSeoul().slice(0, 7);

let e2e: TE2E;
let admin: TSession;
let organizationId = '';

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  organizationId = (await admin.post('/organizations', ORG)).id;
  await admin.post(`/organizations/${organizationId}/contracts`, {
    name: '대한물산 SAP 운영',
    startsOn: '2026-01-01',
    endsOn: '2030-12-31',
    services: ['support', 'monthly_report'],
    monthlyHours: 40,
  });
  await admin.post('/users', { ...MANAGER, role: 'manager', password: PASSWORD });
  await admin.post('/users', { ...CUSTOMER, role: 'customer', organizationId, password: PASSWORD });
  for (const title of ['MIGO 입고 오류', 'ME21N 구매오더 출력'])
    await admin.post('/tickets', { organizationId, title, module: 'MM', type: 'incident' });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe('monthly report', () => {
  it('is generated, edited, signed off and downloaded by the manager, then read by the customer in the portal', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/reports?month=${month}`);
    await signInAs(page, MANAGER.email, PASSWORD, '월간 운영 보고');
    const row = page.getByRole('row').filter({ hasText: `${ORG.name} (${ORG.code})` });
    await row.waitFor();
    expect(await row.getByTestId('report-status').textContent()).toBe('미생성');

    // Generate all: a run with its progress, polled until it ends.
    await page.getByRole('button', { name: '전체 생성' }).click();
    await page.getByText(/생성 완료: \d+개 중 \d+개 성공, 0개 실패/).waitFor({ timeout: 30_000 });
    await expect.poll(() => row.getByTestId('report-status').textContent()).toBe('초안');
    await shot(page, 'reports-month');
    await expectAccessible(page, 'reports list');

    // The report as a page: figures, remarks until signed.
    await row.getByRole('link', { name: `${ORG.name} (${ORG.code})` }).click();
    await page.getByRole('heading', { name: `${ORG.name} ${month} 운영 보고`, level: 1 }).waitFor();
    await page.locator('figure[data-chart="유형별"]').getByRole('link', { name: '접수, 장애: 2' }).waitFor();
    await page.getByRole('textbox', { name: '운영팀 의견' }).fill(REMARKS);
    await page.getByRole('button', { name: '의견 저장' }).click();
    await page.getByText('의견을 저장했습니다.').waitFor();
    await page.getByText('미리 보기').click();
    expect(await page.locator('.report-remarks-preview strong').textContent()).toBe('MM 입고 오류');
    await expectAccessible(page, 'report page');

    // Sign-off freezes the report: no more editing.
    await page.getByRole('button', { name: '서명', exact: true }).click();
    await page
      .getByRole('dialog', { name: '보고서 서명' })
      .getByRole('button', { name: '서명합니다' })
      .click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('서명됨');
    await page.getByText(`${MANAGER.name} 서명`, { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: '운영팀 의견' }).count()).toBe(0);
    await page.getByText('MM 입고 오류').first().waitFor();
    await shot(page, 'reports-signed');

    // The PDF download.
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF 내려받기' }).click(),
    ]);
    expect(
      fs
        .readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await page.context().close();

    // The customer sees the signed report in the portal and can download it.
    const portal = await e2e.newPage();
    await portal.goto(e2e.baseUrl);
    await signInAs(portal, CUSTOMER.email, PASSWORD, '문의 내역');
    await portal.getByRole('link', { name: '운영 보고서' }).click();
    await portal.getByRole('heading', { name: '월간 운영 보고서', level: 1 }).waitFor();
    await portal.getByRole('link', { name: `${month} 보고서 보기` }).click();
    await portal.getByRole('heading', { name: `${ORG.name} ${month} 운영 보고`, level: 1 }).waitFor();
    await portal.getByText('MM 입고 오류').first().waitFor();
    await expectAccessible(portal, 'portal report');
    await shot(portal, 'reports-portal');
    const [xlsx] = await Promise.all([
      portal.waitForEvent('download'),
      portal.getByRole('link', { name: 'XLSX 내려받기' }).click(),
    ]);
    // An XLSX is a ZIP archive.
    expect(
      fs
        .readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await portal.context().close();
  });
});
