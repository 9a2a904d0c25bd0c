import type { TParsedMail } from './parse-message.js';

/** Why a message is noise: it never opens a ticket, never becomes a comment, never triggers a reply. */
export type TNoiseReason =
  | 'auto_submitted'
  | 'precedence'
  | 'auto_reply_header'
  | 'null_return_path'
  | 'mailer_daemon'
  | 'delivery_report'
  | 'own_message';

const DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon|noreply-dmarc-support)@/i;

const escaped = (domain: string) => domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The Message-ID of Hamkke's outbound mail about a ticket: `<hamkke-{ticketNumber}-{anything}@{domain}>`,
 * or the thread root `<hamkke-{ticketNumber}@{domain}>`; the number is the first group.
 */
export function hamkkeMessageIdPattern(mailDomain: string): RegExp {
  return new RegExp(`^<hamkke-([A-Z][A-Z0-9]{1,9}-\\d{6})(?:-[^@>]*)?@${escaped(mailDomain)}>$`, 'i');
}

/** Any Message-ID Hamkke writes (about a ticket, or a notice such as `<hamkke-notice-…@domain>`). */
function ownMessageIdPattern(mailDomain: string): RegExp {
  return new RegExp(`^<hamkke-[^@>]+@${escaped(mailDomain)}>$`, 'i');
}

/**
 * The loop and noise rules: auto-replies and bulk mail (Auto-Submitted, Precedence, the X-Auto…
 * headers), bounces (null Return-Path, MAILER-DAEMON, delivery-status reports) and Hamkke's own mail.
 * `envelopeFrom` is the SMTP MAIL FROM: an empty one is the null sender of a bounce.
 */
export function classifyNoise(
  mail: TParsedMail,
  opts: { mailDomain: string; envelopeFrom?: string | null },
): TNoiseReason | null {
  const h = mail.headers;
  const autoSubmitted = h.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  const precedence = h.get('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply', 'auto-reply'].includes(precedence))
    return 'precedence';
  if (h.has('x-autoreply') || h.has('x-autorespond')) return 'auto_reply_header';
  if (/\ball\b/i.test(h.get('x-auto-response-suppress') ?? '')) return 'auto_reply_header';
  if (mail.contentType === 'multipart/report' || mail.reportType === 'delivery-status')
    return 'delivery_report';
  if (mail.returnPath !== null && /^\s*<\s*>\s*$/.test(mail.returnPath)) return 'null_return_path';
  if (opts.envelopeFrom === '') return 'null_return_path';
  if (mail.fromAddress && DAEMON.test(mail.fromAddress)) return 'mailer_daemon';
  if (mail.messageId && ownMessageIdPattern(opts.mailDomain).test(mail.messageId)) return 'own_message';
  return null;
}
