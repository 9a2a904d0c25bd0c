import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { contracts, organizations, systems, tickets, users } from './schema.js';

export type TTemplateItem = { id: string; area: string; title: string; guide: string; expected: string };
export type TRecurrenceData =
  | { kind: 'monthly' | 'quarterly'; monthOfQuarter?: number; day?: number; nth?: number; weekday?: string }
  | { kind: 'rrule'; rrule: string };

/** A checklist template; its items live in versions, so an edit never rewrites a started inspection. */
export const inspectionTemplates = pgTable('inspection_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Set on the templates Hamkke ships (`basis-monthly`…), so seeding them is idempotent. */
  key: text('key').unique(),
  isActive: boolean('is_active').notNull().default(true),
  currentVersion: integer('current_version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const inspectionTemplateVersions = pgTable(
  'inspection_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => inspectionTemplates.id),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    module: text('module'),
    items: jsonb('items').$type<TTemplateItem[]>().notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_template_versions_key').on(t.templateId, t.version)],
);

/** When a contract's system is inspected; the sweep turns each due occurrence into one ticket. */
export const inspectionSchedules = pgTable(
  'inspection_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    systemId: uuid('system_id').references(() => systems.id),
    templateId: uuid('template_id')
      .notNull()
      .references(() => inspectionTemplates.id),
    name: text('name').notNull(),
    recurrence: jsonb('recurrence').$type<TRecurrenceData>().notNull(),
    /** The recurrence as an RFC 5545 RRULE (what the occurrences are computed from). */
    rrule: text('rrule').notNull(),
    shift: text('shift', { enum: ['next', 'previous', 'none'] })
      .notNull()
      .default('next'),
    leadBusinessDays: integer('lead_business_days').notNull().default(3),
    windowStart: text('window_start').notNull().default('09:00'),
    windowEnd: text('window_end').notNull().default('18:00'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    team: text('team'),
    impact: text('impact').notNull().default('low'),
    urgency: text('urgency').notNull().default('medium'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    status: text('status', { enum: ['active', 'paused', 'ended'] })
      .notNull()
      .default('active'),
    /** Made from the contract's `inspectionCadence` (inspections/schedules-from-contract.ts), kept in step with it. */
    isFromContract: boolean('is_from_contract').notNull().default(false),
    /** The next nominal occurrence without a ticket, and the instant its ticket is due to be created. */
    nextOccurrenceOn: date('next_occurrence_on', { mode: 'string' }),
    nextCreateAt: ts('next_create_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('inspection_schedules_org_idx').on(t.organizationId),
    index('inspection_schedules_next_idx')
      .on(t.nextCreateAt)
      .where(sql`${t.status} = 'active' AND ${t.nextCreateAt} IS NOT NULL`),
  ],
);

/** One row per (schedule, nominal date) ever created: the key that makes each occurrence a ticket once. */
export const inspectionOccurrences = pgTable(
  'inspection_occurrences',
  {
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => inspectionSchedules.id),
    occurrenceOn: date('occurrence_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scheduleId, t.occurrenceOn] }),
    uniqueIndex('inspection_occurrences_ticket_key').on(t.ticketId),
  ],
);

/** The checklist of an inspection ticket: the template version it started with, and its completion. */
export const inspectionRuns = pgTable('inspection_runs', {
  ticketId: uuid('ticket_id')
    .primaryKey()
    .references(() => tickets.id),
  templateVersionId: uuid('template_version_id')
    .notNull()
    .references(() => inspectionTemplateVersions.id),
  scheduleId: uuid('schedule_id').references(() => inspectionSchedules.id),
  occurrenceOn: date('occurrence_on', { mode: 'string' }),
  completedAt: ts('completed_at'),
  completedById: uuid('completed_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const inspectionAnswers = pgTable(
  'inspection_answers',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => inspectionRuns.ticketId),
    itemId: text('item_id').notNull(),
    result: text('result', { enum: ['ok', 'warning', 'failed'] }).notNull(),
    note: text('note').notNull().default(''),
    /** Evidence: attachments of the same ticket. */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'`),
    followUpTicketId: uuid('follow_up_ticket_id').references(() => tickets.id),
    answeredById: uuid('answered_by_id').references(() => users.id),
    answeredAt: ts('answered_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.itemId] })],
);

/** iCalendar subscriptions: a secret address per person, or per team for managers; the token is stored hashed. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['person', 'team'] }).notNull(),
    team: text('team'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastFetchedAt: ts('last_fetched_at'),
  },
  (t) => [uniqueIndex('calendar_feeds_owner_key').on(t.ownerId, t.kind, sql`coalesce(${t.team}, '')`)],
);
