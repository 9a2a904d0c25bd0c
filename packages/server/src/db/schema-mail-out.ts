import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { tickets, users } from './schema.js';

/**
 * The transactional outbox of outgoing mail: a row is written in the transaction of the change that
 * causes it (notifications/notify.ts) and sent later by the outbox worker (mail-out/outbox-worker.ts).
 * Status: `pending` (due at `nextAttemptAt`) → `claimed` (a worker holds it until `leaseUntil`; never
 * handed to SMTP yet) → `sending` (committed just before the SMTP transaction) → `sent`; or `failed`
 * (refused for good, or older than the give-up age) and `in_doubt` (a worker died between handing it
 * to SMTP and recording the answer: not resent automatically, see docs/mail-out.md).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').references(() => users.id),
    toAddress: text('to_address').notNull(),
    kind: text('kind').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    locale: text('locale', { enum: ['ko', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** Stable per row: a resend is recognisably the same message. */
    messageId: text('message_id').notNull().unique(),
    inReplyTo: text('in_reply_to'),
    references: text('references'),
    status: text('status', { enum: ['pending', 'claimed', 'sending', 'sent', 'failed', 'in_doubt'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    /** Which worker pass holds the row, and until when. */
    claimToken: uuid('claim_token'),
    leaseUntil: ts('lease_until'),
    lastError: text('last_error'),
    /** The SMTP server's answer to the message (`250 … queued as …`). */
    smtpResponse: text('smtp_response'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** When an admin put a failed or in-doubt mail back in the queue; the give-up age counts from it. */
    requeuedAt: ts('requeued_at'),
  },
  (t) => [
    // The worker's claim walks this: only rows still to be sent (or held by a worker) are in it.
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} IN ('pending', 'claimed', 'sending')`),
    index('mail_outbox_ticket_idx').on(t.ticketId),
    index('mail_outbox_status_created_idx').on(t.status, t.createdAt),
  ],
);

/**
 * The outgoing server as set by an admin; one row (`id = 1`). A null field falls back to the
 * environment (HAMKKE_SMTP_URL, HAMKKE_MAIL_FROM). The password is stored apart from the URL and
 * never presented.
 */
export const mailSettings = pgTable('mail_settings', {
  id: integer('id').primaryKey().default(1),
  smtpUrl: text('smtp_url'),
  smtpPassword: text('smtp_password'),
  mailFrom: text('mail_from'),
  isEnabled: boolean('is_enabled').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** An admin's override of a built-in mail template, per notification kind and language. */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    kind: text('kind').notNull(),
    locale: text('locale', { enum: ['ko', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.kind, t.locale] })],
);

/** A user's choice for one notification kind; kinds without a row follow the defaults in code. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
