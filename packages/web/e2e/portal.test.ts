// The customer portal in the built app against the real server: a customer submits an incident with
// a file, an agent in another browser sees it live, replies and writes an internal note; the customer
// sees the reply live and never the note; the agent resolves; the customer rates and closes. Also:
// knowledge suggestions while typing and a counted deflection, and axe-core on the portal's pages.
// Needs the server built (`npx tsc -b packages/core packages/server`) and the app built; drives
// Debian's Chromium (never a downloaded browser).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Portal-Password-1234';
const CUSTOMER = { email: 'buyer@saebom.test', name: '최현업' };
const AGENT = { email: 'agent@portal.test', name: '정상담' };
const ARTICLE_TITLE = 'MIGO 입고 시 전기 기간 오류(M7 053) 해결 방법';
const INTERNAL_ARTICLE_TITLE = 'MIGO 전기 기간 내부 점검 절차';
const INTERNAL_NOTE = '원인: 고객사가 MMPV 기간 마감을 건너뜀 - 고객에게 공유하지 말 것';
const PUBLIC_REPLY = '확인했습니다. MMPV로 전기 기간을 연 뒤 다시 입고해 주세요.';

type TRef = { id: string; number: string };

let e2e: TE2E;
let admin: TSession;
let organizationId = '';
let articleId = '';

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  organizationId = (await admin.post('/organizations', { name: '새봄식품', code: 'SBF' })).id;
  const today = new Date().toISOString().slice(0, 10);
  await admin.post(`/organizations/${organizationId}/contracts`, {
    name: '새봄식품 SAP 운영 2026',
    startsOn: '2026-01-01',
    endsOn: today > '2027-12-31' ? today : '2027-12-31',
  });
  await admin.post(`/organizations/${organizationId}/systems`, {
    sid: 'SBP',
    tier: 'PRD',
    product: 'S/4HANA 2023',
    modules: ['FI', 'MM', 'SD'],
  });
  await admin.post('/users', { ...CUSTOMER, role: 'customer', organizationId, password: PASSWORD });
  await admin.post('/users', { ...AGENT, role: 'agent', password: PASSWORD });
  articleId = (
    await admin.post('/articles', {
      title: ARTICLE_TITLE,
      body: '## 증상\nMIGO 입고 시 `M7 053` 전기 기간 오류가 납니다.\n\n## 해결\n1. MMPV로 새 기간을 엽니다.\n2. MIGO에서 다시 입고합니다.',
      modules: ['MM'],
      visibility: 'public',
      status: 'published',
    })
  ).id;
  await admin.post('/articles', {
    title: INTERNAL_ARTICLE_TITLE,
    body: 'MIGO 전기 기간 오류가 나면 팀 내부에서 MMPV 실행 이력을 먼저 확인합니다.',
    modules: ['MM'],
    visibility: 'internal',
    status: 'published',
  });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function signInCustomer(page: Page): Promise<void> {
  await page.goto(e2e.baseUrl);
  await signInAs(page, CUSTOMER.email, PASSWORD, '문의 내역');
  expect(new URL(page.url()).pathname).toBe('/portal');
}

/** A file dropped on the zone, as a browser's drag and drop delivers it. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dropped = await page.evaluateHandle(
    ([fileName, content]) => {
      // In the page (this file compiles without the DOM library).
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add: (file: unknown) => void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([content!], fileName!, { type: 'text/plain' }));
      return transfer;
    },
    [name, text],
  );
  await page.locator('fieldset.dropzone').first().dispatchEvent('drop', { dataTransfer: dropped });
}

const comboboxOption = async (page: Page, box: string, option: string) => {
  await page.getByRole('combobox', { name: box }).click();
  await page.getByRole('option', { name: option }).click();
};

describe('customer portal', () => {
  it('takes an incident with a file; the agent sees it live and answers; the customer sees the reply but never the internal note, then rates and closes', async () => {
    const agent = await e2e.newPage();
    await agent.goto(e2e.baseUrl);
    await signInAs(agent, AGENT.email, PASSWORD);
    await agent.getByText('● 실시간 연결됨').waitFor();

    const customer = await e2e.newPage();
    await signInCustomer(customer);
    // Customers have the portal's menu, never the workspace's.
    expect(await customer.getByRole('navigation', { name: '메뉴' }).count()).toBe(0);
    await customer
      .getByRole('navigation', { name: '고객 포털' })
      .getByRole('link', { name: '새 문의 등록' })
      .click();
    await customer.getByRole('heading', { name: '새 문의 등록', level: 1 }).waitFor();

    await customer.getByRole('radio', { name: '장애' }).check();
    await comboboxOption(customer, '시스템', 'SBP (PRD) · S/4HANA 2023');
    await comboboxOption(customer, '모듈', 'MM');
    await comboboxOption(customer, '영향도', '높음 - 전사 또는 여러 부서');
    await comboboxOption(customer, '긴급도', '높음 - 지금 업무가 멈춤');
    await customer.getByText('예상 우선순위: P1').waitFor();
    const title = 'MIGO 입고 시 전기 기간 오류로 입고 불가';
    await customer.getByRole('textbox', { name: '제목' }).fill(title);
    await customer
      .getByRole('textbox', { name: '내용' })
      .fill('오늘 아침부터 **MIGO** 입고 시 `M7 053` 오류가 납니다.\n- 플랜트 1000\n- 이동 유형 101');
    await dropFile(customer, 'm7-053.txt', 'Posting only possible in periods 2026/10 and 2026/09');
    await customer.getByText('m7-053.txt').waitFor();
    // The public article is offered while typing; the internal one never is.
    await customer.locator('[data-article]', { hasText: ARTICLE_TITLE }).waitFor();
    expect(await customer.getByText(INTERNAL_ARTICLE_TITLE).count()).toBe(0);
    await expectAccessible(customer, 'portal new ticket');
    await shot(customer, 'portal-new-ticket');

    await customer.getByRole('button', { name: '등록', exact: true }).click();
    await customer.getByRole('heading', { name: title, level: 1 }).waitFor();
    const number = decodeURIComponent(new URL(customer.url()).pathname.split('/').pop()!);
    expect(number).toMatch(/^SBF-\d+$/);
    await customer.locator('li[data-kind="attachment"]', { hasText: 'm7-053.txt' }).waitFor();
    expect(await customer.getByTestId('ticket-status').textContent()).toBe('신규');
    // Expected times from the contract's SLA: a due time for the first response and the resolution.
    expect(await customer.getByTestId('expected-times').textContent()).toMatch(
      /최초 응답\d{4}-\d\d-\d\d \d\d:\d\d까지/,
    );
    const created = await admin.get<
      TRef & { type: string; priority: string; channel: string; module: string }
    >(`/tickets/${number}`);
    expect(created).toMatchObject({ type: 'incident', priority: 'P1', module: 'MM' });

    // The agent's list shows it without a reload; the agent opens it.
    const row = agent.locator('.ticket-table tbody tr', { hasText: title });
    await row.waitFor({ timeout: 10_000 });
    await row.getByRole('link').first().click();
    await agent.getByRole('heading', { name: title, level: 1 }).waitFor();
    await agent.locator('li[data-kind="attachment"]', { hasText: 'm7-053.txt' }).waitFor();
    const composer = agent.getByRole('form', { name: '답변 작성' });
    // The internal note first: when the later public reply reaches the customer, the note exists.
    await composer.getByText('내부 메모').click();
    await composer.getByRole('textbox', { name: '내부 메모' }).fill(INTERNAL_NOTE);
    await composer.getByRole('button', { name: '보내기' }).click();
    await agent.locator('li[data-visibility="internal"]', { hasText: 'MMPV 기간 마감' }).waitFor();
    await composer.getByText('공개 답변').click();
    await composer.getByRole('textbox', { name: '공개 답변' }).fill(PUBLIC_REPLY);
    await composer.getByRole('button', { name: '보내기' }).click();
    await agent.locator('li[data-visibility="public"]', { hasText: PUBLIC_REPLY }).waitFor();

    // The customer's open page shows the reply live, and nothing internal.
    await customer.locator('li[data-kind="comment"]', { hasText: PUBLIC_REPLY }).waitFor({ timeout: 10_000 });
    const seen = await customer.locator('body').textContent();
    expect(seen).not.toContain('MMPV 기간 마감');
    expect(seen).not.toContain('내부 메모');
    expect(await customer.locator('[data-visibility="internal"]').count()).toBe(0);

    // The customer answers with a file.
    const reply = customer.getByRole('form', { name: '답변 작성' });
    await reply.getByRole('textbox', { name: '답변' }).fill('기간을 열고 다시 입고하니 됩니다.');
    await dropFile(customer, 'migo-ok.txt', 'Material document 5000001234 posted');
    await reply.getByText('migo-ok.txt').waitFor();
    await reply.getByRole('button', { name: '보내기' }).click();
    await customer.locator('li[data-kind="attachment"]', { hasText: 'migo-ok.txt' }).waitFor();
    await agent
      .locator('li[data-kind="comment"]', { hasText: '다시 입고하니 됩니다' })
      .waitFor({ timeout: 10_000 });

    // The agent resolves; the customer's page follows.
    await comboboxOption(agent, '상태', '해결됨');
    await expect.poll(() => agent.getByTestId('ticket-status').textContent()).toBe('해결됨');
    await expect
      .poll(() => customer.getByTestId('ticket-status').textContent(), { timeout: 10_000 })
      .toBe('해결됨');
    await customer.getByRole('button', { name: '해결 확인(종료)' }).waitFor();
    await customer.getByRole('heading', { name: '만족도 평가' }).waitFor();
    expect(await customer.locator('body').textContent()).not.toContain('MMPV 기간 마감');
    await expectAccessible(customer, 'portal ticket page');
    await shot(customer, 'portal-ticket-resolved');

    // Rated 5 with a comment, once.
    await customer.getByRole('radio', { name: '5 - 매우 만족' }).check();
    await customer.getByRole('textbox', { name: '의견 (선택)' }).fill('빠르게 해결해 주셔서 감사합니다.');
    await customer.getByRole('button', { name: '평가 보내기' }).click();
    await customer.getByText('평가해 주셔서 감사합니다. (5점)').waitFor();
    const summary = await admin.get<{ total: { responses: number; average: number | null } }>(
      `/csat/summary?groupBy=organization&organizationId=${organizationId}`,
    );
    expect(summary.total).toMatchObject({ responses: 1, average: 5 });

    // The customer accepts the resolution: closed, and no more replies.
    await customer.getByRole('button', { name: '해결 확인(종료)' }).click();
    await expect.poll(() => customer.getByTestId('ticket-status').textContent()).toBe('종료');
    await customer.getByText('종료된 티켓에는 답변할 수 없습니다').waitFor();
    expect((await admin.get<{ status: string }>(`/tickets/${number}`)).status).toBe('closed');

    // The list: not among the open tickets, among the done ones, with its expected times.
    await customer.getByRole('link', { name: '← 문의 내역으로' }).click();
    await customer.getByRole('heading', { name: '문의 내역', level: 1 }).waitFor();
    await customer.getByText('해당하는 티켓이 없습니다.').waitFor();
    await customer.getByText('완료', { exact: true }).click();
    const done = customer.locator('tr[data-ticket]', { hasText: title });
    await done.waitFor();
    expect(await done.textContent()).toContain('종료');
    await expectAccessible(customer, 'portal ticket list');
    await shot(customer, 'portal-list');

    // Rated once: in another browser a second rating is refused with the server's reason.
    const elsewhere = await e2e.newPage();
    await signInCustomer(elsewhere);
    await elsewhere.goto(`${e2e.baseUrl}/portal/tickets/${number}`);
    await elsewhere.getByRole('radio', { name: '1 - 매우 불만족' }).check();
    await elsewhere.getByRole('button', { name: '평가 보내기' }).click();
    await elsewhere.getByText('이미 응답한 만족도 조사입니다').waitFor();
    expect(
      (
        await admin.get<{ total: { responses: number; average: number | null } }>(
          `/csat/summary?groupBy=organization&organizationId=${organizationId}`,
        )
      ).total,
    ).toMatchObject({ responses: 1, average: 5 });
    expect(e2e.externalRequests).toEqual([]);
    await agent.context().close();
    await customer.context().close();
    await elsewhere.context().close();
  });

  it('offers public articles while the customer types, and counts one that answered as a deflection without a ticket', async () => {
    const before = await admin.get<{ items: unknown[] }>(
      `/tickets?organizationId=${organizationId}&limit=100`,
    );
    const page = await e2e.newPage();
    await signInCustomer(page);
    await page.goto(`${e2e.baseUrl}/portal/new`);
    await page.getByRole('heading', { name: '새 문의 등록', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: '제목' }).pressSequentially('MIGO 전기 기간', { delay: 30 });
    const suggestion = page.locator('[data-article]', { hasText: ARTICLE_TITLE });
    await suggestion.waitFor();
    expect(await page.getByText(INTERNAL_ARTICLE_TITLE).count()).toBe(0);
    await suggestion.getByRole('button', { name: `${ARTICLE_TITLE} 읽기` }).click();
    const reader = page.getByRole('dialog', { name: ARTICLE_TITLE });
    await reader.getByText('MMPV로 새 기간을 엽니다.').waitFor();
    await reader.getByRole('heading', { name: '증상', level: 3 }).waitFor();
    await shot(page, 'portal-article-suggestion');
    await reader.getByRole('button', { name: '이 글로 해결되었습니다' }).click();
    await page.getByRole('heading', { name: '해결되어 다행입니다' }).waitFor();

    const stats = await admin.get<{ total: number }>(`/articles/${articleId}/deflections`);
    expect(stats.total).toBe(1);
    const after = await admin.get<{ items: unknown[] }>(
      `/tickets?organizationId=${organizationId}&limit=100`,
    );
    expect(after.items.length).toBe(before.items.length);

    // The article has its own readable page in the portal.
    await page.goto(`${e2e.baseUrl}/portal/articles/${articleId}`);
    await page.getByRole('heading', { name: ARTICLE_TITLE, level: 1 }).waitFor();
    await page.getByText('MIGO에서 다시 입고합니다.').waitFor();
    await page.getByRole('heading', { name: '해결', level: 2 }).waitFor();
    await expectAccessible(page, 'portal article');
    await shot(page, 'portal-article');
    await page.context().close();
  });

  it("shows a colleague the organization's tickets and no other's, in English, and takes a mail link to the portal", async () => {
    const colleague = { email: 'planner@saebom.test', name: '한동료' };
    await admin.post('/users', { ...colleague, role: 'customer', organizationId, password: PASSWORD });
    const other = await admin.post('/organizations', { name: '다른상사', code: 'OTH' });
    await admin.post('/tickets', { organizationId: other.id, title: 'OTH 급여 계산 오류' });
    const ours = await admin.post<TRef>('/tickets', {
      organizationId,
      title: 'FB60 전표 저장 시 세금 코드 오류',
      module: 'FI',
    });

    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, colleague.email, PASSWORD, '문의 내역');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Tickets', level: 1 }).waitFor();
    await page.locator('tr[data-ticket]', { hasText: 'FB60 전표 저장 시 세금 코드 오류' }).waitFor();
    expect(await page.getByText('OTH 급여 계산 오류').count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Resolution expected' }).count()).toBe(1);
    await shot(page, 'portal-list-en');

    // The address a notification mail links to opens the ticket in the portal.
    await page.goto(`${e2e.baseUrl}/tickets/${ours.number}`);
    await page.getByRole('heading', { name: 'FB60 전표 저장 시 세금 코드 오류', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/portal/tickets/${ours.number}`);
    await page.getByRole('heading', { name: 'Expected times' }).waitFor();

    // Withdrawn after a confirmation: the status flow lets a customer cancel an open ticket.
    await page.getByRole('button', { name: 'Withdraw request' }).click();
    // The confirmation takes the focus: Enter answers it.
    await expect.poll(() => page.locator(':focus').textContent()).toBe('Withdraw');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Cancelled');
    expect((await admin.get<{ status: string }>(`/tickets/${ours.id}`)).status).toBe('cancelled');
    await page.context().close();
  });

  it('sends staff who open the portal to the workspace', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/portal`);
    await signInAs(page, AGENT.email, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/tickets');
    await page.context().close();
  });
});
