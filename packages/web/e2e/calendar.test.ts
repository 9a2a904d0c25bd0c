// The calendar page of the built app against the real server: the admin picks kr-standard and 2025,
// sees 설날 and the 대체공휴일 of 2025-10-08, and uses the business-time calculator in Seoul time.
// Needs `npm run build` first; drives Debian's Chromium (never a downloaded browser).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, signInAsAdmin, startE2E, type TE2E } from './server.js';

let e2e: TE2E | undefined;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

/** The cells of the days-off rows on `date`, as text. */
async function rowsOn(page: Page, date: string): Promise<string[][]> {
  const rows = page
    .locator('table.days-off tbody tr')
    .filter({ has: page.locator(`time[datetime="${date}"]`) });
  const count = await rows.count();
  const cells: string[][] = [];
  for (let n = 0; n < count; n++) cells.push(await rows.nth(n).getByRole('cell').allTextContents());
  return cells;
}

describe('calendar page', () => {
  it('shows the days off of kr-standard in 2025 and calculates business time in Seoul', async () => {
    const page = await e2e!.newPage();
    await page.goto(e2e!.baseUrl);
    await page.getByRole('heading', { name: '로그인' }).waitFor();
    await signInAsAdmin(page);

    // From the home page to the calendar page, by the menu.
    await page.getByRole('navigation', { name: '메뉴' }).getByRole('link', { name: '달력' }).click();
    await page.getByRole('heading', { name: '달력', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/calendars$/);

    const calendar = page.getByRole('combobox', { name: '달력' });
    // The options arrive with GET /calendars: wait for them before reading.
    await calendar.locator('option', { hasText: '24x7' }).waitFor({ state: 'attached' });
    expect(await calendar.locator('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('kr-standard'), expect.stringContaining('24x7')]),
    );
    await calendar.selectOption('kr-standard');
    await page.getByLabel('연도').fill('2025');
    await page.getByRole('heading', { name: '2025년 쉬는 날' }).waitFor();
    await page.locator('table.days-off time[datetime="2025-01-28"]').waitFor();

    // 설날: three days, the day before to the day after.
    for (const [date, weekday, name] of [
      ['2025-01-28', '화', '설날 전날'],
      ['2025-01-29', '수', '설날'],
      ['2025-01-30', '목', '설날 다음 날'],
    ]) {
      expect(await rowsOn(page, date!)).toEqual([[`${date} (${weekday})`, name, '공휴일(음력)']]);
    }
    // 추석 began on a Sunday (2025-10-05): the Wednesday after it is off instead.
    expect(await rowsOn(page, '2025-10-08')).toEqual([['2025-10-08 (수)', '대체공휴일(추석)', '대체공휴일']]);
    expect(await rowsOn(page, '2025-01-27')).toEqual([
      ['2025-01-27 (월)', '임시공휴일', '임시공휴일·선거일'],
    ]);

    // The calculator reads and shows times in the calendar's zone, Asia/Seoul.
    await page.getByText('Asia/Seoul').first().waitFor();
    const dueForm = page.getByRole('form', { name: '기한 구하기' });
    await dueForm.getByLabel('시작 시각').fill('2026-11-20T17:00');
    await dueForm.getByLabel('업무 시간(분)').fill('240');
    await dueForm.getByRole('button', { name: '계산' }).click();
    await expect.poll(() => dueForm.locator('output').textContent()).toBe('2026-11-23 (월) 12:00');

    const countForm = page.getByRole('form', { name: '업무 시간 세기' });
    await countForm.getByLabel('시작 시각').fill('2026-11-20T17:00');
    await countForm.getByLabel('종료 시각').fill('2026-11-23T12:00');
    // By keyboard: Enter in a field submits its form.
    await countForm.getByLabel('종료 시각').press('Enter');
    await expect.poll(() => countForm.locator('output').textContent()).toBe('240분 (4시간)');
    await shot(page, 'calendar-ko');

    // An error of the API reaches the user as its problem detail, in Korean.
    await countForm.getByLabel('종료 시각').fill('2040-01-01T09:00');
    await countForm.getByRole('button', { name: '계산' }).click();
    const alert = countForm.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('결과가 시작 시각으로부터 10년을 넘습니다');

    // English: names and kinds follow the language; the results are reworded.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Days off in 2025' }).waitFor();
    expect(await rowsOn(page, '2025-01-29')).toEqual([
      ['2025-01-29 (Wed)', 'Seollal', 'Public holiday (lunar)'],
    ]);
    expect((await rowsOn(page, '2025-10-08')).map((cells) => cells[2])).toContain('Substitute holiday');
    expect(await page.getByRole('form', { name: 'Find the due time' }).locator('output').textContent()).toBe(
      '2026-11-23 (Mon) 12:00',
    );
    await shot(page, 'calendar-en');

    expect(e2e!.externalRequests).toEqual([]);
    await page.context().close();
  });
});
