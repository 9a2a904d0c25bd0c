import { z } from 'zod';
import { ZLocale } from './common.js';

/**
 * The notification kinds a person can receive by mail and choose for themselves. `ticket_received`
 * (receipt of a new ticket, to its requester), `public_reply` (a staff reply → the requester; a
 * customer's reply → the assignee), `ticket_resolved` (to the requester, with the survey's rating
 * links when there is a survey), `mention` (staff named in a comment), `sla_at_risk` and
 * `sla_breached` (assignee and managers), `contract_hours` (80 %/100 % of a contract's month), `monthly_report` (a signed monthly report
 * mailed to the customer's contacts).
 */
export const NOTIFICATION_KINDS = [
  'ticket_received',
  'public_reply',
  'ticket_resolved',
  'mention',
  'sla_at_risk',
  'sla_breached',
  'contract_hours',
  'monthly_report',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/** The kinds that concern a customer user; the rest are for staff only. */
export const CUSTOMER_NOTIFICATION_KINDS: readonly TNotificationKind[] = [
  'ticket_received',
  'public_reply',
  'ticket_resolved',
  'monthly_report',
];

export const ZNotificationPreference = z.object({
  kind: ZNotificationKind,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

/** Every kind the caller may receive, with their choice or the default. */
export const ZNotificationPreferences = z.object({ items: z.array(ZNotificationPreference) });
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** The kinds to change; a kind left out keeps its setting, a field left out keeps its value. */
export const ZUpdateNotificationPreferences = z.object({
  items: z
    .array(
      z.object({ kind: ZNotificationKind, inApp: z.boolean().optional(), email: z.boolean().optional() }),
    )
    .min(1)
    .max(NOTIFICATION_KINDS.length)
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, {
      message: 'Each kind at most once',
    }),
});
export type TUpdateNotificationPreferences = z.infer<typeof ZUpdateNotificationPreferences>;

const SMTP_URL = /^smtps?:\/\/[^\s/]+(:\d+)?\/?$/;

/** Parses as a URL, and its user and password decode (`%ZZ` does not). */
function isUsableUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    return url.hostname !== '';
  } catch {
    return false;
  }
}
/** `helpdesk@example.com` or `함께 헬프데스크 <helpdesk@example.com>`. */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+\.?[^<>\s@]*>|[^<>\s@]+@[^<>\s@]+)$/;

/** The outgoing server as an admin sees it: the password is never returned, only whether there is one. */
export const ZMailSettings = z.object({
  /** Without the password, even when one was given inside the URL. */
  smtpUrl: z.string().nullable(),
  hasPassword: z.boolean(),
  from: z.string().nullable(),
  isEnabled: z.boolean(),
  /** Where the URL in force comes from: the admin's settings, the environment, or nowhere. */
  source: z.enum(['settings', 'environment', 'none']),
  /** Mail is queued only while this is true: enabled, with a server and a sender. */
  isSending: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TMailSettings = z.infer<typeof ZMailSettings>;

/** Null clears a field back to the environment's value; a field left out is kept. */
export const ZUpdateMailSettings = z
  .object({
    smtpUrl: z
      .string()
      .trim()
      .max(500)
      .regex(SMTP_URL, 'An smtp://host:port or smtps://host:port address')
      .refine(isUsableUrl, 'An smtp://host:port or smtps://host:port address')
      .nullable()
      .optional(),
    password: z.string().max(500).nullable().optional(),
    from: z.string().trim().max(300).regex(MAIL_FROM, 'An e-mail address').nullable().optional(),
    isEnabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((f) => f !== undefined), { message: 'Nothing to change' });
export type TUpdateMailSettings = z.infer<typeof ZUpdateMailSettings>;

export const ZMailTemplateRef = z.object({ kind: ZNotificationKind, locale: ZLocale });
export type TMailTemplateRef = z.infer<typeof ZMailTemplateRef>;

/**
 * A mail template: `subject` and `body` in plain text with `{{placeholder}}`s and
 * `{{#placeholder}}…{{/placeholder}}` sections (shown only when the value is not empty). The HTML
 * part is made from the body (escaped, links made clickable). `placeholders` lists what the kind knows.
 */
export const ZMailTemplate = z.object({
  kind: ZNotificationKind,
  locale: ZLocale,
  subject: z.string(),
  body: z.string(),
  isOverridden: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type TMailTemplate = z.infer<typeof ZMailTemplate>;

export const ZPutMailTemplate = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
export type TPutMailTemplate = z.infer<typeof ZPutMailTemplate>;

/** A draft to preview; without it the template in force is previewed. */
export const ZPreviewMailTemplate = ZPutMailTemplate.partial();
export type TPreviewMailTemplate = z.infer<typeof ZPreviewMailTemplate>;

/** A template rendered with sample data: the subject as sent (ticket number first), text and HTML. */
export const ZMailPreview = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type TMailPreview = z.infer<typeof ZMailPreview>;

export const OUTBOX_STATUSES = ['pending', 'claimed', 'sending', 'sent', 'failed', 'in_doubt'] as const;

/** One mail of the outbox, as an admin follows its delivery (the body is left out). */
export const ZOutboxMail = z.object({
  id: z.uuid(),
  kind: z.string(),
  toAddress: z.string(),
  userId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  subject: z.string(),
  messageId: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  requeuedAt: z.string().nullable(),
});
export type TOutboxMail = z.infer<typeof ZOutboxMail>;

/** Newest first; `status` takes `a,b`. */
export const ZListOutboxQuery = z.object({
  status: z
    .preprocess(
      (v) => (typeof v === 'string' && v !== '' ? v.split(',').map((s) => s.trim()) : v),
      z.array(z.enum(OUTBOX_STATUSES)).min(1).max(OUTBOX_STATUSES.length),
    )
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TListOutboxQuery = z.infer<typeof ZListOutboxQuery>;
