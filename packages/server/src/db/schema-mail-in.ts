import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { comments, organizations, tickets } from './schema.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** An IMAP mailbox Hamkke polls for mail (configured by an admin). The password is never presented. */
export const mailMailboxes = pgTable('mail_mailboxes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull(),
  isTls: boolean('is_tls').notNull().default(true),
  username: text('username').notNull(),
  password: text('password').notNull(),
  folder: text('folder').notNull().default('INBOX'),
  pollSeconds: integer('poll_seconds').notNull().default(60),
  isActive: boolean('is_active').notNull().default(true),
  unknownSender: text('unknown_sender', { enum: ['triage', 'reject'] })
    .notNull()
    .default('triage'),
  defaultOrganizationId: uuid('default_organization_id').references(() => organizations.id),
  lastPolledAt: ts('last_polled_at'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Every message that arrived, stored raw in its own commit before anything else happens to it, so
 * nothing is lost when processing fails. `ticketId`/`commentId`/`attachmentsStored` record the steps
 * already done, so a retry resumes instead of repeating them.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source', { enum: ['smtp', 'imap'] }).notNull(),
    mailboxId: uuid('mailbox_id').references(() => mailMailboxes.id),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    uid: bigint('uid', { mode: 'number' }),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    messageId: text('message_id'),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    subject: text('subject'),
    /** SMTP envelope: MAIL FROM and RCPT TO. */
    envelopeFrom: text('envelope_from'),
    envelopeTo: text('envelope_to').array().notNull().default(sql`'{}'`),
    receivedAt: ts('received_at').notNull().defaultNow(),
    status: text('status', {
      enum: ['received', 'processing', 'processed', 'ignored', 'triage', 'rejected', 'failed'],
    })
      .notNull()
      .default('received'),
    reason: text('reason'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    processedAt: ts('processed_at'),
    /** When the current processing attempt began; a stale claim is taken up again. */
    claimedAt: ts('claimed_at'),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    commentId: uuid('comment_id').references(() => comments.id),
    attachmentsStored: integer('attachments_stored').notNull().default(0),
    /** Parsed for the admin page: the new text, the folded quoted history, the sanitised HTML. */
    bodyText: text('body_text'),
    quotedText: text('quoted_text'),
    bodyHtml: text('body_html'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('inbound_messages_imap_key').on(t.mailboxId, t.uidValidity, t.uid),
    index('inbound_messages_received_idx').on(t.receivedAt, t.id),
    index('inbound_messages_status_idx').on(t.status, t.receivedAt, t.id),
    index('inbound_messages_message_id_idx').on(t.messageId),
    index('inbound_messages_from_idx').on(sql`lower(${t.fromAddress})`, t.receivedAt),
    index('inbound_messages_ticket_idx').on(t.ticketId),
  ],
);
