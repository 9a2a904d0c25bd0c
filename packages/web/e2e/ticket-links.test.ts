// The ticket page's "links / similar cases" section in the built app against the real server: the
// similar resolved tickets with their reasons, linking and unlinking an article, the viewer's
// read-only view, accessibility (axe-core) and a screenshot.
// Needs the built app (HAMKKE_E2E_WEB_DIST or `npm run build`); drives Debian's Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Links-Password-1234';
const AGENT = { email: 'links-agent@hamkke.test', name: '정상담' };
const VIEWER = { email: 'links-viewer@hamkke.test', name: '한조회' };

type TTicketRef = { id: string; number: string; title: string };

let e2e: TE2E;
let admin: TSession;
let current: TTicketRef;
let obvious: TTicketRef;
let unrelated: TTicketRef;
let article: { id: string; code: string; title: string };

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const org = await admin.post('/organizations', { name: '다온물산', code: 'DAO' });
  const system = await admin.post(`/organizations/${org.id}/systems`, {
    sid: 'PRD',
    tier: 'PRD',
    client: '100',
    product: 'S/4HANA',
  });
  for (const [user, role] of [
    [AGENT, 'agent'],
    [VIEWER, 'viewer'],
  ] as const)
    await admin.post('/users', { ...user, role, password: PASSWORD });
  const ticket = (fields: { title: string; description: string; module: string; systemId?: string }) =>
    admin.post<TTicketRef>('/tickets', { organizationId: org.id, type: 'incident', ...fields });
  const resolve = (t: TTicketRef) => admin.patch(`/tickets/${t.id}`, { status: 'resolved' });

  obvious = await ticket({
    title: 'ME21N 구매오더 저장 불가 (M7 021)',
    description: '구매오더 저장 시 M7 021 메시지가 나옵니다. 자재 단위 변환 확인 요청',
    module: 'MM',
    systemId: system.id,
  });
  const weaker = await ticket({
    title: '구매오더 저장 오류',
    description: '테스트 중 구매오더 저장이 되지 않습니다.',
    module: 'MM',
  });
  unrelated = await ticket({
    title: 'FB60 송장 전기 시 세금코드 오류',
    description: '세금코드가 비어 있어 전기가 되지 않습니다.',
    module: 'FI',
    systemId: system.id,
  });
  for (const t of [obvious, weaker, unrelated]) await resolve(t);
  current = await ticket({
    title: 'ME21N 구매오더 저장 시 M7 021 오류',
    description: '구매오더를 생성하고 저장 버튼을 누르면 M7 021 메시지가 나오며 저장되지 않습니다.',
    module: 'MM',
    systemId: system.id,
  });
  article = await admin.post('/articles', {
    title: '자재 단위 변환 점검 가이드',
    body: '구매 단위와 기본 단위의 변환 비율을 자재 마스터에서 확인합니다.',
    visibility: 'public',
    status: 'published',
  });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

const section = (page: Page) => page.getByRole('region', { name: '연결 / 비슷한 사례' });

async function openTicket(page: Page, email: string, ticket: TTicketRef): Promise<void> {
  await page.goto(e2e.baseUrl);
  await signInAs(page, email, PASSWORD);
  await page.goto(`${e2e.baseUrl}/tickets/${ticket.number}`);
  await page.getByRole('heading', { name: ticket.title, level: 1 }).waitFor();
}

describe('ticket links and similar cases', () => {
  it('shows the agent the similar resolved ticket first with its reasons; the agent links and unlinks an article', async () => {
    const page = await e2e.newPage();
    await openTicket(page, AGENT.email, current);
    const links = section(page);
    await links.getByRole('heading', { name: '비슷한 과거 사례' }).waitFor();

    const similar = links.getByRole('list', { name: '해결된 티켓' });
    await similar.waitFor();
    const items = similar.getByRole('listitem');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(1);
    const first = items.first();
    await expect.poll(() => first.textContent()).toContain(obvious.title);
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain('같은 시스템');
    expect(firstText).toContain('같은 모듈');
    expect(firstText).toMatch(/공통 단어: .*구매오더/);
    expect(await similar.textContent()).not.toContain(unrelated.title);
    // The weaker case (same module, another system, fewer shared words) comes after it.
    await expect.poll(() => items.count()).toBe(2);
    const second = (await items.nth(1).textContent()) ?? '';
    expect(second).toContain('구매오더 저장 오류');
    expect(second).toContain('같은 모듈');
    expect(second).not.toContain('같은 시스템');
    // Three similar incidents on the same module: the recurring-incident notice, naming them.
    const notice = links.getByRole('note').filter({ hasText: '반복 장애 의심' });
    await notice.waitFor();
    expect(await notice.getByRole('link').allTextContents()).toContain(obvious.number);
    // Each similar ticket links to its page.
    expect(await first.getByRole('link', { name: obvious.number }).getAttribute('href')).toBe(
      `/tickets/${obvious.number}`,
    );

    // Link a published article through the picker (keyboard: type, then the labelled button).
    await links.getByText('연결된 문서가 없습니다.').waitFor();
    await links.getByLabel('문서 찾아 연결').fill('단위 변환');
    const linkButton = links.getByRole('button', { name: `${article.code} 문서 연결` });
    await linkButton.waitFor();
    await linkButton.focus();
    await page.keyboard.press('Enter');
    const linked = links.getByRole('list', { name: '연결된 지식 문서' });
    await linked.getByText(article.title).waitFor();
    const viaApi = await admin.get<{ items: { articleId: string }[] }>(`/tickets/${current.id}/articles`);
    expect(viaApi.items.map((a) => a.articleId)).toEqual([article.id]);

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'ticket-links');

    await links.getByRole('button', { name: `${article.code} 문서 연결 해제` }).click();
    await links.getByText('연결된 문서가 없습니다.').waitFor();
    const after = await admin.get<{ items: unknown[] }>(`/tickets/${current.id}/articles`);
    expect(after.items).toEqual([]);
    await page.context().close();
  });

  it('drafts an article from a resolved ticket and shows the draft, linked to the ticket', async () => {
    const page = await e2e.newPage();
    await openTicket(page, AGENT.email, obvious);
    const links = section(page);
    await links.getByText('연결된 문서가 없습니다.').waitFor();
    await links.getByRole('button', { name: '초안 만들기' }).click();
    const made = links.getByRole('status').filter({ hasText: '새 문서 초안' });
    await made.waitFor();
    const drafts = await admin.get<{ items: { id: string; code: string; title: string; status: string }[] }>(
      `/articles?sourceTicketId=${obvious.id}`,
    );
    expect(drafts.items).toHaveLength(1);
    const draft = drafts.items[0]!;
    expect(draft.status).toBe('draft');
    expect(await made.textContent()).toContain(draft.code);
    const linked = links.getByRole('list', { name: '연결된 지식 문서' });
    await linked.getByText(draft.title).waitFor();
    expect(await linked.textContent()).toContain('(초안)');
    // An open ticket offers no draft.
    await page.goto(`${e2e.baseUrl}/tickets/${current.number}`);
    await section(page).getByRole('heading', { name: '비슷한 과거 사례' }).waitFor();
    expect(await section(page).getByRole('button', { name: '초안 만들기' }).count()).toBe(0);
    await page.context().close();
  });

  it('shows a viewer the section without link, unlink or draft controls', async () => {
    await admin.post(`/articles/${article.id}/tickets`, { ticketId: current.id });
    const page = await e2e.newPage();
    await openTicket(page, VIEWER.email, current);
    const links = section(page);
    await links.getByRole('list', { name: '연결된 지식 문서' }).getByText(article.title).waitFor();
    await links.getByRole('list', { name: '해결된 티켓' }).getByText(obvious.title).waitFor();
    expect(await links.getByRole('button').count()).toBe(0);
    expect(await links.getByLabel('문서 찾아 연결').count()).toBe(0);
    await page.context().close();
  });
});
