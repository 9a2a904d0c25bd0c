import net from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { inboundMessages, mailOutbox, notifications } from '../db/schema.js';
import { notify } from '../notifications/notify.js';
import { client, useApp } from '../test/api.js';
import { makeUser, makeWorld, type TTestUser } from '../test/factories.js';
import { CaptureSmtp, putAs, testWorker } from './mail-out.fixtures.js';
import type { OutboxWorker } from './outbox-worker.js';

// Mail settings are one row for the whole database: every test that changes them or runs a worker
// lives in this file, so they run one after the other. The sender is the one the role matrix writes.
const FROM = 'helpdesk@hamkke.example';
const DOMAIN = 'mail.hamkke.test';
const app = useApp({ HAMKKE_MAIL_DOMAIN: DOMAIN, HAMKKE_PUBLIC_URL: 'https://hamkke.example.com' });
const smtp = new CaptureSmtp();
let worker: OutboxWorker;
let admin: TTestUser;

const as = (user: TTestUser) => client(app, { cookie: user.cookie });

async function useCaptureServer() {
  const res = await putAs(app, admin, '/mail/settings', { smtpUrl: smtp.url, from: FROM, isEnabled: true });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  await smtp.start();
  admin = await makeUser('admin');
  await useCaptureServer();
  worker = testWorker().start();
});

afterAll(async () => {
  // Leave no server configured: the test files that run after this one queue no mail.
  await putAs(app, admin, '/mail/settings', { smtpUrl: null });
  await worker.stop();
  await smtp.stop();
});

/** A world whose customer (Korean unless told) is the requester of a ticket opened by the agent. */
async function ticketFor(opts: { locale?: 'ko' | 'en'; title?: string } = {}) {
  const w = await makeWorld();
  const customer = await makeUser('customer', w.org.id, { locale: opts.locale ?? 'ko' });
  const res = await as(w.agent).post('/tickets', {
    organizationId: w.org.id,
    requesterId: customer.id,
    assigneeId: w.agent.id,
    title: opts.title ?? 'MIGO 입고 시 오류 M7 021',
    module: 'MM',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...w, customer, ticket: res.data as { id: string; number: string; title: string } };
}

async function outboxFor(userId: string, ticketId?: string) {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.userId, userId), ticketId ? eq(mailOutbox.ticketId, ticketId) : undefined));
}

describe('notification mail', () => {
  it('sends the requester a Korean receipt carrying the ticket number and the threading headers', async () => {
    const w = await makeWorld();
    const res = await as(w.customer).post('/tickets', {
      title: 'FB60 전기 시 <b>세금 코드</b> & 오류',
      description: '전표 저장이 되지 않습니다.',
    });
    expect(res.statusCode).toBe(201);
    const number: string = res.data.number;
    await smtp.until(() => smtp.to(w.customer.email).length === 1, 'the receipt');
    const [mail] = smtp.to(w.customer.email);
    const m = mail!.parsed;
    expect(m.subject).toBe(`[${number}] 요청이 접수되었습니다: FB60 전기 시 <b>세금 코드</b> & 오류`);
    expect(m.text).toContain(`${w.customer.name}님, 안녕하세요.`);
    expect(m.text).toContain(`접수 번호: ${number}`);
    expect(m.text).toContain(`https://hamkke.example.com/tickets/${number}`);
    expect(m.messageId).toMatch(new RegExp(`^<hamkke-${number}-[0-9a-f-]{36}@${DOMAIN}>$`));
    expect(m.inReplyTo).toBe(`<hamkke-${number}@${DOMAIN}>`);
    expect(m.references).toBe(`<hamkke-${number}@${DOMAIN}>`);
    expect(m.headers.get('auto-submitted')).toBe('auto-generated');
    expect(m.replyTo?.value[0]?.address).toBe(FROM);
    expect(m.from?.value[0]?.address).toBe(FROM);
    // The HTML part shows the title as text, never as markup.
    expect(m.html).toContain('FB60 전기 시 &lt;b&gt;세금 코드&lt;/b&gt; &amp; 오류');
    expect(m.html).not.toContain('<b>세금');
    expect(m.html).toContain(`<a href="https://hamkke.example.com/tickets/${number}">`);
    // The person who opened it sees it in the app already: the receipt is mail only.
    const inApp = await db.select().from(notifications).where(eq(notifications.userId, w.customer.id));
    expect(inApp).toEqual([]);
  });

  it('writes to a requester whose language is English in English', async () => {
    const { customer, ticket } = await ticketFor({ locale: 'en' });
    await smtp.until(() => smtp.to(customer.email).length === 1, 'the receipt');
    const m = smtp.to(customer.email)[0]!.parsed;
    expect(m.subject).toBe(`[${ticket.number}] We have received your request: ${ticket.title}`);
    expect(m.text).toContain(`Ticket: ${ticket.number}`);
    expect(m.text).toContain(`Hello ${customer.name},`);
    // Korean only where the data is Korean (the title and the company's name).
    expect(m.text.replaceAll(ticket.title, '').replace(/Company: .*/, '')).not.toMatch(/[가-힣]/);
  });

  it('mails a staff public reply to the requester, and never an internal note', async () => {
    const { customer, agent, ticket } = await ticketFor();
    const url = `/tickets/${ticket.id}/comments`;
    const internal = await as(agent).post(url, {
      body: '내부 메모: 고객 담당자 교체 예정',
      visibility: 'internal',
    });
    expect(internal.statusCode).toBe(201);
    const reply = await as(agent).post(url, {
      body: '이동 유형 101 설정을 수정했습니다.\n다시 시도해 주세요.',
    });
    expect(reply.statusCode).toBe(201);

    await smtp.until(() => smtp.to(customer.email).length === 2, 'the receipt and the reply');
    const replies = smtp.to(customer.email).filter((m) => m.parsed.subject?.includes('새 답변'));
    expect(replies).toHaveLength(1);
    const m = replies[0]!.parsed;
    expect(m.subject).toBe(`[${ticket.number}] 새 답변: ${ticket.title}`);
    expect(m.text).toContain(`${agent.name}님이 ${ticket.number} 건에 답변을 남겼습니다.`);
    expect(m.text).toContain('이동 유형 101 설정을 수정했습니다.\n다시 시도해 주세요.');
    expect(m.html).toContain('이동 유형 101 설정을 수정했습니다.<br>');
    for (const mail of smtp.to(customer.email)) expect(mail.raw).not.toContain('내부 메모');
    // What was queued, not only what arrived: the internal note queued nothing for the customer.
    const rows = await outboxFor(customer.id, ticket.id);
    expect(rows.map((r) => r.kind).sort()).toEqual(['public_reply', 'ticket_received']);
  });

  it('mails a customer reply to the assignee, and not to the customer who wrote it', async () => {
    const { customer, agent, ticket } = await ticketFor();
    const res = await as(customer).post(`/tickets/${ticket.id}/comments`, {
      body: '재현 화면 첨부했습니다.',
    });
    expect(res.statusCode).toBe(201);
    await smtp.until(() => smtp.to(agent.email).length === 1, 'the reply to the assignee');
    const m = smtp.to(agent.email)[0]!.parsed;
    expect(m.subject).toBe(`[${ticket.number}] 새 답변: ${ticket.title}`);
    expect(m.text).toContain('재현 화면 첨부했습니다.');
    const own = (await outboxFor(customer.id, ticket.id)).map((r) => r.kind);
    expect(own).toEqual(['ticket_received']);
  });

  it('tells mentioned staff, never a mentioned customer, and not the author about themselves', async () => {
    const { customer, agent, manager, viewer, ticket } = await ticketFor();
    const body = `@[${manager.name}](user:${manager.id}) @[${viewer.name}](user:${viewer.id}) 확인 부탁드립니다. @[${customer.name}](user:${customer.id}) @[나](user:${agent.id})`;
    const res = await as(agent).post(`/tickets/${ticket.id}/comments`, { body, visibility: 'internal' });
    expect(res.statusCode).toBe(201);
    await smtp.until(
      () => smtp.to(manager.email).length === 1 && smtp.to(viewer.email).length === 1,
      'the mentions',
    );
    const m = smtp.to(manager.email)[0]!.parsed;
    expect(m.subject).toBe(`[${ticket.number}] ${agent.name}님이 회원님을 언급했습니다: ${ticket.title}`);
    // The mention token reads as a name in the mail.
    expect(m.text).toContain(`@${manager.name} @${viewer.name} 확인 부탁드립니다.`);
    expect(m.text).not.toContain('(user:');
    expect((await outboxFor(customer.id, ticket.id)).map((r) => r.kind)).toEqual(['ticket_received']);
    expect(await outboxFor(agent.id, ticket.id)).toEqual([]);
    const inApp = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.ticketId, ticket.id), eq(notifications.kind, 'mention')));
    expect(inApp.map((n) => n.userId).sort()).toEqual([manager.id, viewer.id].sort());
  });

  it('honours each person’s choice of mail and in-app notices per kind', async () => {
    const { customer, agent, ticket } = await ticketFor();
    const prefs = await putAs(app, customer, '/me/notification-preferences', {
      items: [{ kind: 'public_reply', email: false }],
    });
    expect(prefs.statusCode, prefs.body).toBe(200);
    await as(agent).post(`/tickets/${ticket.id}/comments`, { body: '첫 번째 답변입니다.' });
    expect((await outboxFor(customer.id, ticket.id)).map((r) => r.kind)).toEqual(['ticket_received']);
    const inApp = await db.select().from(notifications).where(eq(notifications.userId, customer.id));
    expect(inApp.map((n) => n.kind)).toEqual(['public_reply']);

    await putAs(app, customer, '/me/notification-preferences', {
      items: [{ kind: 'public_reply', email: true, inApp: false }],
    });
    await as(agent).post(`/tickets/${ticket.id}/comments`, { body: '두 번째 답변입니다.' });
    expect((await outboxFor(customer.id, ticket.id)).map((r) => r.kind).sort()).toEqual([
      'public_reply',
      'ticket_received',
    ]);
    expect(await db.select().from(notifications).where(eq(notifications.userId, customer.id))).toHaveLength(
      1,
    );
    await smtp.until(() => smtp.to(customer.email).length === 2, 'the second reply');
    expect(smtp.to(customer.email).some((x) => x.parsed.text?.includes('두 번째 답변입니다.'))).toBe(true);
  });

  it('sends SLA warnings to staff in their language with the due time in Seoul time, never to customers', async () => {
    const { customer, agent, manager, ticket } = await ticketFor();
    const english = await makeUser('manager', null, { locale: 'en' });
    await notify(db, [agent.id, manager.id, english.id, customer.id], {
      kind: 'sla_breached',
      ticketId: ticket.id,
      data: {
        number: ticket.number,
        title: ticket.title,
        clock: 'resolution',
        dueAt: '2026-11-25T08:00:00.000Z',
      },
    });
    await smtp.until(
      () => [agent, manager, english].every((u) => smtp.to(u.email).length === 1),
      'the SLA mails',
    );
    const ko = smtp.to(manager.email)[0]!.parsed;
    expect(ko.subject).toBe(`[${ticket.number}] SLA 위반(해결): ${ticket.title}`);
    expect(ko.text).toContain('기한: 2026-11-25 17:00 (KST)');
    const en = smtp.to(english.email)[0]!.parsed;
    expect(en.subject).toBe(`[${ticket.number}] SLA breached (resolution): ${ticket.title}`);
    expect((await outboxFor(customer.id, ticket.id)).map((r) => r.kind)).toEqual(['ticket_received']);
  });

  it('tells staff when a contract’s month reaches its hours, naming the contract', async () => {
    const { agent, manager, contract, ticket } = await ticketFor();
    await notify(db, [manager.id, agent.id], {
      kind: 'contract_hours',
      ticketId: ticket.id,
      contractId: contract.id,
      data: { month: '2026-11', thresholdPercent: 80, usedHours: 64, entitledHours: 80 },
    });
    await smtp.until(() => smtp.to(manager.email).length === 1, 'the contract-hours mail');
    const m = smtp.to(manager.email)[0]!.parsed;
    expect(m.subject).toBe(`[${ticket.number}] 계약 시간 80% 도달: ${contract.name}`);
    expect(m.text).toContain('사용: 64시간 / 월 계약 시간: 80시간');
  });

  it('puts the five one-click rating links in the resolved mail when there is a survey', async () => {
    const { customer, ticket } = await ticketFor();
    const surveyUrl = 'https://hamkke.example.com/survey/abc123';
    await notify(db, [customer.id], {
      kind: 'ticket_resolved',
      ticketId: ticket.id,
      data: { surveyUrl, surveyExpiresAt: '2026-12-09T09:00:00.000Z' },
    });
    await smtp.until(() => smtp.to(customer.email).length === 2, 'the resolved mail');
    const m = smtp.to(customer.email).find((x) => x.parsed.subject?.includes('처리가 완료'))!.parsed;
    for (const rating of [1, 2, 3, 4, 5]) {
      expect(m.text).toContain(`${surveyUrl}?rating=${rating}`);
      expect(m.html).toContain(`<a href="${surveyUrl}?rating=${rating}">`);
    }
    expect(m.text).toContain('2026-12-09 18:00 (KST)까지');

    // Without a survey the paragraph about it is left out.
    await notify(db, [customer.id], { kind: 'ticket_resolved', ticketId: ticket.id });
    await smtp.until(() => smtp.to(customer.email).length === 3, 'the second resolved mail');
    const plain = smtp
      .to(customer.email)
      .find((x) => x.parsed.subject?.includes('처리가 완료') && x.parsed.messageId !== m.messageId)!.parsed;
    expect(plain.text).not.toContain('rating=');
    expect(plain.text).not.toContain('이번 지원은 어떠셨나요');
  });

  it('uses an admin’s template override, and the default again after a reset', async () => {
    const { customer, agent, ticket } = await ticketFor({ locale: 'en' });
    const put = await putAs(app, admin, '/mail/templates/public_reply/en', {
      subject: 'Answer from {{authorName}}',
      body: 'Dear {{recipientName}},\n\n{{commentBody}}\n\n-- Service desk ({{ticketNumber}})',
    });
    expect(put.statusCode, put.body).toBe(200);
    try {
      await as(agent).post(`/tickets/${ticket.id}/comments`, { body: 'Transport DEVK900123 is imported.' });
      await smtp.until(() => smtp.to(customer.email).length === 2, 'the reply');
      const m = smtp.to(customer.email).find((x) => x.parsed.subject?.includes('Answer from'))!.parsed;
      expect(m.subject).toBe(`[${ticket.number}] Answer from ${agent.name}`);
      expect(m.text).toContain(`Dear ${customer.name},\n\nTransport DEVK900123 is imported.`);
    } finally {
      expect((await as(admin).delete('/mail/templates/public_reply/en')).statusCode).toBe(200);
    }
    await as(agent).post(`/tickets/${ticket.id}/comments`, { body: 'Please try again.' });
    await smtp.until(() => smtp.to(customer.email).length === 3, 'the reply after the reset');
    const after = smtp.to(customer.email).filter((x) => x.parsed.subject?.includes('New reply'));
    expect(after.map((x) => x.parsed.subject)).toEqual([`[${ticket.number}] New reply: ${ticket.title}`]);
  });
});

/** Stands in for a dead SMTP server on the capture server's port: takes each connection and drops it. */
async function downServer(port: number) {
  const attempts: number[] = [];
  const server = net.createServer((socket) => {
    attempts.push(Date.now());
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { attempts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const messageIdsOf = (mails: { parsed: { messageId?: string | undefined } }[]) =>
  mails.map((m) => m.parsed.messageId!);

describe('delivery through the outbox', () => {
  it('threads a ticket that came in by mail under the customer’s own first message', async () => {
    const { customer, ticket } = await ticketFor();
    const original = `<CAF${crypto.randomUUID()}@mail.gmail.com>`;
    await db.insert(inboundMessages).values({
      source: 'smtp',
      raw: Buffer.from('Subject: test\r\n\r\nbody'),
      size: 25,
      messageId: original,
      ticketId: ticket.id,
      status: 'processed',
    });
    await notify(db, [customer.id], { kind: 'ticket_resolved', ticketId: ticket.id });
    await smtp.until(() => smtp.to(customer.email).length === 2, 'the resolved mail');
    const m = smtp.to(customer.email).find((x) => x.parsed.subject?.includes('처리가 완료'))!.parsed;
    expect(m.inReplyTo).toBe(original);
    expect(m.references).toEqual([original, `<hamkke-${ticket.number}@${DOMAIN}>`]);
  });

  it('delivers every mail of a burst exactly once when the SMTP server goes down in the middle of it', async () => {
    const { customer, agent, ticket } = await ticketFor();
    await smtp.until(() => smtp.to(customer.email).length === 1, 'the receipt');
    const reply = (i: number) =>
      as(agent).post(`/tickets/${ticket.id}/comments`, { body: `답변 ${i}: 전송 요청 DEVK9001${i}` });

    for (let i = 1; i <= 30; i++) expect((await reply(i)).statusCode).toBe(201);
    await smtp.until(() => smtp.to(customer.email).length >= 10, 'the first replies');
    // The server goes away while mail is still going out, and the burst goes on.
    await smtp.stop();
    const outageStart = Date.now();
    const down = await downServer(smtp.port);
    for (let i = 31; i <= 100; i++) expect((await reply(i)).statusCode).toBe(201);
    await new Promise((r) => setTimeout(r, 1500));
    await down.close();
    const outageMs = Date.now() - outageStart;
    const arrivedBefore = smtp.to(customer.email).length;
    await smtp.start();

    await smtp.until(() => smtp.to(customer.email).length >= 101, 'all 101 mails', 30_000);
    await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up, if any
    const ids = messageIdsOf(smtp.to(customer.email));
    expect(ids).toHaveLength(101);
    expect(new Set(ids).size).toBe(101);
    const rows = await outboxFor(customer.id, ticket.id);
    expect(rows).toHaveLength(101);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(ids));
    for (let i = 1; i <= 100; i++)
      expect(smtp.to(customer.email).some((m) => m.parsed.text?.includes(`답변 ${i}: `))).toBe(true);

    // While it was down the worker backed off: a handful of tries at growing intervals, not one per poll.
    expect(arrivedBefore).toBeLessThan(101);
    const starts = down.attempts.filter((t, i) => i === 0 || t - down.attempts[i - 1]! > 60);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    console.info(`outage ${outageMs} ms: ${starts.length} tries, gaps ${gaps.join(' ')} ms`);
    expect(starts.length).toBeGreaterThan(1);
    // Polling every 20 ms without back-off would try about outageMs / 20 times.
    expect(starts.length).toBeLessThan(outageMs / 100);
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(190);
  });

  it('never lets two workers send the same mail', async () => {
    const others = [testWorker({ batch: 7 }).start(), testWorker({ batch: 5, concurrency: 2 }).start()];
    try {
      const { customer, agent, ticket } = await ticketFor();
      const people = [customer, agent];
      await db.transaction(async (tx) => {
        for (let i = 0; i < 60; i++)
          await notify(
            tx,
            people.map((p) => p.id),
            {
              kind: 'ticket_resolved',
              ticketId: ticket.id,
              data: { n: i },
            },
          );
      });
      await smtp.until(
        () => smtp.to(customer.email).length >= 61 && smtp.to(agent.email).length >= 60,
        'all 121 mails',
        30_000,
      );
      await new Promise((r) => setTimeout(r, 300));
      const ids = messageIdsOf([...smtp.to(customer.email), ...smtp.to(agent.email)]);
      expect(ids).toHaveLength(121);
      expect(new Set(ids).size).toBe(121);
      const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, ticket.id));
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    } finally {
      await Promise.all(others.map((w) => w.stop()));
    }
  });

  it('after a crash, resends what was never handed to SMTP and never what may have been', async () => {
    const { customer, ticket } = await ticketFor();
    await smtp.until(() => smtp.to(customer.email).length === 1, 'the receipt');
    // Two rows as a worker that died would leave them — one claimed, one in the SMTP transaction —
    // written in the transaction that queues them, so no live worker sees them before.
    const past = new Date(Date.now() - 1000);
    const [claimed, sending] = await db.transaction(async (tx) => {
      await notify(tx, [customer.id], { kind: 'ticket_resolved', ticketId: ticket.id });
      await notify(tx, [customer.id], { kind: 'ticket_resolved', ticketId: ticket.id });
      const rows = await tx
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.ticketId, ticket.id), eq(mailOutbox.kind, 'ticket_resolved')));
      await tx
        .update(mailOutbox)
        .set({ status: 'claimed', claimToken: crypto.randomUUID(), leaseUntil: past })
        .where(eq(mailOutbox.id, rows[0]!.id));
      await tx
        .update(mailOutbox)
        .set({ status: 'sending', attempts: 1, claimToken: crypto.randomUUID(), leaseUntil: past })
        .where(eq(mailOutbox.id, rows[1]!.id));
      return rows;
    });

    await smtp.until(() => smtp.to(customer.email).length === 2, 'the claimed mail');
    await new Promise((r) => setTimeout(r, 300));
    expect(messageIdsOf(smtp.to(customer.email))).toContain(claimed!.messageId);
    expect(messageIdsOf(smtp.to(customer.email))).not.toContain(sending!.messageId);
    const [doubt] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, sending!.id));
    expect(doubt!.status).toBe('in_doubt');

    // The admin sees it and decides; sent again on request, it is recognisably the same message.
    const listed = await as(admin).get('/mail/outbox?status=in_doubt&limit=200');
    expect(listed.statusCode).toBe(200);
    expect(listed.data.items.map((m: { id: string }) => m.id)).toContain(sending!.id);
    expect((await as(admin).post(`/mail/outbox/${claimed!.id}/retry`)).statusCode).toBe(409);
    const retried = await as(admin).post(`/mail/outbox/${sending!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.data.status).toBe('pending');
    await smtp.until(() => smtp.to(customer.email).length === 3, 'the retried mail');
    expect(messageIdsOf(smtp.to(customer.email))).toContain(sending!.messageId);
  });

  it('gives up at once on a recipient the server refuses for good, and on mail too old to matter', async () => {
    const { customer, ticket } = await ticketFor();
    // The capture server answers 550 to any address starting with `gone-`.
    const gone = await makeUser('customer', customer.organizationId, { email: `gone-${customer.email}` });
    await notify(db, [gone.id], { kind: 'ticket_resolved', ticketId: ticket.id });
    const [old] = await db
      .insert(mailOutbox)
      .values({
        id: crypto.randomUUID(),
        userId: customer.id,
        toAddress: customer.email,
        kind: 'public_reply',
        ticketId: ticket.id,
        locale: 'ko',
        subject: `[${ticket.number}] 오래된 메일`,
        text: '오래된 메일',
        html: '<p>오래된 메일</p>',
        messageId: `<hamkke-${ticket.number}-${crypto.randomUUID()}@${DOMAIN}>`,
        createdAt: new Date(Date.now() - 49 * 3_600_000),
        nextAttemptAt: new Date(Date.now() - 3_600_000),
      })
      .returning();
    const settled = async (where: ReturnType<typeof eq>) => {
      const end = Date.now() + 10_000;
      for (;;) {
        const [row] = await db.select().from(mailOutbox).where(where);
        if (
          (row && row.status !== 'pending' && row.status !== 'claimed' && row.status !== 'sending') ||
          Date.now() > end
        )
          return row!;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const refused = await settled(eq(mailOutbox.userId, gone.id));
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.lastError).toContain('550');
    const expired = await settled(eq(mailOutbox.id, old!.id));
    expect(expired.status).toBe('failed');
    expect(expired.lastError).toContain('given up');
    expect(smtp.mails.some((m) => m.parsed.messageId === old!.messageId)).toBe(false);
  });
});

describe('mail settings', () => {
  it('keeps the password out of every answer and queues nothing while mail is off', async () => {
    try {
      const put = await putAs(app, admin, '/mail/settings', {
        smtpUrl: `smtp://hamkke:s3cret-pw@127.0.0.1:${smtp.port}`,
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.data).toMatchObject({
        smtpUrl: `smtp://hamkke@127.0.0.1:${smtp.port}`,
        hasPassword: true,
        from: FROM,
        isEnabled: true,
        source: 'settings',
        isSending: true,
      });
      const got = await as(admin).get('/mail/settings');
      expect(got.body).not.toContain('s3cret-pw');
      const audit = await as(admin).get('/audit?entityType=mail_settings');
      expect(audit.statusCode).toBe(200);
      expect(audit.body).not.toContain('s3cret-pw');

      const off = await putAs(app, admin, '/mail/settings', { isEnabled: false, password: null });
      expect(off.data).toMatchObject({ isEnabled: false, isSending: false, hasPassword: false });
      const { customer, ticket } = await ticketFor();
      await notify(db, [customer.id], { kind: 'ticket_resolved', ticketId: ticket.id });
      // Nothing queued, so nothing piles up to flood people when mail is turned on again.
      expect(await outboxFor(customer.id)).toEqual([]);
      const inApp = await db.select().from(notifications).where(eq(notifications.userId, customer.id));
      expect(inApp.map((n) => n.kind)).toEqual(['ticket_resolved']);
    } finally {
      await useCaptureServer();
    }
  });

  it('refuses a malformed server address or sender, naming the field', async () => {
    const url = await putAs(app, admin, '/mail/settings', { smtpUrl: 'http://mail.example.com' });
    expect(url.statusCode).toBe(400);
    expect(url.data.errors[0].path).toBe('smtpUrl');
    for (const bad of ['smtp://[::1', 'smtp://user:pa%ZZ@mail.example.com:25', 'smtp://:25']) {
      const res = await putAs(app, admin, '/mail/settings', { smtpUrl: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.data.errors[0].path).toBe('smtpUrl');
    }
    const from = await putAs(app, admin, '/mail/settings', { from: 'not an address' });
    expect(from.statusCode).toBe(400);
    expect(from.data.errors[0].path).toBe('from');
    expect((await putAs(app, admin, '/mail/settings', {})).statusCode).toBe(400);
  });
});
