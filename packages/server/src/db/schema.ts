import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts, tsvector } from './columns.js';

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
    /** P1 incidents run on the 24×7 calendar instead of the contract's business calendar. */
    p1AroundTheClock: boolean('p1_around_the_clock').notNull().default(false),
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
    // SLA: inputs (policy, calendar, targets, pauses) and what follows from them (due times, states).
    slaPolicyId: uuid('sla_policy_id'),
    slaCalendarKey: text('sla_calendar_key'),
    /** The calendar revision the due times were computed on; an edited calendar recomputes them. */
    slaCalendarRevision: integer('sla_calendar_revision').notNull().default(0),
    /** Bumped when the due times are recomputed, so escalations may fire again for the new targets. */
    slaCycle: integer('sla_cycle').notNull().default(0),
    responseTargetMin: integer('response_target_min'),
    resolutionTargetMin: integer('resolution_target_min'),
    responsePausedMin: doublePrecision('response_paused_min').notNull().default(0),
    resolutionPausedMin: doublePrecision('resolution_paused_min').notNull().default(0),
    slaPausedSince: ts('sla_paused_since'),
    firstResponseAt: ts('first_response_at'),
    responseDueAt: ts('response_due_at'),
    responseAtRiskAt: ts('response_at_risk_at'),
    responseState: text('response_state').notNull().default('none'),
    resolutionDueAt: ts('resolution_due_at'),
    resolutionAtRiskAt: ts('resolution_at_risk_at'),
    resolutionState: text('resolution_state').notNull().default('none'),
    /** The worse of the two clocks: what `?sla=` filters on. */
    slaState: text('sla_state').notNull().default('none'),
    /** The next instant a clock changes state; the sweep picks tickets whose moment has come. */
    slaNextCheckAt: ts('sla_next_check_at'),
  },
  (t) => [
    index('tickets_created_idx').on(t.createdAt, t.id),
    index('tickets_updated_idx').on(t.updatedAt, t.id),
    index('tickets_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('tickets_status_created_idx').on(t.status, t.createdAt, t.id),
    // Organization + status lists (a customer's open work) walk this in order, with no bitmap AND + sort.
    index('tickets_org_status_created_idx').on(t.organizationId, t.status, t.createdAt, t.id),
    index('tickets_assignee_created_idx').on(t.assigneeId, t.createdAt, t.id),
    index('tickets_requester_idx').on(t.requesterId),
    // Contract-hours roll-ups sum the time of a contract's tickets.
    index('tickets_contract_idx').on(t.contractId),
    index('tickets_sla_next_check_idx').on(t.slaNextCheckAt).where(sql`${t.slaNextCheckAt} IS NOT NULL`),
    index('tickets_sla_state_idx').on(t.slaState, t.createdAt, t.id),
    index('tickets_sla_calendar_idx')
      .on(t.slaCalendarKey, t.slaCalendarRevision)
      .where(sql`${t.slaState} IN ('within', 'at_risk', 'paused')`),
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

/**
 * What a ticket is found by, kept apart from `tickets` so that reading a ticket never carries it.
 * Rewritten in the transaction of every write that changes the text (search/refresh-ticket-search.ts).
 */
export const ticketSearch = pgTable(
  'ticket_search',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    /** The ticket's organization (which never changes), so a scoped search narrows before it ranks. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Title (A), description, SAP Notes and transports (B), public replies (C): what customers search. */
    publicVector: tsvector('public_vector').notNull(),
    /** The same plus internal notes (C): staff only. */
    staffVector: tsvector('staff_vector').notNull(),
    /**
     * The ticket's creation time (which never changes), so that "the newest matches" and a date filter
     * are answered from this table alone, before any ticket row is read (search/search-tickets.ts).
     */
    createdAt: ts('created_at').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('ticket_search_org_idx').on(t.organizationId),
    index('ticket_search_public_idx').using('gin', t.publicVector),
    index('ticket_search_staff_idx').using('gin', t.staffVector),
    // The newest matches of a word in most tickets: walked newest first, stopping at the cap.
    index('ticket_search_created_idx').on(t.createdAt),
  ],
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
    kind: text('kind', {
      enum: ['created', 'changed', 'comment', 'attachment', 'time_entry', 'sla'],
    }).notNull(),
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

/** Business calendars: time zone, weekly working hours, and whether Korean public holidays apply. */
export const calendars = pgTable('calendars', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Seoul'),
  /** Seven lists (Sunday first) of `{start, end}` working intervals in local time. */
  weeklyHours: jsonb('weekly_hours').$type<{ start: string; end: string }[][]>().notNull(),
  usesPublicHolidays: boolean('uses_public_holidays').notNull().default(true),
  isBuiltIn: boolean('is_built_in').notNull().default(false),
  /** Bumped on every change to the calendar, its closures or the public holidays it uses. */
  revision: integer('revision').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Company closure days of one calendar (창립기념일, 하계 휴무 …). */
export const calendarClosures = pgTable(
  'calendar_closures',
  {
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => calendars.id),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.date] })],
);

/** Korean public holidays: seeded from the rules at install, then the admin's to add or correct. */
export const publicHolidays = pgTable(
  'public_holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A day may carry two holidays (2025-05-05: 어린이날 and 부처님 오신 날). */
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['solar', 'lunar', 'substitute', 'adhoc'] }).notNull(),
    source: text('source').notNull().default(''),
    /** An admin can withdraw a holiday without losing the record of it. */
    isActive: boolean('is_active').notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('public_holidays_date_name_key').on(t.date, t.name)],
);

export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  /** Per priority, business minutes to first response and to resolution. */
  targets: jsonb('targets').$type<Record<string, { firstResponse: number; resolution: number }>>().notNull(),
  pauseStatuses: text('pause_statuses').array().notNull().default(sql`'{waiting_customer}'`),
  atRiskRatio: doublePrecision('at_risk_ratio').notNull().default(0.8),
  escalations: jsonb('escalations')
    .$type<
      { on: 'at_risk' | 'breached'; clock: 'response' | 'resolution'; action: string; team?: string }[]
    >()
    .notNull()
    .default([]),
  /** The policy of contracts that name none. */
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One row per SLA event that fired; the key makes a second firing of the same event impossible. */
export const slaEscalations = pgTable(
  'sla_escalations',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    clock: text('clock', { enum: ['response', 'resolution'] }).notNull(),
    kind: text('kind', { enum: ['at_risk', 'breached'] }).notNull(),
    cycle: integer('cycle').notNull(),
    firedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.clock, t.kind, t.cycle] })],
);

/** In-app notifications to a person; mail delivery builds on them. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id),
    contractId: uuid('contract_id').references(() => contracts.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Contract-hours alerts that fired, at most once per contract, month and threshold. */
export const contractHourAlerts = pgTable(
  'contract_hour_alerts',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    month: text('month').notNull(),
    thresholdPercent: integer('threshold_percent').notNull(),
    firedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.month, t.thresholdPercent] })],
);
export * from './schema-csat.js';
export * from './schema-dashboards.js';
export * from './schema-inspections.js';
export * from './schema-knowledge.js';
export * from './schema-mail-in.js';
export * from './schema-mail-out.js';
export * from './schema-meetings.js';
export * from './schema-oncall.js';
export * from './schema-reports.js';
export * from './schema-search.js';
export * from './schema-team.js';
