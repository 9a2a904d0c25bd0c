import { boolean, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organizations, tickets, users } from './schema.js';

/**
 * What the dashboards need to know of a ticket's timeline, counted as events are written (a trigger on
 * `ticket_events`, migration `dashboards-sql`): how often it was reopened after a resolution and how
 * many public replies staff wrote. A ticket without either has no row. Read by the reopen and
 * first-contact figures and the ticket list's `isReopened` / `isFirstContact` filters.
 */
export const ticketDashboardFacts = pgTable('ticket_dashboard_facts', {
  ticketId: uuid('ticket_id')
    .primaryKey()
    .references(() => tickets.id),
  /** Status changes out of `resolved` other than to `closed`. */
  reopenCount: integer('reopen_count').notNull().default(0),
  /** Public comments by an admin, manager or agent. */
  publicStaffReplies: integer('public_staff_replies').notNull().default(0),
});

/**
 * Minutes logged per Seoul work day, customer, person, work class and billability: the time entries
 * with their ticket's customer (which never changes) folded in, kept by a trigger on `time_entries`
 * (migration `dashboards-time-sql`). The hours figure reads it instead of joining every entry to its ticket.
 */
export const dashboardTimeDays = pgTable(
  'dashboard_time_days',
  {
    workDate: date('work_date', { mode: 'string' }).notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    workClass: text('work_class', { enum: ['A', 'B', 'C'] }).notNull(),
    billable: boolean('billable').notNull(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workDate, t.organizationId, t.userId, t.workClass, t.billable] })],
);
