import { sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { tickets, users } from './schema.js';
import { improvements } from './schema-team.js';

/** A weekly sharing meeting (주간 공유회의) held about one ISO week: who came and the notes (Markdown). */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The ISO week discussed, `2026-W48`. */
    week: text('week').notNull(),
    heldAt: ts('held_at').notNull(),
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'`),
    guests: text('guests').array().notNull().default(sql`'{}'`),
    notes: text('notes').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('meetings_week_idx').on(t.week, t.heldAt)],
);

/** A decision recorded in a meeting; it became an improvement item or a ticket, linked here. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    text: text('text').notNull(),
    becomes: text('becomes', { enum: ['improvement', 'ticket'] }).notNull(),
    improvementId: uuid('improvement_id').references(() => improvements.id),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId),
    index('meeting_decisions_improvement_idx').on(t.improvementId),
  ],
);
