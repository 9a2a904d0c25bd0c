import { mkdtempSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/current.js';
import { inboundMessages, tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeWorld } from '../test/factories.js';
import { startImapPoller } from './imap-poller.js';
import {
  eml,
  MAIL_DOMAIN,
  newMessageId,
  sendSmtp,
  settingsFor,
  settledByMessageId,
  startTestListener,
  talkSmtp,
  talkSmtpTo,
} from './mail-in.fixtures.js';
import { startSmtpListener, type TSmtpListener } from './smtp-listener.js';
import { storeInbound } from './store-inbound.js';

const app = useApp({ HAMKKE_MAIL_DOMAIN: MAIL_DOMAIN });
// An app whose attachment storage is a file, not a directory: every file write fails there.
const brokenDataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'hamkke-broken-')), 'not-a-dir');
writeFileSync(brokenDataDir, 'x');
const brokenApp = useApp({ HAMKKE_MAIL_DOMAIN: MAIL_DOMAIN, HAMKKE_DATA_DIR: brokenDataDir });
afterAll(() => fs.rm(path.dirname(brokenDataDir), { recursive: true, force: true }));
let listener: TSmtpListener;
beforeAll(async () => {
  listener = await startTestListener(settingsFor(inject('dataDir')), 4096);
});
afterAll(() => listener.stop());

const ticketsOf = (organizationId: string) =>
  db.select().from(tickets).where(eq(tickets.organizationId, organizationId));

describe('the SMTP listener', () => {
  it('takes mail for any address of the mail domain and refuses other recipients with 550', async () => {
    const answers = await talkSmtp(listener.port, [
      'EHLO mx.example.co.kr',
      'MAIL FROM:<kim@example.co.kr>',
      `RCPT TO:<anything-at-all@${MAIL_DOMAIN.toUpperCase()}>`,
      'RCPT TO:<someone@other.example>',
      'QUIT',
    ]);
    expect(answers[1]).toMatch(/^250/m);
    expect(answers[1]).toContain('SIZE 4096');
    expect(answers[3]).toMatch(/^250/);
    expect(answers[4]).toMatch(/^550 5\.1\.1/);
  });

  it('refuses a message over the size limit (552), by SIZE or by what arrives, and stores nothing', async () => {
    const byParam = await talkSmtp(listener.port, [
      'EHLO mx',
      'MAIL FROM:<kim@example.co.kr> SIZE=100000',
      'QUIT',
    ]);
    expect(byParam[2]).toMatch(/^552/);
    const messageId = newMessageId();
    const big = `From: kim@example.co.kr\r\nMessage-ID: <${messageId}>\r\nSubject: big\r\n\r\n${'가나다라마바사\r\n'.repeat(400)}.`;
    const answers = await talkSmtp(listener.port, [
      'EHLO mx',
      'MAIL FROM:<kim@example.co.kr>',
      `RCPT TO:<support@${MAIL_DOMAIN}>`,
      'DATA',
      big,
      'QUIT',
    ]);
    expect(answers[4]).toMatch(/^354/);
    expect(answers[5]).toMatch(/^552/);
    const stored = await db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.messageId, `<${messageId}>`));
    expect(stored).toHaveLength(0);
  });

  it('holds a sender over the hourly rate: stored, marked rate_limited, processed when an admin retries', async () => {
    const limited = await startTestListener(settingsFor(inject('dataDir'), { ratePerHour: 2 }));
    try {
      const w = await makeWorld();
      const ids = [newMessageId(), newMessageId(), newMessageId()];
      for (const messageId of ids) {
        await sendSmtp(limited.port, eml('daum.eml', { from: w.customer.email, messageId }));
        await settledByMessageId(messageId);
      }
      const rows = await Promise.all(ids.map((id) => settledByMessageId(id)));
      expect(rows.map((r) => [r.status, r.reason])).toEqual([
        ['processed', 'new_ticket'],
        ['processed', 'new_ticket'],
        ['ignored', 'rate_limited'],
      ]);
      expect(await ticketsOf(w.org.id)).toHaveLength(2);
      const retried = await client(app, { cookie: w.admin.cookie }).post(
        `/mail/inbound/${rows[2]!.id}/retry`,
      );
      expect(retried.data).toMatchObject({ status: 'processed', reason: 'new_ticket', attempts: 2 });
      expect(await ticketsOf(w.org.id)).toHaveLength(3);
    } finally {
      await limited.stop();
    }
  });
});

describe('who may connect (the listener has no AUTH)', () => {
  const ownAddress = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

  it.skipIf(!ownAddress)(
    'refuses a client that is neither loopback nor in HAMKKE_SMTP_ALLOW_FROM (554)',
    async () => {
      const open = await startSmtpListener({
        host: '0.0.0.0',
        port: 0,
        maxBytes: 4096,
        settings: settingsFor(inject('dataDir')),
        logger: pino({ level: 'silent' }),
      });
      const allowed = await startSmtpListener({
        host: '0.0.0.0',
        port: 0,
        maxBytes: 4096,
        allowFrom: [ownAddress!],
        settings: settingsFor(inject('dataDir')),
        logger: pino({ level: 'silent' }),
      });
      try {
        expect((await talkSmtpTo(ownAddress!, open.port, ['QUIT']))[0]).toMatch(/^554 5\.7\.1/);
        expect((await talkSmtp(open.port, ['QUIT']))[0]).toMatch(/^220/);
        expect((await talkSmtpTo(ownAddress!, allowed.port, ['QUIT']))[0]).toMatch(/^220/);
      } finally {
        await open.stop();
        await allowed.stop();
      }
    },
  );
});

describe('nothing is lost when processing fails', () => {
  it('keeps the message failed with its error; a retry finishes it without a second ticket', async () => {
    // Attachments cannot be written where a file stands in for the storage directory.
    const failing = await startTestListener(settingsFor(brokenDataDir));
    try {
      const w = await makeWorld();
      const admin = client(app, { cookie: w.admin.cookie });
      const messageId = newMessageId();
      await sendSmtp(failing.port, eml('with-attachments.eml', { from: w.customer.email, messageId }));
      const failed = await settledByMessageId(messageId);
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/ENOTDIR|EEXIST|not a directory/i);
      expect(await ticketsOf(w.org.id)).toHaveLength(1);

      const listed = (await admin.get('/mail/inbound?status=failed&limit=200')).data.items;
      expect(listed.map((m: { id: string }) => m.id)).toContain(failed.id);

      const retried = await admin.post(`/mail/inbound/${failed.id}/retry`);
      expect(retried.statusCode).toBe(200);
      expect(retried.data).toMatchObject({
        status: 'processed',
        error: null,
        attempts: 2,
        ticketId: failed.ticketId,
      });
      expect(await ticketsOf(w.org.id)).toHaveLength(1);
      const timeline = (await admin.get(`/tickets/${failed.ticketId}/timeline`)).data.items;
      expect(timeline.filter((i: { kind: string }) => i.kind === 'attachment')).toHaveLength(2);

      const again = await admin.post(`/mail/inbound/${failed.id}/retry`);
      expect(again.statusCode).toBe(409);
      expect(again.data.detail).toBe('이미 처리된 메일입니다');
      const audit = (await admin.get(`/audit?entityType=inbound_message&entityId=${failed.id}`)).data.items;
      expect(audit).toMatchObject([
        { action: 'retry', actor: { id: w.admin.id }, before: { status: 'failed' } },
      ]);
    } finally {
      await failing.stop();
    }
  });

  it('a triaged message opened by an admin whose files fail is finished by a retry, still one ticket', async () => {
    const w = await makeWorld();
    const messageId = newMessageId();
    await sendSmtp(listener.port, eml('with-attachments.eml', { from: 'buyer@unknown.example', messageId }));
    const triaged = await settledByMessageId(messageId);
    expect(triaged.status).toBe('triage');
    const opened = await client(brokenApp, { cookie: w.admin.cookie }).post(
      `/mail/inbound/${triaged.id}/open-ticket`,
      { organizationId: w.org.id },
    );
    expect(opened.statusCode).toBe(500);
    const admin = client(app, { cookie: w.admin.cookie });
    const failed = (await admin.get(`/mail/inbound/${triaged.id}`)).data;
    expect(failed).toMatchObject({ status: 'failed', ticketId: expect.any(String) });
    const retried = await admin.post(`/mail/inbound/${triaged.id}/retry`);
    expect(retried.data).toMatchObject({
      status: 'processed',
      reason: 'opened_by_admin',
      ticketId: failed.ticketId,
    });
    const timeline = (await admin.get(`/tickets/${failed.ticketId}/timeline`)).data.items;
    const files = timeline.filter((i: { kind: string }) => i.kind === 'attachment');
    expect(files.map((f: { attachment: { filename: string } }) => f.attachment.filename)).toEqual([
      '견적서_2026년11월.xlsx',
      '작업로그.txt',
    ]);
    expect(files[0].attachment.uploader).toMatchObject({ id: w.admin.id });
    expect(await ticketsOf(w.org.id)).toHaveLength(1);
  });
});

describe('after a restart', () => {
  it('a message stored but not yet processed (the process stopped) is filed by the next intake round', async () => {
    const w = await makeWorld();
    const messageId = newMessageId();
    const id = await storeInbound({
      source: 'smtp',
      raw: eml('gmail-ko.eml', { from: w.customer.email, messageId }),
    });
    const [waiting] = await db.select().from(inboundMessages).where(eq(inboundMessages.id, id!));
    expect(waiting).toMatchObject({ status: 'received', messageId: `<${messageId}>`, attempts: 0 });
    const stop = startImapPoller(settingsFor(inject('dataDir')), pino({ level: 'silent' }), {
      tickMs: 50,
      pendingGraceMs: 0,
    });
    try {
      expect(await settledByMessageId(messageId)).toMatchObject({
        status: 'processed',
        reason: 'new_ticket',
      });
    } finally {
      await stop();
    }
    expect(await ticketsOf(w.org.id)).toMatchObject([{ title: 'MM 모듈 구매오더 ME21N 저장 불가' }]);
  });
});

describe('the admin list', () => {
  it('pages newest first with a cursor and filters by status and ticket', async () => {
    const w = await makeWorld();
    const admin = client(app, { cookie: w.admin.cookie });
    for (let i = 0; i < 3; i++) {
      const messageId = newMessageId();
      await sendSmtp(listener.port, eml('daum.eml', { from: w.customer.email, messageId }));
      await settledByMessageId(messageId);
    }
    const first = (await admin.get('/mail/inbound?limit=2')).data;
    expect(first.items).toHaveLength(2);
    const second = (await admin.get(`/mail/inbound?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`))
      .data;
    expect(second.items[0].receivedAt <= first.items[1].receivedAt).toBe(true);
    expect(second.items.map((m: { id: string }) => m.id)).not.toContain(first.items[0].id);
    const [one] = first.items;
    const byTicket = (await admin.get(`/mail/inbound?ticketId=${one.ticketId}`)).data.items;
    expect(byTicket).toMatchObject([{ id: one.id, ticketNumber: expect.stringMatching(/-\d{6}$/) }]);
    const bad = await admin.get('/mail/inbound?status=lost');
    expect(bad.statusCode).toBe(400);
    const badCursor = await admin.get('/mail/inbound?cursor=nonsense');
    expect(badCursor.statusCode).toBe(422);
  });
});

describe('IMAP mailboxes over the admin API', () => {
  it('never shows the password, keeps it when left out, validates fields, audits without it', async () => {
    const w = await makeWorld();
    const admin = client(app, { cookie: w.admin.cookie });
    const created = await admin.post('/mail/mailboxes', {
      name: '고객지원 메일함',
      host: 'imap.example.co.kr',
      username: 'support',
      password: 's3cret-비밀',
      defaultOrganizationId: w.org.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      port: 993,
      isTls: true,
      folder: 'INBOX',
      pollSeconds: 60,
      unknownSender: 'triage',
      hasPassword: true,
    });
    expect(created.body).not.toContain('s3cret');
    const id = created.data.id;
    const patched = await admin.patch(`/mail/mailboxes/${id}`, { pollSeconds: 120, unknownSender: 'reject' });
    expect(patched.data).toMatchObject({ pollSeconds: 120, unknownSender: 'reject', hasPassword: true });
    expect((await admin.get('/mail/mailboxes')).body).not.toContain('s3cret');
    expect((await admin.get(`/mail/mailboxes/${id}`)).data.name).toBe('고객지원 메일함');

    const badPort = await admin.post('/mail/mailboxes', {
      name: 'x',
      host: 'h',
      username: 'u',
      password: 'p',
      port: 70000,
    });
    expect(badPort.statusCode).toBe(400);
    expect(badPort.data.errors).toMatchObject([{ path: 'port' }]);
    const badOrg = await admin.patch(`/mail/mailboxes/${id}`, {
      defaultOrganizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badOrg.statusCode).toBe(422);
    expect(badOrg.data.errors).toMatchObject([{ path: 'defaultOrganizationId' }]);

    const audit = await admin.get(`/audit?entityType=mail_mailbox&entityId=${id}`);
    expect(audit.data.items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
    expect(audit.body).not.toContain('s3cret');
    expect((await admin.delete(`/mail/mailboxes/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/mail/mailboxes/${id}`)).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    const w = await makeWorld();
    for (const user of [w.manager, w.agent, w.viewer, w.customer]) {
      const res = await client(app, { cookie: user.cookie }).get('/mail/mailboxes');
      expect(res.statusCode).toBe(403);
    }
  });
});
