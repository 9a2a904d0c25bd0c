import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/current.js';
import { tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import {
  eml,
  MAIL_DOMAIN,
  newMessageId,
  sendSmtp,
  settingsFor,
  settledByMessageId,
  startTestListener,
  type TEmlVars,
} from './mail-in.fixtures.js';
import type { TSmtpListener } from './smtp-listener.js';

const app = useApp({ HAMKKE_MAIL_DOMAIN: MAIL_DOMAIN });
let listener: TSmtpListener;
beforeAll(async () => {
  listener = await startTestListener(settingsFor(inject('dataDir')));
});
afterAll(() => listener.stop());

/** Sends a corpus message over SMTP and waits until Hamkke has filed it. */
async function deliver(name: string, vars: TEmlVars) {
  const messageId = vars.messageId ?? newMessageId();
  await sendSmtp(listener.port, eml(name, { ...vars, messageId }), {
    from: vars.from,
    to: [`support@${MAIL_DOMAIN}`],
  });
  return settledByMessageId(messageId);
}

const ticketsOf = (organizationId: string) =>
  db.select().from(tickets).where(eq(tickets.organizationId, organizationId));

describe('a new message from a known contact opens a ticket', () => {
  it('Outlook in Korean: title, description, channel e-mail, requester and organization', async () => {
    const w = await makeWorld();
    const stored = await deliver('outlook-ko.eml', { from: w.customer.email.toUpperCase() });
    expect(stored).toMatchObject({
      status: 'processed',
      reason: 'new_ticket',
      subject: '[긴급] 전표 전기 오류 문의',
    });
    const agent = client(app, { cookie: w.agent.cookie });
    const ticket = (await agent.get(`/tickets/${stored.ticketId}`)).data;
    expect(ticket).toMatchObject({
      title: '[긴급] 전표 전기 오류 문의',
      description:
        '안녕하세요.\n\nFI 모듈에서 전표 전기 시 오류(F5 808)가 발생합니다.\n확인 부탁드립니다.\n\n김민수 드림',
      channel: 'email',
      organizationId: w.org.id,
      requester: { id: w.customer.id },
      status: 'new',
    });
    // The customer sees it in the portal like any ticket of theirs.
    const mine = await client(app, { cookie: w.customer.cookie }).get(`/tickets/${ticket.number}`);
    expect(mine.statusCode).toBe(200);
  });

  it.each([
    [
      'gmail-ko.eml',
      'MM 모듈 구매오더 ME21N 저장 불가',
      'ME21N에서 구매오더를 저장하면 "M7 021" 메시지가 나옵니다.\n플랜트 1000, 자재 4711입니다.',
    ],
    [
      'daum.eml',
      'PP 생산오더 확정 문의',
      '생산오더 확정(CO11N) 시 "재고 부족" 오류가 납니다.\n다음 주 월말 마감 전에 확인 부탁드립니다.',
    ],
    [
      'iso-2022-kr.eml',
      '자재 마스터 변경 요청',
      '자재 4711의 기본 단위를 EA에서 BOX로 바꿔 주세요.\n감사합니다.',
    ],
  ])('%s arrives with its Korean intact', async (name, title, description) => {
    const w = await makeWorld();
    const stored = await deliver(name, { from: w.customer.email });
    const [ticket] = await ticketsOf(w.org.id);
    expect(stored.status).toBe('processed');
    expect(ticket).toMatchObject({ title, description, channel: 'email' });
  });

  it('Naver (HTML only): the ticket has the plain text; the admin sees the sanitised HTML', async () => {
    const w = await makeWorld();
    const stored = await deliver('naver.eml', { from: w.customer.email });
    const [ticket] = await ticketsOf(w.org.id);
    expect(ticket!.title).toBe('출하 처리 오류');
    expect(ticket!.description).toContain('SD 모듈 출하 처리(VL01N)가 안 됩니다.');
    const detail = (await client(app, { cookie: w.admin.cookie }).get(`/mail/inbound/${stored.id}`)).data;
    expect(detail.bodyHtml).toContain('<p>SD 모듈 출하 처리(VL01N)가 안 됩니다.</p>');
    expect(detail.bodyHtml).not.toContain('readReceipt');
  });

  it('attachments keep their Korean names and exact bytes, downloadable from the ticket', async () => {
    const w = await makeWorld();
    const stored = await deliver('with-attachments.eml', { from: w.customer.email });
    const customer = client(app, { cookie: w.customer.cookie });
    const timeline = (await customer.get(`/tickets/${stored.ticketId}/timeline`)).data.items;
    const files = timeline
      .filter((i: { kind: string }) => i.kind === 'attachment')
      .map((i: { attachment: unknown }) => i.attachment);
    expect(files.map((f: { filename: string }) => f.filename)).toEqual([
      '견적서_2026년11월.xlsx',
      '작업로그.txt',
    ]);
    const xlsx = await customer.get(`/tickets/${stored.ticketId}/attachments/${files[0].id}`);
    expect(xlsx.rawPayload).toEqual(
      Buffer.from([
        0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x80, 0x7f,
      ]),
    );
    const log = await customer.get(`/tickets/${stored.ticketId}/attachments/${files[1].id}`);
    expect(log.body).toBe('STMS import RC=8\n');
    expect(files[0].uploader).toMatchObject({ id: w.customer.id });
  });

  it('an EUC-KR message with an RFC 2231 EUC-KR file name, and an inline image (cid)', async () => {
    const w = await makeWorld();
    const euckr = await deliver('euc-kr-attachment.eml', { from: w.customer.email });
    const inline = await deliver('inline-image.eml', { from: w.customer.email });
    const customer = client(app, { cookie: w.customer.cookie });
    const names = async (ticketId: string | null) =>
      (await customer.get(`/tickets/${ticketId}/timeline`)).data.items
        .filter((i: { kind: string }) => i.kind === 'attachment')
        .map((i: { attachment: { filename: string; contentType: string } }) => i.attachment);
    expect(await names(euckr.ticketId)).toMatchObject([{ filename: '오류화면.txt' }]);
    expect(await names(inline.ticketId)).toMatchObject([
      { filename: 'capture.png', contentType: 'image/png' },
    ]);
    const [euckrTicket] = await db.select().from(tickets).where(eq(tickets.id, euckr.ticketId!));
    expect(euckrTicket!.description).toBe(
      '월마감 보고서 실행 시 덤프가 발생합니다.\n오류 화면을 첨부합니다.',
    );
  });

  it('a forwarded message keeps what was forwarded in the description', async () => {
    const w = await makeWorld();
    await deliver('forwarded.eml', { from: w.customer.email });
    const [ticket] = await ticketsOf(w.org.id);
    expect(ticket!.title).toBe('Fwd: 인터페이스 실패 알림');
    expect(ticket!.description).toContain('IDoc ORDERS05 전송 실패: 상태 51');
  });

  it('keeps the raw message exactly as it arrived, for the admin to download', async () => {
    const w = await makeWorld();
    const messageId = newMessageId();
    const raw = eml('daum.eml', { from: w.customer.email, messageId });
    await sendSmtp(listener.port, raw, { from: w.customer.email, to: [`support@${MAIL_DOMAIN}`] });
    const stored = await settledByMessageId(messageId);
    const download = await client(app, { cookie: w.admin.cookie }).get(`/mail/inbound/${stored.id}/raw`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('message/rfc822');
    expect(download.rawPayload).toEqual(raw);
  });
});

describe('loops and noise never open tickets', () => {
  it.each([
    ['bounce-dsn.eml', 'auto_submitted'],
    ['out-of-office.eml', 'auto_submitted'],
  ])('%s is stored as ignored (%s) and opens nothing', async (name, reason) => {
    const w = await makeWorld();
    const stored = await deliver(name, { from: w.customer.email });
    expect(stored).toMatchObject({ status: 'ignored', reason, ticketId: null });
    expect(await ticketsOf(w.org.id)).toHaveLength(0);
  });

  it('a bounce with the null envelope sender, and a message with Hamkke’s own Message-ID', async () => {
    const w = await makeWorld();
    const bounceId = newMessageId();
    await sendSmtp(listener.port, eml('daum.eml', { from: w.customer.email, messageId: bounceId }), {
      from: '',
      to: [`support@${MAIL_DOMAIN}`],
    });
    expect(await settledByMessageId(bounceId)).toMatchObject({
      status: 'ignored',
      reason: 'null_return_path',
    });
    const ownId = `hamkke-${w.org.code}-000001-0a1b2c@${MAIL_DOMAIN}`;
    expect(await deliver('gmail-ko.eml', { from: w.customer.email, messageId: ownId })).toMatchObject({
      status: 'ignored',
      reason: 'own_message',
    });
    expect(await ticketsOf(w.org.id)).toHaveLength(0);
  });
});

describe('a reply becomes a public comment on its ticket', () => {
  async function opened() {
    const w = await makeWorld();
    const first = await deliver('gmail-ko.eml', { from: w.customer.email });
    const [ticket] = await ticketsOf(w.org.id);
    return { w, first, ticket: ticket! };
  }
  const commentsOf = async (cookie: string, ticketId: string) =>
    (await client(app, { cookie }).get(`/tickets/${ticketId}/timeline`)).data.items
      .filter((i: { kind: string }) => i.kind === 'comment')
      .map((i: { comment: { body: string; visibility: string; author: { id: string } } }) => i.comment);

  it('by In-Reply-To/References naming the first message; the quoted history is folded away', async () => {
    const { w, first, ticket } = await opened();
    const reply = await deliver('reply-gmail-quoted.eml', {
      from: w.customer.email,
      inReplyTo: first.messageId!.slice(1, -1),
    });
    expect(reply).toMatchObject({ status: 'processed', reason: 'reply', ticketId: ticket.id });
    expect(reply.details).toMatchObject({ threadedBy: 'message_id' });
    expect(await commentsOf(w.customer.cookie, ticket.id)).toMatchObject([
      {
        body: '추가로 확인해 보니 자재 4712도 같은 증상입니다.',
        visibility: 'public',
        author: { id: w.customer.id },
      },
    ]);
    // The full text stays retrievable with the message.
    const detail = (await client(app, { cookie: w.admin.cookie }).get(`/mail/inbound/${reply.id}`)).data;
    expect(detail.quotedText).toContain('> 구매 그룹 설정을 확인해 주세요.');
    expect(detail).toMatchObject({
      threadedBy: 'message_id',
      remoteAddress: '127.0.0.1',
      ticketNumber: ticket.number,
    });
    expect(await ticketsOf(w.org.id)).toHaveLength(1);
  });

  it('by the Message-ID of Hamkke’s outbound mail, which carries the ticket number', async () => {
    const { w, ticket } = await opened();
    const reply = await deliver('reply-outlook-quoted.eml', {
      from: w.customer.email,
      ticket: 'NONE-000000',
      inReplyTo: `hamkke-${ticket.number}-notice-1@${MAIL_DOMAIN}`,
    });
    expect(reply).toMatchObject({
      status: 'processed',
      ticketId: ticket.id,
      details: { threadedBy: 'hamkke_message_id' },
    });
    expect((await commentsOf(w.agent.cookie, ticket.id))[0].body).toBe(
      '말씀하신 대로 전기 기간을 열었더니 해결되었습니다.\n감사합니다.',
    );
  });

  it('by the thread root Hamkke puts in References (<hamkke-{number}@domain>)', async () => {
    const { w, ticket } = await opened();
    const reply = await deliver('reply-gmail-quoted.eml', {
      from: w.customer.email,
      references: `hamkke-${ticket.number}@${MAIL_DOMAIN}`,
    });
    expect(reply).toMatchObject({ ticketId: ticket.id, details: { threadedBy: 'hamkke_message_id' } });
  });

  it('by the ticket number in the subject, and it reopens a resolved ticket', async () => {
    const { w, ticket } = await opened();
    const agent = client(app, { cookie: w.agent.cookie });
    expect((await agent.patch(`/tickets/${ticket.id}`, { status: 'resolved' })).statusCode).toBe(200);
    const reply = await deliver('reply-outlook-quoted.eml', {
      from: w.customer.email,
      ticket: ticket.number,
    });
    expect(reply).toMatchObject({
      status: 'processed',
      ticketId: ticket.id,
      details: { threadedBy: 'subject_number' },
    });
    expect((await agent.get(`/tickets/${ticket.id}`)).data.status).toBe('open');
  });

  it('a staff member’s mail is their public reply', async () => {
    const { w, ticket } = await opened();
    const reply = await deliver('reply-outlook-quoted.eml', { from: w.agent.email, ticket: ticket.number });
    expect(reply.ticketId).toBe(ticket.id);
    expect(await commentsOf(w.agent.cookie, ticket.id)).toMatchObject([{ author: { id: w.agent.id } }]);
  });

  it('a customer of another organization cannot reach the ticket: their mail opens a ticket of their own', async () => {
    const { w, ticket } = await opened();
    const otherOrg = await makeOrganization();
    const outsider = await makeUser('customer', otherOrg.id);
    const stored = await deliver('reply-outlook-quoted.eml', { from: outsider.email, ticket: ticket.number });
    expect(stored.reason).toBe('new_ticket');
    expect(stored.ticketId).not.toBe(ticket.id);
    expect(await commentsOf(w.agent.cookie, ticket.id)).toHaveLength(0);
    expect(await ticketsOf(otherOrg.id)).toHaveLength(1);
  });
});

describe('unknown senders', () => {
  it('go to triage; an admin opens a ticket for a chosen organization or rejects the message', async () => {
    const w = await makeWorld();
    const admin = client(app, { cookie: w.admin.cookie });
    const stranger = `stranger-${Date.now()}@unknown.example`;
    const a = await deliver('with-attachments.eml', { from: stranger });
    const b = await deliver('daum.eml', { from: stranger });
    expect([a.status, a.reason, b.status]).toEqual(['triage', 'unknown_sender', 'triage']);
    const triage = (await admin.get('/mail/triage?limit=200')).data.items.map((m: { id: string }) => m.id);
    expect(triage).toEqual(expect.arrayContaining([a.id, b.id]));

    const opened = await admin.post(`/mail/inbound/${a.id}/open-ticket`, {
      organizationId: w.org.id,
      requesterId: w.customer.id,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.data).toMatchObject({ status: 'processed', ticketNumber: expect.stringMatching(/^T/) });
    const ticket = (await admin.get(`/tickets/${opened.data.ticketId}`)).data;
    expect(ticket).toMatchObject({ title: '견적 검토 요청', channel: 'email', organizationId: w.org.id });
    const timeline = (await admin.get(`/tickets/${ticket.id}/timeline`)).data.items;
    expect(timeline.filter((i: { kind: string }) => i.kind === 'attachment')).toHaveLength(2);

    const rejected = await admin.post(`/mail/inbound/${b.id}/reject`, { reason: '광고 메일' });
    expect(rejected.data).toMatchObject({ status: 'rejected', reason: 'rejected_by_admin: 광고 메일' });
    const again = await admin.post(`/mail/inbound/${b.id}/reject`, {});
    expect(again.statusCode).toBe(409);
    const audit = (await admin.get(`/audit?entityType=inbound_message&entityId=${b.id}`)).data.items;
    expect(audit).toMatchObject([{ action: 'reject', actor: { id: w.admin.id } }]);
  });

  it('are rejected outright where the setting says reject', async () => {
    const strict = await startTestListener(settingsFor(inject('dataDir'), { unknownSender: 'reject' }));
    try {
      const messageId = newMessageId();
      await sendSmtp(strict.port, eml('daum.eml', { from: 'nobody@unknown.example', messageId }));
      expect(await settledByMessageId(messageId)).toMatchObject({
        status: 'rejected',
        reason: 'unknown_sender',
      });
    } finally {
      await strict.stop();
    }
  });

  it('opening a triaged message for a missing organization is refused, naming the field, in Korean', async () => {
    const w = await makeWorld();
    const stored = await deliver('daum.eml', { from: 'someone@unknown.example' });
    const res = await client(app, { cookie: w.admin.cookie }).post(`/mail/inbound/${stored.id}/open-ticket`, {
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(422);
    expect(res.data.errors).toMatchObject([{ path: 'organizationId' }]);
    expect(res.data.detail).toBe('해당 고객사가 없습니다');
    const bad = await client(app, { cookie: w.admin.cookie }).post(`/mail/inbound/${stored.id}/open-ticket`, {
      organizationId: 'not-a-uuid',
    });
    expect(bad.statusCode).toBe(400);
  });
});
