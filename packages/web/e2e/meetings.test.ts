// The weekly sharing meeting in the built app against the real server: the week's pack with its
// figures, the print view without the app's shell, and the meeting record whose decision becomes an
// improvement item (linked from the decision). axe-core on the page.
// Needs the server built (`npx tsc -b packages/core packages/server`) and the app built; drives
// Debian's Chromium (never a downloaded browser).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSeoul } from '../src/format.js';
import { isoWeekOf } from '../src/reports/periods.js';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Meetings-Password-1234';
const MANAGER = { email: 'manager@meetings.test', name: '오팀장' };
const AGENT = { email: 'agent@meetings.test', name: '서상담' };
const DECISION =
  'MM 입고 오류 반복: 기간 마감 점검 절차를 만든다\n월말 3일 전 MMPV 확인을 체크리스트에 넣는다.';
const week = isoWeekOf(todayInSeoul());

let e2e: TE2E;
let admin: TSession;

beforeAll(async () => {
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const organizationId = (await admin.post('/organizations', { name: '동해화학', code: 'DHC' })).id;
  await admin.post('/users', { ...MANAGER, role: 'manager', password: PASSWORD });
  await admin.post('/users', { ...AGENT, role: 'agent', password: PASSWORD });
  for (const title of ['MIGO 입고 오류', 'MB51 조회 느림', 'FB60 잔액 불일치'])
    await admin.post('/tickets', { organizationId, title, module: 'MM', type: 'incident' });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('weekly meeting', () => {
  it('shows the week pack, prints without the shell, and records a decision that becomes an improvement item', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}/meetings`);
    await signInAs(page, MANAGER.email, PASSWORD, `주간 공유회의 ${week}`);
    // This week's new tickets per customer.
    await page
      .locator('figure[data-chart="고객사별 신규·종료 티켓"]')
      .getByRole('link', { name: '신규, 동해화학: 3' })
      .waitFor();
    await page.getByRole('button', { name: '인쇄' }).waitFor();
    expect(await page.getByRole('link', { name: 'PDF 내려받기' }).getAttribute('href')).toContain(
      `week=${week}&format=pdf`,
    );

    // The meeting record: attendees and notes.
    const form = page.getByRole('form', { name: '회의 기록 작성' });
    await form.getByLabel('참석자', { exact: true }).click();
    await page.getByRole('option', { name: AGENT.name }).click();
    await form.getByRole('textbox', { name: '회의 메모' }).fill('- MM 입고 오류가 이번 주에 3건');
    await form.getByRole('button', { name: '회의 기록 저장' }).click();
    const meeting = page.locator('[data-meeting]');
    await meeting.waitFor();
    await meeting.getByText(`참석자: ${AGENT.name}`).waitFor();

    // A decision that becomes an improvement item, linked from the decision.
    const decision = meeting.getByRole('form', { name: '결정 사항 기록' });
    await decision.getByRole('textbox', { name: '결정 내용' }).fill(DECISION);
    await decision.getByRole('button', { name: '결정 기록' }).click();
    const link = meeting.getByRole('link', { name: /^개선 항목: MM 입고 오류 반복/ });
    await link.waitFor();
    await expect.poll(async () => seriousViolations(page), { timeout: 15_000 }).toEqual([]);
    await shot(page, 'meetings');

    const href = (await link.getAttribute('href'))!;
    const improvement = await admin.get<{ title: string; origin: string; kind: string }>(
      href.replace('/improvements/', '/improvements/'),
    );
    expect(improvement).toMatchObject({
      title: 'MM 입고 오류 반복: 기간 마감 점검 절차를 만든다',
      origin: 'meeting_decision',
      kind: 'B',
    });

    // The record is corrected after the meeting: the notes change, the decision stays.
    await meeting.getByRole('button', { name: '회의 기록 수정' }).click();
    const edit = meeting.getByRole('form', { name: '회의 기록 수정' });
    await edit
      .getByRole('textbox', { name: '회의 메모' })
      .fill('- MM 입고 오류가 이번 주에 3건\n- 다음 주 재점검');
    await edit.getByRole('button', { name: '회의 기록 저장' }).click();
    await meeting.getByText('다음 주 재점검').waitFor();
    await link.waitFor();

    // Printed: the app's header, the menu and the buttons are gone, the pack stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '메뉴' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '인쇄' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: `주간 공유회의 ${week}` }).isVisible()).toBe(true);
    await shot(page, 'meetings-print');
    await page.context().close();
  });
});
