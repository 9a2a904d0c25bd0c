import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { db } from '../db/current.js';
import { mailMailboxes } from '../db/schema.js';
import { pendingInboundIds, processInbound } from './process-inbound.js';
import type { TMailInSettings } from './settings.js';
import { storeInbound } from './store-inbound.js';

type TMailbox = typeof mailMailboxes.$inferSelect;

/**
 * Takes the unseen messages of one mailbox: each is stored raw (keyed by mailbox, UIDVALIDITY and
 * UID, so a message is never taken twice, across restarts and processes), then marked \Seen, then
 * processed. Returns the ids of the messages stored by this poll.
 */
export async function pollMailbox(
  mailbox: TMailbox,
  settings: TMailInSettings,
  logger: Logger,
): Promise<string[]> {
  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.isTls,
    auth: { user: mailbox.username, pass: mailbox.password },
    logger: false,
    socketTimeout: 60_000,
  });
  const stored: string[] = [];
  try {
    await client.connect();
    const lock = await client.getMailboxLock(mailbox.folder);
    try {
      const status = client.mailbox;
      const uidValidity = status ? Number(status.uidValidity) : 0;
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids.sort((a, b) => a - b)) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (message === false || !message.source) continue;
        const id = await storeInbound({
          source: 'imap',
          raw: message.source,
          mailboxId: mailbox.id,
          uidValidity,
          uid,
        });
        // Seen only once stored; a message stored before but not marked (a crash) is marked now.
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        if (id) stored.push(id);
      }
    } finally {
      lock.release();
    }
    await client.logout();
    await db
      .update(mailMailboxes)
      .set({ lastPolledAt: new Date(), lastError: null })
      .where(eq(mailMailboxes.id, mailbox.id));
  } catch (error) {
    client.close();
    const message = error instanceof Error ? error.message : String(error);
    logger.warn({ mailbox: mailbox.name, err: error }, 'IMAP poll failed');
    await db
      .update(mailMailboxes)
      .set({ lastPolledAt: new Date(), lastError: message.slice(0, 1000) })
      .where(eq(mailMailboxes.id, mailbox.id));
  }
  for (const id of stored) await processInbound(id, settings);
  return stored;
}

/**
 * Polls every active mailbox at its own interval and processes messages left waiting (after a
 * restart). Returns a stop function that waits for the current round to end.
 */
export function startImapPoller(
  settings: TMailInSettings,
  logger: Logger,
  opts: { tickMs?: number; pendingGraceMs?: number } = {},
): () => Promise<void> {
  const tickMs = opts.tickMs ?? 5_000;
  const lastPoll = new Map<string, number>();
  let isStopped = false;
  let round: Promise<void> = Promise.resolve();
  const tick = async () => {
    for (const id of await pendingInboundIds(50, opts.pendingGraceMs)) {
      if (isStopped) return;
      await processInbound(id, settings);
    }
    const boxes = await db.select().from(mailMailboxes).where(eq(mailMailboxes.isActive, true));
    for (const box of boxes) {
      if (isStopped) return;
      const due = (lastPoll.get(box.id) ?? 0) + box.pollSeconds * 1000;
      if (Date.now() < due) continue;
      lastPoll.set(box.id, Date.now());
      await pollMailbox(box, settings, logger);
    }
  };
  const timer = setInterval(() => {
    round = round
      .then(tick)
      .catch((error: unknown) => logger.error({ err: error }, 'mail intake round failed'));
  }, tickMs);
  timer.unref();
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await round;
  };
}
