import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { desc, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { db } from '../db/current.js';
import { inboundMessages } from '../db/schema.js';
import type { TMailInSettings } from './settings.js';
import { startSmtpListener, type TSmtpListener } from './smtp-listener.js';

export const MAIL_DOMAIN = 'hamkke.test';
const FIXTURES = new URL('../../test-fixtures/mail/', import.meta.url);

export type TEmlVars = {
  from: string;
  messageId?: string;
  ticket?: string;
  inReplyTo?: string;
  references?: string;
};

/** A fresh Message-ID like a mailer writes, unique per call. */
export const newMessageId = (host = 'mail.example.co.kr') => `${randomUUID()}@${host}`;

/**
 * A corpus message with its placeholders filled in (`{{FROM}}`, `{{MSGID}}`, …). The bytes are kept
 * as they are: the placeholders are ASCII in the headers, the bodies stay in their own charset.
 */
export function eml(name: string, vars: TEmlVars): Buffer {
  const text = fs.readFileSync(new URL(name, FIXTURES)).toString('latin1');
  const filled = text
    .replaceAll('{{FROM}}', vars.from)
    .replaceAll('{{DOMAIN}}', MAIL_DOMAIN)
    .replaceAll('{{MSGID}}', vars.messageId ?? newMessageId())
    .replaceAll('{{TICKET}}', vars.ticket ?? 'NONE-000000')
    .replaceAll('{{INREPLYTO}}', vars.inReplyTo ?? newMessageId())
    .replaceAll('{{REFERENCES}}', vars.references ?? newMessageId());
  return Buffer.from(filled, 'latin1');
}

export function settingsFor(dataDir: string, overrides: Partial<TMailInSettings> = {}): TMailInSettings {
  return {
    mailDomain: MAIL_DOMAIN,
    ratePerHour: 1000,
    unknownSender: 'triage',
    dataDir,
    maxAttachmentBytes: 25 * 1024 * 1024,
    ...overrides,
  };
}

export async function startTestListener(
  settings: TMailInSettings,
  maxBytes = 25 * 1024 * 1024,
): Promise<TSmtpListener> {
  return startSmtpListener({
    host: '127.0.0.1',
    port: 0,
    maxBytes,
    settings,
    logger: pino({ level: 'silent' }),
  });
}

/** Sends a raw message over SMTP with nodemailer, as a mail server relaying to Hamkke would. */
export async function sendSmtp(
  port: number,
  raw: Buffer,
  envelope: { from: string; to: string[] } = { from: 'sender@example.co.kr', to: [`support@${MAIL_DOMAIN}`] },
) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/** A raw SMTP conversation: each line is sent after the previous answer; returns every answer. */
export async function talkSmtp(port: number, lines: string[]): Promise<string[]> {
  return talkSmtpTo('127.0.0.1', port, lines);
}

export async function talkSmtpTo(host: string, port: number, lines: string[]): Promise<string[]> {
  const socket = net.connect(port, host);
  const answers: string[] = [];
  let buffer = '';
  let waiting: ((answer: string) => void) | null = null;
  socket.on('data', (chunk) => {
    buffer += String(chunk);
    // A reply is complete at a line `NNN text` (a space after the code, not a dash).
    const match = /(?:^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
    if (match && waiting) {
      const answer = buffer;
      buffer = '';
      const done = waiting;
      waiting = null;
      done(answer);
    }
  });
  // A closed connection answers every later line with nothing.
  let isClosed = false;
  socket.on('close', () => {
    isClosed = true;
    waiting?.(buffer);
    waiting = null;
  });
  socket.on('error', () => undefined);
  const next = () =>
    new Promise<string>((resolve) => {
      if (isClosed) resolve('');
      else waiting = resolve;
    });
  answers.push(await next());
  for (const line of lines) {
    const answer = next();
    socket.write(`${line}\r\n`);
    answers.push(await answer);
  }
  socket.end();
  return answers;
}

export type TInbound = typeof inboundMessages.$inferSelect;

/** The stored messages with this Message-ID, once processing has settled (not received, not processing). */
export async function settledByMessageId(messageId: string, timeoutMs = 10_000): Promise<TInbound> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.messageId, `<${messageId}>`))
      .orderBy(desc(inboundMessages.receivedAt));
    if (row && !['received', 'processing'].includes(row.status)) return row;
    if (Date.now() > deadline)
      throw new Error(`message <${messageId}> not settled: ${row?.status ?? 'absent'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function inboundByIds(ids: string[]): Promise<TInbound[]> {
  return ids.length ? db.select().from(inboundMessages).where(inArray(inboundMessages.id, ids)) : [];
}
