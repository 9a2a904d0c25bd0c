// The improvement register in the built app against the real server: creating an item (a refused
// save shows at the field), moving it through its statuses to done, the list's filters, accessibility
// (axe-core) and screenshots. Needs the built app; drives Debian's Chromium.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Improve-Password-1234';
const AGENT = { email: 'improve-agent@hamkke.test', name: '윤개선' };
const VIEWER = { email: 'improve-viewer@hamkke.test', name: '조회만' };
const TITLE = 'MM 입고 오류 대응 가이드 정비';

let e2e: TE2E;
let admin: TSession;
let ticket: { id: string; number: string };

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const org = await admin.post('/organizations', { name: '대한상사', code: 'DHS' });
  await admin.post('/users', { ...AGENT, role: 'agent', password: PASSWORD });
  await admin.post('/users', { ...VIEWER, role: 'viewer', password: PASSWORD });
  ticket = await admin.post('/tickets', {
    organizationId: org.id,
    type: 'incident',
    title: 'MIGO 입고 시 M7 오류 반복',
    module: 'MM',
  });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

const select = (scope: Page | Locator, label: string) =>
  scope
    .getByRole('combobox', { name: label })
    .or(scope.getByRole('textbox', { name: label }))
    .first();

async function choose(page: Page, scope: Page | Locator, label: string, option: string) {
  await select(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('improvement register', () => {
  it('creates an improvement and moves it idea → planned → doing → measuring → done', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, AGENT.email, PASSWORD);
    await page.goto(`${e2e.baseUrl}/improvements`);
    await page.getByRole('heading', { name: '개선 과제', level: 1 }).waitFor();
    await page.getByText('조건에 맞는 개선 과제가 없습니다.').waitFor();

    await page.getByRole('button', { name: '개선 과제 등록' }).click();
    const dialog = page.getByRole('dialog');
    // An empty title is refused by the server, and the refusal shows at the field.
    await dialog.getByRole('button', { name: '저장' }).click();
    const title = dialog.getByRole('textbox', { name: '제목' });
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');

    await title.fill(TITLE);
    await choose(page, dialog, '구분', 'C 개선 방식 개선');
    await choose(page, dialog, '계기', '회고');
    await choose(page, dialog, '지표', '평균 해결 시간(시간)');
    await dialog.getByRole('textbox', { name: '목표값' }).fill('12');
    await dialog.getByRole('textbox', { name: '연결 티켓' }).fill(ticket.number);
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const status = page.locator('[data-improvement-status]').first();
    await expect.poll(() => status.textContent()).toBe('아이디어');
    await page.getByRole('link', { name: ticket.number }).waitFor();
    await page.getByRole('group', { name: '목표' }).getByText('12').waitFor();

    for (const [next, label] of [
      ['planned', '계획'],
      ['doing', '진행'],
      ['measuring', '측정'],
      ['done', '완료'],
    ] as const) {
      await page.getByRole('button', { name: `상태를 ${label}(으)로 변경` }).click();
      await expect.poll(() => status.getAttribute('data-improvement-status')).toBe(next);
    }
    // Done is final: no further move is offered.
    expect(await page.getByRole('button', { name: /상태를 .*변경/ }).count()).toBe(0);
    await page.getByRole('group', { name: '이후(측정)' }).waitFor();
    await page.getByRole('figure', { name: '주별 A/B/C 시간 비중' }).waitFor();

    const list = await admin.get<{
      items: { title: string; status: string; kind: string; tickets: unknown[] }[];
    }>('/improvements');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: TITLE, status: 'done', kind: 'C' });
    expect(list.items[0]?.tickets).toHaveLength(1);

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'improvement-item');

    await page.getByRole('link', { name: '개선 과제 목록' }).click();
    await choose(page, page, '상태', '완료');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await choose(page, page, '상태', '진행');
    await page.getByText('조건에 맞는 개선 과제가 없습니다.').waitFor();
    await choose(page, page, '상태', '전체');
    await page.getByRole('link', { name: TITLE }).waitFor();
    const listViolations = await seriousViolations(page);
    expect(listViolations, JSON.stringify(listViolations, null, 2)).toEqual([]);
    await shot(page, 'improvements');
    await page.context().close();
  });

  it('shows a viewer the register without create, edit or status controls', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, VIEWER.email, PASSWORD);
    await page.goto(`${e2e.baseUrl}/improvements`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: '수정' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /상태를/ }).count()).toBe(0);
    await page.context().close();
  });
});
