// Periodic inspections in the built app against the real server: running a checklist on an
// inspection ticket to completion, with a failed item that opens a follow-up ticket in one click and
// completion held back (with the reason) until every item is answered; the templates and the list.
// Accessibility (axe-core) and screenshots. Needs the built app; drives Debian's Chromium.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Inspect-Password-1234';
const AGENT = { email: 'inspect-agent@hamkke.test', name: '서점검' };

type TTemplate = { id: string; name: string; items: { id: string; title: string }[] };
type TTicketRef = { id: string; number: string; title: string; status: string };

let e2e: TE2E;
let admin: TSession;
let ticket: TTicketRef;
let template: TTemplate;

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const org = await admin.post('/organizations', { name: '세진화학', code: 'SJC' });
  await admin.post('/users', { ...AGENT, role: 'agent', password: PASSWORD });
  const templates = await admin.get<{ items: TTemplate[] }>('/inspection-templates');
  // A small checklist of its own, so the test answers every item.
  template = await admin.post<TTemplate>('/inspection-templates', {
    name: 'E2E 월간 점검',
    module: 'BC',
    items: [
      {
        id: 'sm37',
        area: 'Basis',
        title: '백그라운드 잡 (SM37)',
        guide: '취소된 잡 조회',
        expected: '취소 0건',
      },
      {
        id: 'st22',
        area: 'Basis',
        title: '덤프 (ST22)',
        guide: '지난 1개월 덤프',
        expected: '반복 덤프 없음',
      },
      {
        id: 'suim',
        area: '보안',
        title: '권한 (SUIM)',
        guide: 'SAP_ALL 사용자',
        expected: '승인된 사용자만',
      },
    ],
  });
  expect(templates.items.length).toBeGreaterThan(0);
  ticket = await admin.post<TTicketRef>('/tickets', {
    organizationId: org.id,
    type: 'inspection',
    title: '11월 정기 점검',
    module: 'BC',
  });
  await admin.post(`/tickets/${ticket.id}/inspection`, { templateId: template.id });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

const item = (panel: Locator, id: string) => panel.locator(`[data-item="${id}"]`);

async function answer(panel: Locator, id: string, result: '정상' | '주의' | '이상') {
  const row = item(panel, id);
  await row.getByRole('radio', { name: result }).click();
  await expect.poll(() => row.getByRole('radio', { name: result }).isChecked()).toBe(true);
  await row.getByText(AGENT.name, { exact: false }).waitFor();
}

describe('running an inspection', () => {
  it('answers every item, opens a follow-up from a failed one and completes the inspection', async () => {
    const page: Page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, AGENT.email, PASSWORD);
    await page.goto(`${e2e.baseUrl}/tickets/${ticket.number}`);
    await page.getByRole('heading', { name: ticket.title, level: 1 }).waitFor();
    const panel = page.getByRole('region', { name: '점검표' });
    await panel.getByRole('heading', { name: 'Basis' }).waitFor();
    await panel.getByRole('heading', { name: '보안' }).waitFor();
    await panel.getByText('정상 기준: 취소 0건').waitFor();

    const complete = panel.getByRole('button', { name: '점검 완료' });
    expect(await complete.isDisabled()).toBe(true);
    await panel.getByText('미응답 3건').waitFor();

    await answer(panel, 'sm37', '정상');
    await answer(panel, 'st22', '주의');
    expect(await complete.isDisabled()).toBe(true);
    expect(await panel.getByText(/미응답 1건: 권한 \(SUIM\)/).count()).toBe(1);

    // The failed item: a note, then the follow-up ticket in one click.
    const suim = item(panel, 'suim');
    await suim.getByRole('textbox', { name: '권한 (SUIM) 메모' }).fill('미승인 SAP_ALL 사용자 2명');
    await answer(panel, 'suim', '이상');
    await suim.getByRole('button', { name: '권한 (SUIM) 후속 티켓 만들기' }).click();
    const followUpLink = suim.getByRole('link', { name: /후속 티켓 .+-\d+/ });
    await followUpLink.waitFor();
    const followUpNumber = ((await followUpLink.textContent()) ?? '').match(/[A-Z]+-\d+/)?.[0] ?? '';
    expect(followUpNumber).not.toBe('');

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'inspection-checklist');

    expect(await complete.isDisabled()).toBe(false);
    await complete.click();
    await panel.getByText(`${AGENT.name}이(가)`, { exact: false }).waitFor();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('해결됨');
    // A completed inspection is a record: no answer can change any more.
    expect(await panel.getByRole('radio', { name: '정상' }).first().isDisabled()).toBe(true);

    const inspection = await admin.get<{
      completedAt: string | null;
      summary: { ok: number; warning: number; failed: number; unanswered: number };
      items: { id: string; answer: { note: string; followUp: { number: string } | null } | null }[];
    }>(`/tickets/${ticket.id}/inspection`);
    expect(inspection.completedAt).not.toBeNull();
    expect(inspection.summary).toEqual({ total: 3, ok: 1, warning: 1, failed: 1, unanswered: 0 });
    const failed = inspection.items.find((i) => i.id === 'suim');
    expect(failed?.answer?.note).toBe('미승인 SAP_ALL 사용자 2명');
    expect(failed?.answer?.followUp?.number).toBe(followUpNumber);
    const followUp = await admin.get<TTicketRef & { type: string }>(`/tickets/${followUpNumber}`);
    expect(followUp.type).toBe('incident');
    expect(followUp.title).toContain('권한 (SUIM)');

    // The follow-up opens from the link.
    await followUpLink.click();
    await page.getByRole('heading', { name: followUp.title, level: 1 }).waitFor();
    await page.context().close();
  });

  it('lists the inspection with its findings and shows the checklist templates by version', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto(`${e2e.baseUrl}/inspections`);
    await page.getByRole('heading', { name: '정기 점검', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: '점검 목록' });
    const row = list.getByRole('row').filter({ hasText: ticket.number });
    await row.waitFor();
    expect(await row.textContent()).toContain('정상 1 · 주의 1 · 이상 1 · 미응답 0');
    expect(await row.textContent()).toContain('권한 (SUIM) →');
    await shot(page, 'inspections');

    await page.getByRole('tab', { name: '점검표' }).click();
    await page.getByRole('button', { name: `${template.name} 점검표 수정` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '3. 정상 기준' }).fill('SAP_ALL 사용자 0명');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    const items = page.getByRole('region', { name: `${template.name} 점검 항목 (버전 2)` });
    await items.getByText('SAP_ALL 사용자 0명', { exact: false }).waitFor();
    // The inspection keeps the version it started with.
    const kept = await admin.get<{ template: { version: number } }>(`/tickets/${ticket.id}/inspection`);
    expect(kept.template.version).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'inspection-templates');
    await page.context().close();
  });
});
