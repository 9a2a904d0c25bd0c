import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeUser } from '../test/factories.js';
import { putAs } from './mail-out.fixtures.js';
import { effectiveMail, presentMailSettings, setMailEnvironment } from './mail-settings.js';
import { backoffMs } from './outbox-worker.js';
import { renderMail } from './render-mail.js';

// Template overrides are shared by the whole database: these tests edit only `sla_at_risk` and
// `contract_hours`/ko, which no other test sends (delivery.test.ts, role-matrix.test.ts).
const app = useApp({ HAMKKE_PUBLIC_URL: 'https://hamkke.example.com' });

describe('mail templates', () => {
  it('lists every kind in Korean and English with the placeholders each knows', async () => {
    const admin = await makeUser('admin');
    const res = await client(app, { cookie: admin.cookie }).get('/mail/templates');
    expect(res.statusCode).toBe(200);
    const keys = res.data.items.map((t: { kind: string; locale: string }) => `${t.kind}/${t.locale}`);
    expect(keys).toContain('ticket_received/ko');
    expect(keys).toContain('ticket_resolved/en');
    expect(keys).toHaveLength(16);
    const resolved = res.data.items.find(
      (t: { kind: string; locale: string }) => t.kind === 'ticket_resolved',
    );
    expect(resolved.placeholders).toEqual(
      expect.arrayContaining(['surveyUrl', 'ratingLinks', 'ticketNumber']),
    );
  });

  it('stores an override, shows it, previews it with sample data and resets it to the default', async () => {
    const admin = await makeUser('admin');
    const api = client(app, { cookie: admin.cookie });
    const original = (await api.get('/mail/templates/sla_at_risk/ko')).data;
    expect(original.isOverridden).toBe(false);

    const put = await putAs(app, admin, '/mail/templates/sla_at_risk/ko', {
      subject: '[주의] {{clock}} 기한 임박 - {{ticketTitle}}',
      body: '{{recipientName}}님,\n\n{{ticketNumber}} 건 기한: {{dueAt}}\n{{ticketUrl}}',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.data).toMatchObject({
      isOverridden: true,
      subject: '[주의] {{clock}} 기한 임박 - {{ticketTitle}}',
    });
    expect((await api.get('/mail/templates/sla_at_risk/ko')).data.isOverridden).toBe(true);

    const preview = await api.post('/mail/templates/sla_at_risk/ko/preview', {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.data.subject).toBe('[HNX-000123] [주의] 첫 응답 기한 임박 - ME21N 저장 시 오류 M7 021');
    expect(preview.data.text).toContain('김하늘님,\n\nHNX-000123 건 기한: 2026-11-25 17:00 (KST)');
    expect(preview.data.html).toContain('<a href="https://hamkke.example.com/tickets/HNX-000123">');

    const audit = await api.get('/audit?entityType=mail_template');
    expect(audit.data.items.some((a: { entityId: string }) => a.entityId === 'sla_at_risk/ko')).toBe(true);

    const reset = await api.delete('/mail/templates/sla_at_risk/ko');
    expect(reset.statusCode).toBe(200);
    expect(reset.data).toMatchObject({ isOverridden: false, subject: original.subject, body: original.body });
  });

  it('previews the resolved mail with its five rating links in the template’s language', async () => {
    const admin = await makeUser('admin');
    const res = await client(app, { cookie: admin.cookie }).post(
      '/mail/templates/ticket_resolved/en/preview',
      {},
    );
    expect(res.statusCode).toBe(200);
    expect(res.data.subject).toBe('[HNX-000123] Resolved: ME21N fails on save with M7 021');
    expect(res.data.text).toContain(
      '1 Very dissatisfied: https://hamkke.example.com/survey/sample-token?rating=1',
    );
    expect(res.data.text).toContain(
      '5 Very satisfied: https://hamkke.example.com/survey/sample-token?rating=5',
    );
    expect(res.data.html).toContain(
      '<a href="https://hamkke.example.com/survey/sample-token?rating=3">3 Neutral</a>',
    );
  });

  it('refuses a template with a placeholder its kind does not know, naming it', async () => {
    const admin = await makeUser('admin');
    const res = await putAs(app, admin, '/mail/templates/contract_hours/ko', {
      subject: '{{contractName}} 계약 시간',
      body: '{{recipientName}}님, {{surveyUrl}} 를 눌러 주세요',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.data.errors[0].path).toBe('body');
    expect(res.data.errors[0].message).toContain('{{surveyUrl}}');
    expect(res.data.detail ?? res.data.title).toContain('{{surveyUrl}}');
    expect(
      (await client(app, { cookie: admin.cookie }).get('/mail/templates/contract_hours/ko')).data
        .isOverridden,
    ).toBe(false);

    const unclosed = await putAs(app, admin, '/mail/templates/contract_hours/ko', {
      subject: '{{#month}}{{month}}',
      body: '본문',
    });
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.data.errors[0].path).toBe('subject');

    const preview = await client(app, { cookie: admin.cookie }).post(
      '/mail/templates/contract_hours/ko/preview',
      {
        body: '{{nope}}',
      },
    );
    expect(preview.statusCode).toBe(400);
    expect(preview.data.errors[0].message).toContain('{{nope}}');
  });

  it('refuses an unknown kind or language with 400 and keeps templates to admins', async () => {
    const [admin, manager] = await Promise.all([makeUser('admin'), makeUser('manager')]);
    const bad = await client(app, { cookie: admin.cookie }).get('/mail/templates/birthday/ko');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].path).toBe('kind');
    expect((await client(app, { cookie: admin.cookie }).get('/mail/templates/mention/ja')).statusCode).toBe(
      400,
    );
    expect((await client(app, { cookie: manager.cookie }).get('/mail/templates')).statusCode).toBe(403);
  });
});

describe('rendering', () => {
  it('escapes every value and literal in the HTML part, and links only web addresses', () => {
    const mail = renderMail(
      'public_reply',
      'ko',
      { subject: '<답변> {{ticketTitle}}', body: '<i>안내</i>\n{{commentBody}}\n\n{{ticketUrl}}' },
      {
        values: {
          ticketNumber: 'HNX-000001',
          ticketTitle: '"견적" <script>alert(1)</script>',
          commentBody: '<img src=x onerror=alert(1)> & 확인',
          ticketUrl: 'javascript:alert(1)',
        },
        ratingLinks: [],
      },
      'https://hamkke.example.com/settings/notifications',
    );
    expect(mail.subject).toBe('[HNX-000001] <답변> "견적" <script>alert(1)</script>');
    expect(mail.html).not.toMatch(/<script|<img|<i>|href="javascript/);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; 확인');
    expect(mail.html).toContain('&lt;i&gt;안내&lt;/i&gt;<br>');
    expect(mail.text).toContain('<img src=x onerror=alert(1)> & 확인');
  });

  it('backs off exponentially with jitter, up to the cap', () => {
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(1, 1000, 60_000)).toBeGreaterThanOrEqual(500);
      expect(backoffMs(1, 1000, 60_000)).toBeLessThanOrEqual(1000);
      expect(backoffMs(4, 1000, 60_000)).toBeGreaterThanOrEqual(4000);
      expect(backoffMs(4, 1000, 60_000)).toBeLessThanOrEqual(8000);
      expect(backoffMs(30, 1000, 60_000)).toBeLessThanOrEqual(60_000);
      expect(backoffMs(30, 1000, 60_000)).toBeGreaterThanOrEqual(30_000);
    }
  });
});

describe('the outgoing server in force', () => {
  it('takes the environment unless an admin set the server, and never shows a password', () => {
    setMailEnvironment({
      smtpUrl: 'smtp://relay:env-secret@mail.example.com:587',
      mailFrom: 'helpdesk@example.com',
      mailDomain: 'example.com',
    });
    const fromEnv = effectiveMail(null);
    expect(fromEnv).toMatchObject({ source: 'environment', isSending: true, from: 'helpdesk@example.com' });
    expect(fromEnv.transportUrl).toBe('smtp://relay:env-secret@mail.example.com:587');
    const shown = presentMailSettings(fromEnv);
    expect(shown).toMatchObject({ smtpUrl: 'smtp://relay@mail.example.com:587', hasPassword: true });
    expect(JSON.stringify(shown)).not.toContain('env-secret');

    const row = {
      id: 1,
      smtpUrl: 'smtps://hamkke@smtp.example.net:465',
      smtpPassword: 'p@ss word',
      mailFrom: null,
      isEnabled: true,
      updatedAt: new Date(),
      updatedBy: null,
    };
    const fromAdmin = effectiveMail(row);
    expect(fromAdmin).toMatchObject({ source: 'settings', from: 'helpdesk@example.com', isSending: true });
    expect(new URL(fromAdmin.transportUrl!).password).toBe(encodeURIComponent('p@ss word'));
    expect(effectiveMail({ ...row, isEnabled: false }).isSending).toBe(false);

    setMailEnvironment({ mailDomain: 'localhost' });
    expect(effectiveMail(null)).toMatchObject({ source: 'none', isSending: false });
  });
});
