// The on-call page in the built app against the real server: a manager sets up a weekly rotation for a
// team, sees who is on call now and next, adds an override (someone covers for the person on call)
// and sees the covering person on call, in the calendar too; axe-core finds nothing serious.
// Needs `npm run build` first; drives Debian's Chromium (never a downloaded browser).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'OnCall-Pages-Password-1';
const MANAGER = { email: 'manager.oncall-e2e@hamkke.test', name: '정팀장' };
const PEOPLE = [
  { email: 'kim.oncall-e2e@hamkke.test', name: '김당직' },
  { email: 'lee.oncall-e2e@hamkke.test', name: '이당직' },
  { email: 'park.oncall-e2e@hamkke.test', name: '박대체' },
];
const WEEKDAYS = ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'];
const HOUR = 3_600_000;

let e2e: TE2E;

beforeAll(async () => {
  e2e = await startE2E();
  const admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const org = await admin.post('/organizations', { name: '한빛화학', code: 'HBC', specialNotes: '' });
  await admin.post('/users', { ...MANAGER, role: 'manager', password: PASSWORD });
  const ids: string[] = [];
  for (const p of PEOPLE)
    ids.push((await admin.post('/users', { ...p, role: 'agent', password: PASSWORD })).id);
  await admin.post('/teams', { name: 'SCM팀', memberIds: ids, organizationIds: [org.id] });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

/** `YYYY-MM-DDTHH:MM` in Seoul, as a datetime-local input holds it. */
const seoulInput = (ms: number) => new Date(ms + 9 * HOUR).toISOString().slice(0, 16);

/** Picks an option of a Mantine Select or MultiSelect in `scope`. */
async function choose(page: Page, label: string, option: string, scope = page.getByRole('dialog')) {
  await scope
    .getByRole('combobox', { name: label })
    .or(scope.getByRole('textbox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('on-call page', () => {
  it('lets a manager set up a rotation and an override, and shows who is on call', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, MANAGER.email, PASSWORD);
    await page.getByRole('navigation', { name: '메뉴' }).getByRole('link', { name: '당직' }).click();
    await page.getByRole('heading', { name: '당직', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/oncall$/);
    await page.getByText('아직 당직 순번이 없습니다.').first().waitFor();

    // Weekly shifts handed over at midnight on today's weekday, from two weeks ago: 김당직 took the
    // first shift, 이당직 the second, and 김당직 the one that began today.
    const now = Date.now();
    const today = seoulInput(now).slice(0, 10);
    const startsOn = seoulInput(now - 14 * 24 * HOUR).slice(0, 10);
    const weekday = WEEKDAYS[new Date(`${today}T00:00:00Z`).getUTCDay()]!;
    await page.getByRole('button', { name: '당직 순번 만들기' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('이름').fill('SCM 주간 당직');
    await choose(page, '팀', 'SCM팀');
    await choose(page, '당직자 (순서대로)', '김당직');
    await page.getByRole('option', { name: '이당직', exact: true }).click();
    await page.keyboard.press('Escape');
    await choose(page, '교대 요일', weekday);
    await dialog.getByLabel('교대 시각').fill('00:00');
    await dialog.getByLabel('시작일').fill(startsOn);
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });

    const nowPanel = page.getByRole('region', { name: '지금 당직' });
    const card = nowPanel.getByRole('article', { name: 'SCM 주간 당직' });
    await expect.poll(() => card.getByTestId('on-call-now').textContent()).toBe('김당직');
    expect(await card.getByTestId('on-call-next').textContent()).toBe('이당직');
    expect(await card.textContent()).toContain('SCM팀');

    // 김당직 is sick: 박대체 covers from an hour ago until tomorrow.
    const rotations = page.getByRole('region', { name: '당직 순번' });
    await rotations.getByRole('button', { name: '대체 당직 추가' }).click();
    await choose(page, '대체 당직자', '박대체');
    await choose(page, '원래 당직자', '김당직');
    await dialog.getByLabel('시작 시각').fill(seoulInput(now - HOUR));
    await dialog.getByLabel('종료 시각').fill(seoulInput(now + 24 * HOUR));
    await dialog.getByLabel('사유').fill('병가');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => card.getByTestId('on-call-now').textContent()).toBe('박대체');
    expect(await card.textContent()).toContain('김당직 대신');
    expect(await rotations.textContent()).toContain('병가');
    // The calendar marks today's cell with the covering person.
    const todayCell = page.locator(`td[data-date="${today}"]`);
    await expect.poll(() => todayCell.textContent()).toContain('박대체 (대체)');

    const violations = await seriousViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await shot(page, 'oncall-ko');
    expect(e2e.externalRequests).toEqual([]);
    await page.context().close();
  });
});
