// The admin pages, the customer page and the notification settings in the built app against the real
// server: an organization and a customer user made through the pages (who then signs in), special notes
// edited with their history, the server's Korean field message, mail settings that never echo the
// password, a triaged inbound mail (real SMTP to the server's listener) opened as a ticket, saved
// notification preferences, an agent without admin navigation, and axe-core on the main pages.
// Needs `npm run build` first; drives Debian's Chromium (never a downloaded browser).
import net from 'node:net';
import nodemailer from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { apiSession, type TSession } from './seed.js';
import { ADMIN_EMAIL, ADMIN_NAME, ADMIN_PASSWORD, shot, signInAs, startE2E, type TE2E } from './server.js';

const PASSWORD = 'Admin-Pages-Password-1';
const AGENT = { email: 'agent.admin-e2e@hamkke.test', name: '최상담' };
const VIEWER = { email: 'viewer.admin-e2e@hamkke.test', name: '한조회' };
const MAIL_DOMAIN = 'support.hamkke.test';

let e2e: TE2E;
let admin: TSession;
let smtpPort = 0;
let seededOrgId = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

beforeAll(async () => {
  // The server's SMTP listener, for the triage test: this test file runs in its own worker process.
  smtpPort = await freePort();
  process.env.HAMKKE_SMTP_LISTEN = `127.0.0.1:${smtpPort}`;
  process.env.HAMKKE_MAIL_DOMAIN = MAIL_DOMAIN;
  e2e = await startE2E();
  admin = await apiSession(e2e.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  const org = await admin.post('/organizations', { name: '대한물산', code: 'DHM', specialNotes: '' });
  seededOrgId = org.id;
  await admin.post('/users', { ...AGENT, role: 'agent', password: PASSWORD });
  await admin.post('/users', { ...VIEWER, role: 'viewer', password: PASSWORD });
}, 180_000);

afterAll(async () => {
  delete process.env.HAMKKE_SMTP_LISTEN;
  delete process.env.HAMKKE_MAIL_DOMAIN;
  await e2e?.stop();
});

async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function adminPage(path: string): Promise<Page> {
  const page = await e2e.newPage();
  await page.goto(e2e.baseUrl);
  await signInAs(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(`${e2e.baseUrl}${path}`);
  return page;
}

/** Picks an option of a Mantine Select (a combobox) in `scope`. */
async function choose(page: Page, label: string, option: string, scope = page.getByRole('dialog')) {
  await scope
    .getByRole('combobox', { name: label })
    .or(scope.getByRole('textbox', { name: label }))
    .first()
    .click();
  await page.getByRole('option', { name: option }).click();
}

describe('admin pages', () => {
  it('an admin creates an organization and a customer user through the pages; the user signs in', async () => {
    const page = await adminPage('/admin/organizations');
    await page.getByRole('heading', { name: '고객사', level: 2 }).waitFor();
    await page.getByRole('button', { name: '고객사 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('고객사명').fill('새봄유통');
    await dialog.getByLabel('코드').fill('SBY');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '새봄유통' }).waitFor();
    await expectAccessible(page, 'organizations');

    await page.getByRole('link', { name: '사용자', exact: true }).click();
    await page.getByRole('heading', { name: '사용자', level: 2 }).waitFor();
    await expectAccessible(page, 'users');
    await shot(page, 'admin-users');
    await page.getByRole('button', { name: '사용자 추가' }).click();
    await dialog.getByLabel('이메일').fill('buyer@saebom.test');
    await dialog.getByLabel('이름').fill('정구매');
    await choose(page, '고객사', '새봄유통 (SBY)');
    await dialog.getByLabel('비밀번호').fill(PASSWORD);
    await shot(page, 'admin-user-create');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /정구매/ });
    await expect.poll(() => row.textContent()).toContain('buyer@saebom.test');
    expect(await row.textContent()).toContain('새봄유통 (SBY)');

    const customer = await e2e.newPage();
    await customer.goto(e2e.baseUrl);
    await customer.getByLabel('이메일').fill('buyer@saebom.test');
    await customer.getByLabel('비밀번호', { exact: true }).fill(PASSWORD);
    await customer.getByRole('button', { name: '로그인' }).click();
    await customer.getByText('정구매 (고객)').waitFor();
    await customer.close();
    await page.close();
  });

  it('shows the server’s Korean message next to the field of an invalid form', async () => {
    const page = await adminPage('/admin/organizations');
    await page.getByRole('button', { name: '고객사 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('고객사명').fill('잘못된코드');
    await dialog.getByLabel('코드').fill('1X');
    await dialog.getByRole('button', { name: '저장' }).click();
    const message = '영문자로 시작하는 2–10자의 영문 대문자 또는 숫자여야 합니다';
    await dialog.getByText(message).waitFor();
    // The message is the code field's own: the field is marked invalid and described by it.
    const code = dialog.getByLabel('코드');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(described.join(' ')).toContain(message);
    await expectAccessible(page, 'invalid form');
    await shot(page, 'admin-invalid-form');
    await page.close();
  });

  it('an admin edits the special notes on the customer page and the history shows the change', async () => {
    const page = await adminPage(`/customers/${seededOrgId}`);
    await page.getByRole('heading', { name: '대한물산', level: 1 }).waitFor();
    await page.getByText('변경 이력이 없습니다.').waitFor();
    await page.getByRole('button', { name: '특이사항 수정' }).click();
    const notes = '결산 기간(매월 25일~말일)에는 운영 반영 금지. 긴급 시 김부장 010-0000-0000';
    await page.getByRole('textbox', { name: '특이사항' }).fill(notes);
    await page.getByRole('button', { name: '저장' }).click();
    await expect.poll(() => page.getByTestId('special-notes').textContent()).toBe(notes);
    const entry = page.getByTestId('notes-history-entry').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain(notes);
    expect(await entry.textContent()).toContain(ADMIN_NAME);
    await expectAccessible(page, 'customer');
    await shot(page, 'customer-page');

    // The ticket banner shows the notes the customer page saved.
    const ticket = await admin.post<{ number: string }>('/tickets', {
      organizationId: seededOrgId,
      title: '월말 마감 전표 오류',
      type: 'incident',
    });
    await page.goto(`${e2e.baseUrl}/tickets/${ticket.number}`);
    await page.getByRole('note').getByText(notes).waitFor();
    await page.getByRole('link', { name: '대한물산' }).click();
    await page.getByRole('heading', { name: '대한물산', level: 1 }).waitFor();
    await page.getByRole('link', { name: ticket.number }).first().waitFor();
    await page.close();
  });

  it('saves the mail settings without ever echoing the password', async () => {
    const secret = 'Smtp-Secret-Password-42';
    const page = await adminPage('/admin/mail');
    await page.getByRole('tab', { name: '발송 서버(SMTP)' }).click();
    await page.getByLabel('SMTP 주소').fill('smtp://127.0.0.1:2599');
    await page.getByLabel('보내는 사람').fill('함께 헬프데스크 <helpdesk@hamkke.test>');
    await page.getByLabel('비밀번호').fill(secret);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/mail/settings') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: '저장' }).click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect(await response.text()).not.toContain(secret);
    await page.getByText('비밀번호가 저장되어 있습니다. 바꿀 때만 입력하세요.').waitFor();
    expect(await page.getByLabel('비밀번호').inputValue()).toBe('');

    await page.reload();
    await page.getByRole('tab', { name: '발송 서버(SMTP)' }).click();
    await page.getByText('비밀번호가 저장되어 있습니다. 바꿀 때만 입력하세요.').waitFor();
    expect(await page.getByLabel('SMTP 주소').inputValue()).toBe('smtp://127.0.0.1:2599');
    expect(await page.getByLabel('비밀번호').inputValue()).toBe('');
    expect(await page.content()).not.toContain(secret);
    const settings = await admin.get<Record<string, unknown>>('/mail/settings');
    expect(settings.hasPassword).toBe(true);
    expect(JSON.stringify(settings)).not.toContain(secret);
    await shot(page, 'admin-mail-settings');
    await page.close();
  });

  it('opens a triaged inbound message as a ticket for the chosen organization', async () => {
    const subject = `ERP 접속 문의 ${Date.now()}`;
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      from: '"홍길동" <stranger@unknown.test>',
      to: `support@${MAIL_DOMAIN}`,
      subject,
      text: '안녕하세요. ERP에 접속이 되지 않습니다.',
    });
    transport.close();
    await expect
      .poll(
        async () =>
          (await admin.get<{ items: { subject: string }[] }>('/mail/triage')).items.map((m) => m.subject),
        {
          timeout: 20_000,
        },
      )
      .toContain(subject);

    const page = await adminPage('/admin/mail');
    const row = page.getByRole('row', { name: new RegExp(subject) });
    await row.waitFor();
    expect(await row.textContent()).toContain('분류 대기');
    expect(await row.getByRole('link', { name: '원본 받기' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/mail\/inbound\/[0-9a-f-]+\/raw$/,
    );
    await expectAccessible(page, 'mail inbound');
    await shot(page, 'admin-mail-inbound');
    await row.getByRole('button', { name: '티켓 열기' }).click();
    await choose(page, '고객사', '대한물산 (DHM)');
    await page.getByRole('dialog').getByRole('button', { name: '티켓 열기' }).click();
    await page.getByText(/티켓 DHM-\d+을\(를\) 열었습니다/).waitFor();

    const processed = await admin.get<{
      items: { subject: string; status: string; ticketNumber: string | null }[];
    }>('/mail/inbound?status=processed');
    const message = processed.items.find((m) => m.subject === subject);
    expect(message?.ticketNumber).toMatch(/^DHM-\d+$/);
    const ticket = await admin.get<{ title: string; organizationId: string }>(
      `/tickets/${message!.ticketNumber}`,
    );
    expect(ticket.title).toBe(subject);
    expect(ticket.organizationId).toBe(seededOrgId);
    await page.close();
  });

  it('refuses an unknown placeholder in a mail template with the server’s message at the field', async () => {
    const page = await adminPage('/admin/mail');
    await page.getByRole('tab', { name: '메일 템플릿' }).click();
    const body = page.getByRole('textbox', { name: '본문' });
    await body.waitFor();
    // The live preview renders the template in force with sample data.
    await expect.poll(() => page.getByTestId('preview-text').textContent()).not.toBe('');
    await body.fill('안녕하세요 {{nope}} 님');
    await page.getByRole('button', { name: '저장' }).click();
    const message = page.getByText(/알 수 없는 치환자 \{\{nope\}\}입니다/).first();
    await message.waitFor();
    expect(await body.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'mail templates');
    await shot(page, 'admin-mail-template-refused');
    await page.close();
  });

  it('adds an IMAP mailbox without echoing its password and shows its last error', async () => {
    const secret = 'Imap-Secret-Password-7';
    const closedPort = await freePort();
    const page = await adminPage('/admin/mail');
    await page.getByRole('tab', { name: 'IMAP 메일함' }).click();
    await page.getByRole('button', { name: '메일함 추가' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '이름', exact: true }).fill('고객지원 메일함');
    await dialog.getByLabel('호스트').fill('127.0.0.1');
    await dialog.getByLabel('포트').fill(String(closedPort));
    await dialog.getByRole('switch', { name: 'TLS 사용' }).click({ force: true });
    await dialog.getByLabel('사용자 이름').fill('support');
    await dialog.getByLabel('비밀번호').fill(secret);
    await dialog.getByLabel('확인 간격(초)').fill('10');
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /고객지원 메일함/ });
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);
    const listed = await admin.get<{ items: unknown[] }>('/mail/mailboxes');
    expect(JSON.stringify(listed)).not.toContain(secret);
    // Nothing listens on the port: the first poll fails, and the page shows why.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('tab', { name: 'IMAP 메일함' }).click();
          await page.getByRole('row', { name: /고객지원 메일함/ }).waitFor();
          return page.getByText('마지막 오류', { exact: false }).count();
        },
        { timeout: 40_000, interval: 2_000 },
      )
      .toBeGreaterThan(0);
    await shot(page, 'admin-mail-mailboxes');
    await page.close();
  }, 60_000);
});

describe('settings and navigation', () => {
  it('keeps the notification preferences after a reload', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, AGENT.email, PASSWORD);
    await page.getByRole('link', { name: '설정' }).click();
    await page.getByRole('heading', { name: '알림 설정', level: 1 }).waitFor();
    const mentionMail = page.getByRole('switch', { name: '멘션 이메일' });
    const atRiskApp = page.getByRole('switch', { name: 'SLA 위험 앱 알림' });
    expect(await mentionMail.isChecked()).toBe(true);
    await mentionMail.click({ force: true });
    await atRiskApp.click({ force: true });
    await page.getByRole('button', { name: '저장' }).click();
    await page.getByText('저장했습니다.').first().waitFor();

    await page.reload();
    await page.getByRole('heading', { name: '알림 설정', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('switch', { name: '멘션 이메일' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'SLA 위험 앱 알림' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: '답변 이메일' }).isChecked()).toBe(true);
    await expectAccessible(page, 'settings');
    await shot(page, 'settings-notifications');
    await page.close();
  });

  it('shows a viewer the customer page without a single write control', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, VIEWER.email, PASSWORD);
    expect(
      await page.getByRole('navigation', { name: '메뉴' }).getByRole('link', { name: '관리' }).count(),
    ).toBe(0);
    await page.goto(`${e2e.baseUrl}/customers/${seededOrgId}`);
    await page.getByRole('heading', { name: '대한물산', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '계약', level: 2 }).waitFor();
    for (const name of ['특이사항 수정', '시스템 추가', '계약 추가', '수정'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    await page.close();
  });

  it('shows an agent no admin navigation, and the admin pages refuse them', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await signInAs(page, AGENT.email, PASSWORD);
    const nav = page.getByRole('navigation', { name: '메뉴' });
    await nav.getByRole('link', { name: '고객사' }).waitFor();
    expect(await nav.getByRole('link', { name: '관리' }).count()).toBe(0);
    await page.goto(`${e2e.baseUrl}/admin/users`);
    await page.getByRole('alert').getByText('이 페이지는 관리자와 팀장만 볼 수 있습니다.').waitFor();
    expect(await page.getByRole('button', { name: '사용자 추가' }).count()).toBe(0);

    // The agent's customer page: notes editable, history not theirs to read, no contract editing.
    await page.goto(`${e2e.baseUrl}/customers/${seededOrgId}`);
    await page.getByRole('heading', { name: '대한물산', level: 1 }).waitFor();
    await page.getByText('변경 이력은 팀장과 관리자만 볼 수 있습니다.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: '특이사항 수정' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '계약 추가' }).count()).toBe(0);
    await shot(page, 'customer-page-agent');
    await page.close();
  });
});
