import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { organizations, tickets, users } from './schema.js';

/**
 * A satisfaction survey sent to a ticket's requester when the ticket was resolved: one per
 * resolution. The link's token is stored as its sha256 only. Answered once (`answeredAt`); a survey
 * still open when the ticket is resolved again is superseded (`supersededAt`) by the new one.
 * Organization, module and agent are taken at resolution, so results group by who did the work then.
 */
export const csatSurveys = pgTable(
  'csat_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    /** The assignee at resolution, else the person who resolved it. */
    agentId: uuid('agent_id').references(() => users.id),
    module: text('module'),
    tokenHash: text('token_hash').notNull().unique(),
    sentAt: ts('sent_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    supersededAt: ts('superseded_at'),
    answeredAt: ts('answered_at'),
    rating: integer('rating'),
    comment: text('comment'),
    /** How it was answered: the mail link page, the portal (JSON by token) or signed in. */
    answeredVia: text('answered_via', { enum: ['page', 'portal', 'signed_in'] }),
  },
  (t) => [
    index('csat_surveys_ticket_idx').on(t.ticketId, t.sentAt),
    index('csat_surveys_sent_idx').on(t.sentAt),
    index('csat_surveys_org_sent_idx').on(t.organizationId, t.sentAt),
    index('csat_surveys_open_idx')
      .on(t.ticketId)
      .where(sql`${t.answeredAt} IS NULL AND ${t.supersededAt} IS NULL`),
  ],
);
