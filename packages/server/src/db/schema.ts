import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Millisecond precision: values round-trip through JS Dates exactly, which keyset cursors rely on.
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  specialNotes: text('special_notes').notNull().default(''),
  isActive: boolean('is_active').notNull().default(true),
  /** Last ticket number handed out for this organization (ticket numbers are per organization). */
  ticketSeq: integer('ticket_seq').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'manager', 'agent', 'viewer', 'customer'] }).notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['ko', 'en'] })
      .notNull()
      .default('ko'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_org_idx').on(t.organizationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value; the value itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    sourceAddress: text('source_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: ts('window_start').notNull(),
});

export const systems = pgTable(
  'systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    sid: text('sid').notNull(),
    tier: text('tier', { enum: ['DEV', 'QAS', 'PRD'] }).notNull(),
    client: text('client'),
    product: text('product').notNull(),
    release: text('release').notNull().default(''),
    modules: text('modules').array().notNull().default(sql`'{}'`),
    solution: text('solution').notNull().default(''),
    solutionVersion: text('solution_version').notNull().default(''),
    description: text('description').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('systems_org_idx').on(t.organizationId),
    uniqueIndex('systems_org_sid_client_key').on(t.organizationId, t.sid, sql`coalesce(${t.client}, '')`),
  ],
);

export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    services: text('services').array().notNull().default(sql`'{}'`),
    monthlyHours: numeric('monthly_hours', { precision: 7, scale: 1, mode: 'number' }).notNull().default(0),
    slaPolicyId: uuid('sla_policy_id'),
    calendarKey: text('calendar_key').notNull().default('kr-standard'),
    inspectionCadence: text('inspection_cadence', { enum: ['none', 'monthly', 'quarterly'] })
      .notNull()
      .default('none'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contracts_org_idx').on(t.organizationId)],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    systemId: uuid('system_id').references(() => systems.id),
    module: text('module'),
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('new'),
    impact: text('impact').notNull(),
    urgency: text('urgency').notNull(),
    priority: text('priority').notNull(),
    isPriorityManual: boolean('is_priority_manual').notNull().default(false),
    requesterId: uuid('requester_id').references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    team: text('team'),
    channel: text('channel').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    sapNotes: text('sap_notes').array().notNull().default(sql`'{}'`),
    transports: text('transports').array().notNull().default(sql`'{}'`),
    plannedStart: ts('planned_start'),
    plannedEnd: ts('planned_end'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    /** Bumped on every change; PATCH with a stale version is refused (optimistic locking). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tickets_created_idx').on(t.createdAt, t.id),
    index('tickets_updated_idx').on(t.updatedAt, t.id),
    index('tickets_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('tickets_status_created_idx').on(t.status, t.createdAt, t.id),
    index('tickets_assignee_created_idx').on(t.assigneeId, t.createdAt, t.id),
    index('tickets_requester_idx').on(t.requesterId),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comments_ticket_idx').on(t.ticketId)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    uploaderId: uuid('uploader_id').references(() => users.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_ticket_idx').on(t.ticketId)],
);

export const timeEntries = pgTable(
  'time_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    minutes: integer('minutes').notNull(),
    workDate: date('work_date', { mode: 'string' }).notNull(),
    billable: boolean('billable').notNull(),
    workClass: text('work_class', { enum: ['A', 'B', 'C'] }).notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('time_entries_ticket_idx').on(t.ticketId),
    index('time_entries_user_date_idx').on(t.userId, t.workDate),
  ],
);

/** The ticket's timeline: one row per thing that happened, in order. Never updated, never deleted. */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    actorId: uuid('actor_id').references(() => users.id),
    kind: text('kind', { enum: ['created', 'changed', 'comment', 'attachment', 'time_entry'] }).notNull(),
    visibility: text('visibility', { enum: ['public', 'internal'] }).notNull(),
    /** The comment, attachment or time entry the event is about. */
    subjectId: uuid('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id').references(() => users.id),
    sourceAddress: text('source_address'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
  ],
);
