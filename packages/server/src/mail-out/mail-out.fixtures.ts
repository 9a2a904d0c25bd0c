import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { db } from '../db/current.js';
import { mailOutbox } from '../db/schema.js';
import { client, type TResponse } from '../test/api.js';
import { OutboxWorker, type TOutboxOptions } from './outbox-worker.js';

export type TCapturedMail = { envelopeTo: string[]; raw: string; parsed: ParsedMail };

/**
 * A real SMTP server on a random 127.0.0.1 port that keeps every message it accepts, parsed by
 * mailparser as a mail client would. `stop()` and `start()` again (same port) make an outage.
 */
export class CaptureSmtp {
  readonly mails: TCapturedMail[] = [];
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 50,
      // A mailbox that no longer exists: refused for good.
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('gone-')) {
          const error = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 });
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.mails.push({
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                raw: raw.toString('utf8'),
                parsed,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails to `address` so far. */
  to(address: string): TCapturedMail[] {
    return this.mails.filter((m) => m.envelopeTo.includes(address));
  }

  /** Waits until `check` holds (polling), or fails after `timeoutMs` naming what it waited for. */
  async until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** A worker with test-sized timings: retries after 50–100 ms, up to 400 ms. */
export function testWorker(overrides: Partial<TOutboxOptions> = {}): OutboxWorker {
  return new OutboxWorker({ pollMs: 20, retryBaseMs: 100, retryCapMs: 400, giveUpHours: 48, ...overrides });
}

/** The outbox rows of the given ids (for assertions on status and attempts). */
export async function outboxRows() {
  return db.select().from(mailOutbox);
}

/**
 * A PUT as `user` would send it (the shared test client has no `put`): JSON in, the response with
 * `data` parsed, like the client's other methods.
 */
/** A PUT as `user` (or nobody). */
export function putAs(
  app: () => FastifyInstance,
  user: { cookie: string } | null,
  url: string,
  body: unknown,
): Promise<TResponse> {
  return client(app, user ? { cookie: user.cookie } : {}).put(url, body);
}

/** A mail the outbox gave up on (to an address every test server refuses), for retry tests. */
export async function makeFailedMail(userId: string | null = null) {
  const id = randomUUID();
  const [row] = await db
    .insert(mailOutbox)
    .values({
      id,
      userId,
      toAddress: `gone-${id}@example.com`,
      kind: 'public_reply',
      locale: 'ko',
      subject: '[T-000001] 새 답변',
      text: '답변',
      html: '<p>답변</p>',
      messageId: `<hamkke-notice-${id}@localhost>`,
      status: 'failed',
      attempts: 1,
      lastError: '550 5.1.1 Mailbox unavailable',
    })
    .returning();
  return row!;
}
