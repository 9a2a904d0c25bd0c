// The team pages in the built app against the real server: the manager rebalances by drag and drop
// (and by the keyboard's "move to…" menu), the new assignee shows on the ticket; deployments and the
// handover they produce; an agent sees the load read-only. Accessibility (axe-core) and screenshots.
// Needs the built app (HAMKKE_E2E_WEB_DIST or `npm run build`); drives Debian's Chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Team-Password-1234';
const MANAGER = { email: 'team-manager@hamkke.test', name: '강팀장' };
const KIM = { email: 'team-kim@hamkke.test', name: '김상담' };
const LEE = { email: 'team-lee@hamkke.test', name: '이상담' };

type TTicketRef = {
  id: string;
  number: string;
  title: string;
  assignee: { id: string; name: string } | null;
};

let e2e: TE2E;
let admin: TSession;
const ids: Record<string, string> = {};
let dragged: TTicketRef;
let keyed: TTicketRef;

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const org = await admin.post('/organizations', { name: '한빛제약', code: 'HBP' });
  for (const [user, role] of [
    [MANAGER, 'manager'],
    [KIM, 'agent'],
    [LEE, 'agent'],
  ] as const)
    ids[user.email] = (await admin.post('/users', { ...user, role, password: PASSWORD })).id;
  const ticket = (title: string, impact: string, urgency: string) =>
    admin.post<TTicketRef>('/tickets', {
      organizationId: org.id,
      type: 'incident',
      title,
      description: title,
      module: 'MM',
      impact,
      urgency,
      assigneeId: ids[KIM.email],
    });
  dragged = await ticket('MIGO 입고 전기 오류', 'high', 'high');
  keyed = await ticket('MRP 실행 결과 누락', 'low', 'low');
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

/** A Mantine Select (combobox, or textbox when searchable) in `scope`, by its label. */
const select = (scope: Page | ReturnType<Page['getByRole']>, label: string) =>
  scope
    .getByRole('combobox', { name: label })
    .or(scope.getByRole('textbox', { name: label }))
    .first();

const column = (page: Page, name: string) => page.locator(`section[data-person="${name}"]`);

async function weightedLoad(page: Page, name: string): Promise<string> {
  return (await column(page, name).getByTestId('weighted-load').textContent()) ?? '';
}

describe('team load and rebalancing', () => {
  it('lets the manager drag a ticket onto a colleague; the load and the ticket show the new assignee', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, MANAGER.email, PASSWORD);
    await page.goto(`${e2e.baseUrl}/team`);
    await page.getByRole('heading', { name: '팀 업무량', level: 1 }).waitFor();
    const kimList = page.getByRole('list', { name: `${KIM.name}의 열린 티켓` });
    await kimList.getByText(dragged.number).waitFor();
    expect(await column(page, LEE.name).getByText('열린 티켓이 없습니다.').count()).toBe(1);
    const before = await weightedLoad(page, LEE.name);
    expect(before).toBe('가중 업무량 0');

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'team-load');

    await page.locator(`li[data-ticket="${dragged.number}"]`).dragTo(column(page, LEE.name));
    const leeList = page.getByRole('list', { name: `${LEE.name}의 열린 티켓` });
    await leeList.getByText(dragged.number).waitFor();
    await expect.poll(() => kimList.getByText(dragged.number).count()).toBe(0);
    await expect.poll(() => weightedLoad(page, LEE.name)).not.toBe('가중 업무량 0');
    const viaApi = await admin.get<TTicketRef>(`/tickets/${dragged.id}`);
    expect(viaApi.assignee?.name).toBe(LEE.name);

    // The keyboard way: the card's "move to…" menu.
    const move = page.getByRole('button', { name: `${keyed.number} 다른 사람에게 이동` });
    await move.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: `${LEE.name}에게` }).click();
    await leeList.getByText(keyed.number).waitFor();
    expect((await admin.get<TTicketRef>(`/tickets/${keyed.id}`)).assignee?.name).toBe(LEE.name);
    await shot(page, 'team-rebalanced');

    // The ticket's own page names the new assignee.
    await leeList.getByRole('link', { name: dragged.number }).click();
    await page.getByRole('heading', { name: dragged.title, level: 1 }).waitFor();
    await expect.poll(() => select(page, '담당자').inputValue()).toBe(LEE.name);
    await page.context().close();
  });

  it('shows an agent the load without any move control', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, KIM.email, PASSWORD);
    await page.goto(`${e2e.baseUrl}/team`);
    await page.getByText('재배정은 팀장과 관리자만 할 수 있습니다.').waitFor();
    await page
      .getByRole('list', { name: `${LEE.name}의 열린 티켓` })
      .getByText(dragged.number)
      .waitFor();
    expect(await page.getByRole('button', { name: /다른 사람에게 이동/ }).count()).toBe(0);
    expect(await page.locator('li[draggable="true"]').count()).toBe(0);
    await page.context().close();
  });

  it('plans a deployment; its handover reassigns a ticket with a note and the receiver acknowledges it', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, MANAGER.email, PASSWORD);
    await page.goto(`${e2e.baseUrl}/team/deployments`);
    await page.getByRole('heading', { name: '프로젝트 투입', level: 1 }).waitFor();
    await page.getByRole('button', { name: '투입 등록' }).click();
    const dialog = page.getByRole('dialog');
    await select(dialog, '사람').click();
    await page.getByRole('option', { name: LEE.name }).click();
    await dialog.getByRole('textbox', { name: '프로젝트' }).fill('S/4 전환 프로젝트');
    await dialog.getByRole('textbox', { name: '비중(%)' }).fill('100');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    const calendar = page.getByRole('table', { name: '투입 달력' });
    await calendar.getByRole('rowheader', { name: LEE.name }).waitFor();
    expect(await calendar.textContent()).toContain('100%');

    await page.getByRole('button', { name: `${LEE.name} S/4 전환 프로젝트 인수인계 보기` }).click();
    const handover = page.getByRole('region', { name: `${LEE.name}의 인수인계 — S/4 전환 프로젝트` });
    await handover.getByText(keyed.title).waitFor();
    await select(handover, `${keyed.number} 받는 사람`).click();
    await page.getByRole('option', { name: KIM.name }).click();
    await handover
      .getByRole('textbox', { name: `${keyed.number} 인수인계 메모` })
      .fill('MRP 재실행 후 고객 확인만 남음');
    await handover.getByRole('button', { name: `${keyed.number} 인계` }).click();
    await handover.getByText('확인 대기').waitFor();
    expect((await admin.get<TTicketRef>(`/tickets/${keyed.id}`)).assignee?.name).toBe(KIM.name);
    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'team-deployments');
    await page.context().close();

    const kim = await e2e.newPage();
    await kim.goto(e2e.baseUrl);
    await signInAs(kim, KIM.email, PASSWORD);
    await kim.goto(`${e2e.baseUrl}/team/deployments`);
    const mine = kim.getByRole('region', { name: '내가 받은 인수인계' });
    await mine.getByText('MRP 재실행 후 고객 확인만 남음', { exact: false }).waitFor();
    await mine.getByRole('button', { name: `${keyed.number} 인수 확인` }).click();
    await mine.waitFor({ state: 'detached' });
    const items = await admin.get<{ items: { acknowledgedAt: string | null }[] }>(
      `/team/handover-items?toUserId=${ids[KIM.email]}`,
    );
    expect(items.items).toHaveLength(1);
    expect(items.items[0]?.acknowledgedAt).not.toBeNull();
    await kim.context().close();
  });
});
