import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/current.js';
import { inboundMessages, mailMailboxes, tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeWorld } from '../test/factories.js';
import { startDovecot, type TDovecot } from './dovecot.fixtures.js';
import { pollMailbox, startImapPoller } from './imap-poller.js';
import { eml, MAIL_DOMAIN, newMessageId, settingsFor, settledByMessageId } from './mail-in.fixtures.js';

const app = useApp({ HAMKKE_MAIL_DOMAIN: MAIL_DOMAIN });
const logger = pino({ level: 'silent' });
let dovecot: TDovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
}, 30_000);
afterAll(() => dovecot?.stop());

/** A mailbox configured by an admin over the API, pointing at the test's Dovecot. */
async function mailboxFor(
  admin: ReturnType<typeof client>,
  folder: string,
  extra: Record<string, unknown> = {},
) {
  await dovecot.append(
    'From: setup@example.co.kr\r\nSubject: setup\r\nAuto-Submitted: auto-generated\r\n\r\n.\r\n',
    folder,
  );
  const res = await admin.post('/mail/mailboxes', {
    name: `테스트 메일함 ${folder}`,
    host: dovecot.host,
    port: dovecot.port,
    isTls: false,
    username: dovecot.user,
    password: dovecot.password,
    folder,
    pollSeconds: 10,
    isActive: false,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  const [row] = await db.select().from(mailMailboxes).where(eq(mailMailboxes.id, res.data.id));
  return row!;
}

describe('IMAP polling (Dovecot)', () => {
  it('takes new messages into tickets, marks them \\Seen, and never takes one twice', async () => {
    const w = await makeWorld();
    const admin = client(app, { cookie: w.admin.cookie });
    const folder = `Support${Date.now()}`;
    const mailbox = await mailboxFor(admin, folder);
    const ids = [newMessageId(), newMessageId()];
    await dovecot.append(eml('outlook-ko.eml', { from: w.customer.email, messageId: ids[0] }), folder);
    await dovecot.append(eml('euc-kr-attachment.eml', { from: w.customer.email, messageId: ids[1] }), folder);

    const settings = settingsFor(inject('dataDir'));
    const stored = await pollMailbox(mailbox, settings, logger);
    expect(stored).toHaveLength(3);
    const [outlook, euckr] = await Promise.all(ids.map((id) => settledByMessageId(id)));
    expect(outlook).toMatchObject({
      source: 'imap',
      mailboxId: mailbox.id,
      status: 'processed',
      reason: 'new_ticket',
    });
    const [ticket] = await db.select().from(tickets).where(eq(tickets.id, outlook!.ticketId!));
    expect(ticket).toMatchObject({
      title: '[긴급] 전표 전기 오류 문의',
      channel: 'email',
      organizationId: w.org.id,
    });
    const files = (await admin.get(`/tickets/${euckr!.ticketId}/timeline`)).data.items.filter(
      (i: { kind: string }) => i.kind === 'attachment',
    );
    expect(files).toMatchObject([{ attachment: { filename: '오류화면.txt' } }]);
    expect(await dovecot.seenUids(folder)).toEqual([1, 2, 3]);

    // Another poll finds nothing new; one that sees the messages unseen again (a restart before the
    // flag was set, or a second server process) still does not store them twice: UIDVALIDITY + UID.
    expect(await pollMailbox(mailbox, settings, logger)).toEqual([]);
    await clearSeen(folder);
    expect(await pollMailbox(mailbox, settings, logger)).toEqual([]);
    const rows = await db.select().from(inboundMessages).where(eq(inboundMessages.mailboxId, mailbox.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.uidValidity !== null && r.uid !== null)).toBe(true);
    expect(await dovecot.seenUids(folder)).toEqual([1, 2, 3]);

    const polled = (await admin.get(`/mail/mailboxes/${mailbox.id}`)).data;
    expect(polled).toMatchObject({ lastError: null, lastPolledAt: expect.any(String) });
  });

  it('the poller follows the mailbox settings: unknown senders rejected there, active mailboxes only', async () => {
    const w = await makeWorld();
    const admin = client(app, { cookie: w.admin.cookie });
    const folder = `Strict${Date.now()}`;
    const mailbox = await mailboxFor(admin, folder, { unknownSender: 'reject' });
    const messageId = newMessageId();
    await dovecot.append(eml('daum.eml', { from: 'stranger@unknown.example', messageId }), folder);
    await admin.patch(`/mail/mailboxes/${mailbox.id}`, { isActive: true });
    const stop = startImapPoller(settingsFor(inject('dataDir')), logger, { tickMs: 100 });
    try {
      expect(await settledByMessageId(messageId, 15_000)).toMatchObject({
        status: 'rejected',
        reason: 'unknown_sender',
        mailboxId: mailbox.id,
      });
    } finally {
      await stop();
      await admin.patch(`/mail/mailboxes/${mailbox.id}`, { isActive: false });
    }
  });

  it('a wrong password is recorded on the mailbox for the admin to see', async () => {
    const w = await makeWorld();
    const admin = client(app, { cookie: w.admin.cookie });
    const mailbox = await mailboxFor(admin, `Wrong${Date.now()}`, { password: 'wrong-password' });
    expect(await pollMailbox(mailbox, settingsFor(inject('dataDir')), logger)).toEqual([]);
    const shown = (await admin.get(`/mail/mailboxes/${mailbox.id}`)).data;
    expect(shown.lastError).toBeTruthy();
  });
});

async function clearSeen(folder: string): Promise<void> {
  const { ImapFlow } = await import('imapflow');
  const imap = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await imap.connect();
  await imap.mailboxOpen(folder);
  await imap.messageFlagsRemove('1:*', ['\\Seen']);
  await imap.logout();
}
