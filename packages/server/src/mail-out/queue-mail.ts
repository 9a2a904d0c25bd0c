import { randomUUID } from 'node:crypto';
import type { TLocale, TNotificationKind } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import type { mailOutbox } from '../db/schema.js';
import { publicUrl } from '../http/public-url.js';
import { DEFAULT_TEMPLATES, type TTemplateText } from './default-templates.js';
import { effectiveMail, mailDomain } from './mail-settings.js';
import { renderMail, type TRatingLink } from './render-mail.js';

export type TMailRecipient = { id: string; email: string; name: string; locale: TLocale };

/** What the notification carries for its mail: its data, plus text meant for the mail only. */
export type TMailNotice = {
  kind: TNotificationKind;
  ticketId?: string | null | undefined;
  contractId?: string | null | undefined;
  data?: Record<string, unknown> | undefined;
  mail?: Record<string, string> | undefined;
};

const RATING_LABELS: Record<TLocale, string[]> = {
  ko: ['1점 매우 불만족', '2점 불만족', '3점 보통', '4점 만족', '5점 매우 만족'],
  en: ['1 Very dissatisfied', '2 Dissatisfied', '3 Neutral', '4 Satisfied', '5 Very satisfied'],
};

const CLOCKS: Record<TLocale, Record<string, string>> = {
  ko: { response: '첫 응답', resolution: '해결' },
  en: { response: 'first response', resolution: 'resolution' },
};

const SEOUL = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as people in Seoul read it: `2026-11-25 17:00 (KST)`. */
export function seoulTime(value: unknown): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : `${SEOUL.format(date)} (KST)`;
}

/** The survey's five one-click links, `…?rating=1` to `…?rating=5`; none without a web address. */
export function ratingLinksFor(surveyUrl: string, locale: TLocale): TRatingLink[] {
  if (!/^https?:\/\//.test(surveyUrl)) return [];
  return RATING_LABELS[locale].map((label, i) => ({
    rating: i + 1,
    label,
    url: `${surveyUrl}${surveyUrl.includes('?') ? '&' : '?'}rating=${i + 1}`,
  }));
}

/** `@[표시 이름](user:<uuid>)` as the web composer writes a mention. */
export const MENTION = /@\[([^\]\n]{1,200})\]\(user:([0-9a-fA-F-]{36})\)/g;

/** A comment as a mail shows it: mentions read as `@이름`. */
export const plainComment = (body: string) => body.replace(MENTION, '@$1');

/** The thread a ticket's mails belong to: replies to any of them come back to the ticket. */
export const threadRoot = (ticketNumber: string) => `<hamkke-${ticketNumber}@${mailDomain()}>`;

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

type TTicketContext = {
  number: string;
  title: string;
  priority: string;
  organizationName: string;
  requesterName: string | null;
  /** The Message-ID of the mail that opened the ticket, when it came in by mail. */
  originalMessageId: string | null;
};

type TContextRow = {
  settings: {
    smtpUrl: string | null;
    smtpPassword: string | null;
    mailFrom: string | null;
    isEnabled: boolean;
  } | null;
  ticket: TTicketContext | null;
  contract_name: string | null;
  overrides: (TTemplateText & { locale: TLocale })[] | null;
};

/**
 * Everything a mail needs besides its recipients, in one round trip: the settings row, the ticket
 * with its company, requester and first inbound Message-ID, the contract's name, the kind's overrides.
 */
async function mailContext(tx: TDbOrTx, notice: TMailNotice) {
  const result = await tx.execute<TContextRow>(sql`
    SELECT
      (SELECT json_build_object('smtpUrl', s.smtp_url, 'smtpPassword', s.smtp_password,
                                'mailFrom', s.mail_from, 'isEnabled', s.is_enabled)
         FROM mail_settings s WHERE s.id = 1) AS settings,
      (SELECT json_build_object(
                'number', t.number, 'title', t.title, 'priority', t.priority,
                'organizationName', o.name, 'requesterName', u.name,
                'originalMessageId', (SELECT m.message_id FROM inbound_messages m
                                      WHERE m.ticket_id = t.id AND m.message_id IS NOT NULL
                                      ORDER BY m.received_at LIMIT 1))
         FROM tickets t
         JOIN organizations o ON o.id = t.organization_id
         LEFT JOIN users u ON u.id = t.requester_id
        WHERE t.id = ${notice.ticketId ?? null}::uuid) AS ticket,
      (SELECT c.name FROM contracts c WHERE c.id = ${notice.contractId ?? null}::uuid) AS contract_name,
      (SELECT json_agg(json_build_object('locale', mt.locale, 'subject', mt.subject, 'body', mt.body))
         FROM mail_templates mt WHERE mt.kind = ${notice.kind}) AS overrides`);
  const row = result.rows[0]!;
  const settings = effectiveMail(
    row.settings ? { id: 1, ...row.settings, updatedAt: new Date(0), updatedBy: null } : null,
  );
  return {
    settings,
    ticket: row.ticket,
    contractName: row.contract_name ?? '',
    overrides: row.overrides ?? [],
  };
}

/** The values of one kind's placeholders for one recipient's language. */
function valuesFor(
  notice: TMailNotice,
  recipient: TMailRecipient,
  ticket: TTicketContext | null,
  contractName: string,
): { values: Record<string, string>; ratingLinks: TRatingLink[] } {
  const data = notice.data ?? {};
  const locale = recipient.locale;
  const values: Record<string, string> = {
    recipientName: recipient.name,
    ticketNumber: ticket?.number ?? '',
    ticketTitle: ticket?.title ?? '',
    ticketUrl: ticket ? publicUrl(`/tickets/${ticket.number}`) : '',
    organizationName: ticket?.organizationName ?? str(data.organizationName),
    appUrl: publicUrl('/'),
    requesterName: ticket?.requesterName ?? '',
    authorName: notice.mail?.authorName ?? str(data.authorName),
    commentBody: plainComment(notice.mail?.commentBody ?? ''),
    surveyUrl: str(data.surveyUrl),
    surveyExpiresAt: seoulTime(data.surveyExpiresAt),
    clock: CLOCKS[locale][str(data.clock)] ?? str(data.clock),
    dueAt: seoulTime(data.dueAt),
    priority: ticket?.priority ?? '',
    contractName,
    month: str(data.month),
    thresholdPercent: str(data.thresholdPercent),
    usedHours: str(data.usedHours),
    entitledHours: str(data.entitledHours),
    reportUrl: str(data.reportUrl),
    pdfUrl: str(data.pdfUrl),
  };
  const ratingLinks = ratingLinksFor(values.surveyUrl ?? '', locale);
  if (!ratingLinks.length) values.surveyUrl = '';
  return { values, ratingLinks };
}

export type TOutboxInsert = typeof mailOutbox.$inferInsert;

/**
 * The outbox rows for `recipients`, rendered now in each one's language, for the caller to insert in
 * the transaction of the change that caused them (notify() does), so the mail commits or rolls back
 * with it. None while outgoing mail is off or has no server: see docs/mail-out.md.
 */
export async function mailRowsFor(
  tx: TDbOrTx,
  notice: TMailNotice,
  recipients: TMailRecipient[],
): Promise<TOutboxInsert[]> {
  if (recipients.length === 0) return [];
  const { settings, ticket, contractName, overrides } = await mailContext(tx, notice);
  if (!settings.isSending) return [];
  const templateFor = (locale: TLocale): TTemplateText =>
    overrides.find((o) => o.locale === locale) ?? DEFAULT_TEMPLATES[notice.kind][locale];

  const root = ticket ? threadRoot(ticket.number) : null;
  // The customer's own first mail heads the thread in their client, when there is one.
  const original =
    ticket?.originalMessageId && /^<[^<>\s]{1,900}>$/.test(ticket.originalMessageId)
      ? ticket.originalMessageId
      : null;
  const rows = recipients.map((r) => {
    const id = randomUUID();
    const rendered = renderMail(
      notice.kind,
      r.locale,
      templateFor(r.locale),
      valuesFor(notice, r, ticket, contractName),
      publicUrl('/settings/notifications'),
    );
    return {
      id,
      userId: r.id,
      toAddress: r.email,
      kind: notice.kind,
      ticketId: notice.ticketId ?? null,
      locale: r.locale,
      ...rendered,
      messageId: ticket
        ? `<hamkke-${ticket.number}-${id}@${mailDomain()}>`
        : `<hamkke-notice-${id}@${mailDomain()}>`,
      inReplyTo: original ?? root,
      references: root && original ? `${original} ${root}` : root,
    };
  });
  return rows;
}
