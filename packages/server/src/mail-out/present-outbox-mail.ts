import type { TOutboxMail } from '@hamkke/core';
import type { mailOutbox } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { iso } from '../http/types.js';

export type TOutboxRow = typeof mailOutbox.$inferSelect;
export const ADMINS_ONLY = {
  en: 'Only an admin follows the mail outbox',
  ko: '메일 발송함은 관리자만 볼 수 있습니다',
};
export const MAIL = { en: 'mail', ko: '메일' };
export const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this query', ko: '이 조회에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this query', in: 'query' }],
);

export function presentOutboxMail(r: TOutboxRow): TOutboxMail {
  return {
    id: r.id,
    kind: r.kind,
    toAddress: r.toAddress,
    userId: r.userId,
    ticketId: r.ticketId,
    subject: r.subject,
    messageId: r.messageId,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
    lastError: r.lastError,
    smtpResponse: r.smtpResponse,
    sentAt: iso(r.sentAt),
    createdAt: r.createdAt.toISOString(),
    requeuedAt: iso(r.requeuedAt),
  };
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      at: string;
      id: string;
    };
    const at = new Date(parsed.at);
    if (Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(parsed.id)) throw BAD_CURSOR;
    return { at, id: parsed.id };
  } catch {
    throw BAD_CURSOR;
  }
}
