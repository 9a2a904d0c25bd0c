import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { db } from '../db/current.js';
import { mailOutbox } from '../db/schema.js';
import { loadMailSettings, type TEffectiveMail } from './mail-settings.js';

export type TOutboxOptions = {
  /** Milliseconds between passes. */
  pollMs: number;
  /** Back-off after a failed attempt: `base · 2^(attempts-1)`, at most `cap`, then jittered to 50–100 %. */
  retryBaseMs: number;
  retryCapMs: number;
  /** A mail still unsent after this long is given up rather than delivered late. */
  giveUpHours: number;
  /** Rows one pass claims. */
  batch?: number;
  /** Mails sent at once by this worker (SMTP connections of its pool). */
  concurrency?: number;
  /** How long a claim holds; must exceed the SMTP timeouts, after which a worker is taken for dead. */
  leaseMs?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
};

export type TPassResult = { sent: number; retried: number; failed: number; inDoubt: number; expired: number };

type TRow = typeof mailOutbox.$inferSelect;

/** An SMTP error the server gave for good (5xx), except those that mean our settings are wrong. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 && ![530, 534, 535, 538].includes(code);
}

/** The back-off before attempt `attempts + 1`, with "equal jitter" so that workers do not retry in step. */
export function backoffMs(attempts: number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

/**
 * One outbox worker: claims due rows with `FOR UPDATE SKIP LOCKED` (so several workers, in one
 * process or many, never hold the same row), sends each through SMTP and records the answer.
 * `start()` runs passes every `pollMs`; `runOnce()` runs one pass (tests, benchmarks).
 */
export class OutboxWorker {
  private transport: { url: string; transporter: Transporter } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private isStopped = false;
  /** While the server is unreachable, passes wait until this instant. */
  private pausedUntil = 0;
  private consecutiveDown = 0;
  private readonly batch: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;

  constructor(private readonly opts: TOutboxOptions) {
    this.batch = opts.batch ?? 50;
    this.concurrency = opts.concurrency ?? 4;
    this.leaseMs = opts.leaseMs ?? 120_000;
  }

  start(): this {
    const tick = () => {
      if (this.isStopped) return;
      this.running = this.runOnce()
        .catch((error: unknown) => this.opts.logger?.error({ err: error }, 'mail outbox pass failed'))
        .finally(() => {
          this.running = null;
          if (!this.isStopped) this.timer = setTimeout(tick, this.opts.pollMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
    return this;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport?.transporter.close();
    this.transport = null;
  }

  /** One pass: settle stale claims, give up on old mail, then claim and send what is due. */
  async runOnce(now = new Date()): Promise<TPassResult> {
    const result: TPassResult = { sent: 0, retried: 0, failed: 0, inDoubt: 0, expired: 0 };
    result.inDoubt = await this.settleDeadSends(now);
    result.expired = await this.giveUpOld(now);
    if (Date.now() < this.pausedUntil) return result;
    const settings = await loadMailSettings(db);
    if (!settings.isSending) return result;
    const token = randomUUID();
    const rows = await this.claim(token, now);
    if (rows.length === 0) return result;
    const transporter = this.transporterFor(settings);
    const queue = [...rows];
    let isDown = false;
    const lane = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        if (isDown) {
          await this.release(row, token);
          continue;
        }
        const { outcome, isUnreachable } = await this.sendOne(row, token, transporter, settings.from!);
        if (outcome !== 'lost') result[outcome]++;
        // The server did not answer at all: the rest of the batch waits instead of failing one by one.
        if (isUnreachable) isDown = true;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, rows.length) }, lane));
    if (isDown) {
      this.consecutiveDown++;
      const wait = backoffMs(this.consecutiveDown, this.opts.retryBaseMs, this.opts.retryCapMs);
      this.pausedUntil = Date.now() + wait;
      this.opts.logger?.warn(
        { attempt: this.consecutiveDown, retryInMs: wait },
        'mail outbox: the SMTP server cannot be reached; waiting',
      );
    } else {
      this.consecutiveDown = 0;
    }
    return result;
  }

  /** Takes up to `batch` due rows (and claims of dead workers, never yet handed to SMTP). */
  private async claim(token: string, now: Date): Promise<TRow[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          and(
            inArray(mailOutbox.status, ['pending', 'claimed']),
            lte(mailOutbox.nextAttemptAt, now),
            sql`(${mailOutbox.status} = 'pending' OR ${mailOutbox.leaseUntil} < ${now})`,
            // Too old to matter: left to giveUpOld, never sent late.
            sql`coalesce(${mailOutbox.requeuedAt}, ${mailOutbox.createdAt}) >= ${this.giveUpBefore(now)}`,
          ),
        )
        .orderBy(mailOutbox.nextAttemptAt)
        .limit(this.batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(mailOutbox)
        .set({ status: 'claimed', claimToken: token, leaseUntil: new Date(now.getTime() + this.leaseMs) })
        .where(
          inArray(
            mailOutbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
  }

  /**
   * Sends one claimed row. `sending` is committed just before the SMTP transaction and `sent` just
   * after the server's answer: a crash between the two leaves `sending`, which is never resent.
   */
  private async sendOne(
    row: TRow,
    token: string,
    transporter: Transporter,
    from: string,
  ): Promise<{ outcome: 'sent' | 'retried' | 'failed' | 'lost'; isUnreachable: boolean }> {
    const mine = and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, token));
    const [taken] = await db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1` })
      .where(and(mine, eq(mailOutbox.status, 'claimed')))
      .returning({ attempts: mailOutbox.attempts });
    if (!taken) return { outcome: 'lost', isUnreachable: false };
    try {
      const info = await transporter.sendMail({
        from,
        replyTo: from,
        to: row.toAddress,
        subject: row.subject,
        text: row.text,
        html: row.html,
        messageId: row.messageId,
        ...(row.inReplyTo ? { inReplyTo: row.inReplyTo } : {}),
        ...(row.references ? { references: row.references } : {}),
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      // Recorded whatever the claim: the server has the message, so it must never go again.
      await db
        .update(mailOutbox)
        .set({
          status: 'sent',
          sentAt: new Date(),
          smtpResponse: String(info.response ?? '').slice(0, 500),
          lastError: null,
          leaseUntil: null,
        })
        .where(eq(mailOutbox.id, row.id));
      return { outcome: 'sent', isUnreachable: false };
    } catch (error) {
      const isGivenUp = isPermanent(error);
      const wait = backoffMs(taken.attempts, this.opts.retryBaseMs, this.opts.retryCapMs);
      await db
        .update(mailOutbox)
        .set({
          status: isGivenUp ? 'failed' : 'pending',
          lastError: errorText(error),
          nextAttemptAt: new Date(Date.now() + wait),
          claimToken: null,
          leaseUntil: null,
        })
        .where(mine);
      if (isGivenUp)
        this.opts.logger?.warn({ id: row.id, error: errorText(error) }, 'mail outbox: refused for good');
      return {
        outcome: isGivenUp ? 'failed' : 'retried',
        isUnreachable: !(error as { responseCode?: number }).responseCode,
      };
    }
  }

  /** Hands a claimed row back untried, due when the server may be back. */
  private async release(row: TRow, token: string): Promise<void> {
    const wait = backoffMs(Math.max(1, row.attempts), this.opts.retryBaseMs, this.opts.retryCapMs);
    await db
      .update(mailOutbox)
      .set({
        status: 'pending',
        claimToken: null,
        leaseUntil: null,
        nextAttemptAt: new Date(Date.now() + wait),
      })
      .where(
        and(eq(mailOutbox.id, row.id), eq(mailOutbox.claimToken, token), eq(mailOutbox.status, 'claimed')),
      );
  }

  /** A row left `sending` past its lease: its worker died during the SMTP transaction. Not resent. */
  private async settleDeadSends(now: Date): Promise<number> {
    const rows = await db
      .update(mailOutbox)
      .set({
        status: 'in_doubt',
        lastError:
          'The worker stopped while the SMTP server had the message; not resent (see docs/mail-out.md)',
      })
      .where(
        and(
          eq(mailOutbox.status, 'sending'),
          lte(mailOutbox.nextAttemptAt, now),
          lt(mailOutbox.leaseUntil, now),
        ),
      )
      .returning({ id: mailOutbox.id });
    if (rows.length)
      this.opts.logger?.warn({ count: rows.length }, 'mail outbox: sends in doubt after a crash');
    return rows.length;
  }

  /** Mail older than the give-up age is not delivered late: a backlog never floods people. */
  private async giveUpOld(now: Date): Promise<number> {
    const before = this.giveUpBefore(now);
    const rows = await db
      .update(mailOutbox)
      .set({
        status: 'failed',
        lastError: sql`coalesce(${mailOutbox.lastError} || ' — ', '') || 'given up: too old'`,
      })
      .where(
        and(
          eq(mailOutbox.status, 'pending'),
          lte(mailOutbox.nextAttemptAt, now),
          sql`coalesce(${mailOutbox.requeuedAt}, ${mailOutbox.createdAt}) < ${before}`,
        ),
      )
      .returning({ id: mailOutbox.id });
    return rows.length;
  }

  private giveUpBefore(now: Date): Date {
    return new Date(now.getTime() - this.opts.giveUpHours * 3_600_000);
  }

  private transporterFor(settings: TEffectiveMail): Transporter {
    const url = settings.transportUrl!;
    if (this.transport?.url === url) return this.transport.transporter;
    this.transport?.transporter.close();
    const parsed = new URL(url);
    const transporter = nodemailer.createTransport({
      host: parsed.hostname,
      port: Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 587),
      secure: parsed.protocol === 'smtps:',
      ...(parsed.username
        ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
        : {}),
      pool: true,
      maxConnections: this.concurrency,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.transport = { url, transporter };
    return transporter;
  }
}
