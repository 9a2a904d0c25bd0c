import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
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
import { organizations, tickets, users } from './schema.js';
import { inspectionSchedules } from './schema-inspections.js';
import { articles } from './schema-knowledge.js';

/**
 * A team of the AMS company. It covers customers (`organizationIds`) and SAP modules (`modules`):
 * a new unassigned ticket of a covered customer or module goes round-robin to one of its members.
 */
export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  leadId: uuid('lead_id').references(() => users.id),
  organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'`),
  modules: text('modules').array().notNull().default(sql`'{}'`),
  /** Round-robin assignment of new unassigned tickets; on by default, a manager may pause it. */
  isAutoAssign: boolean('is_auto_assign').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

/** An SAP module a person knows, at level 1 (basic) to 3 (expert). */
export const agentModuleSkills = pgTable(
  'agent_module_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    module: text('module').notNull(),
    level: integer('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.module] })],
);

/** A customer a person knows (their systems, people, history), at level 1 to 3. */
export const agentCustomerSkills = pgTable(
  'agent_customer_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    level: integer('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organizationId] })],
);

/** Whether a person takes new work: no row or `active` means yes; `away` until a date (inclusive, Seoul). */
export const agentAvailability = pgTable('agent_availability', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  status: text('status', { enum: ['active', 'away'] }).notNull(),
  /** The last day away; null while away with no return date. */
  awayUntil: date('away_until', { mode: 'string' }),
  note: text('note').notNull().default(''),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The customer's primary agent (담당자), for the whole customer (module null) or one SAP module. */
export const primaryAgents = pgTable(
  'primary_agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    module: text('module'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('primary_agents_org_module_key').on(t.organizationId, sql`coalesce(${t.module}, '')`)],
);

/** The metric an improvement should move, computed by Hamkke from the tickets. */
export type TImprovementMetricDef = {
  kind: 'mean_resolution_hours' | 'reopen_rate' | 'hours_per_inquiry' | 'tickets_per_week';
  organizationId?: string | null;
  module?: string | null;
};

/** The improvement register: B work (improves the work) and C work (improves how the team improves). */
export const improvements = pgTable(
  'improvements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: ['B', 'C'] }).notNull(),
    origin: text('origin', {
      enum: ['recurring_incident', 'problem', 'meeting_decision', 'customer_feedback', 'retrospective'],
    }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    status: text('status', { enum: ['idea', 'planned', 'doing', 'measuring', 'done', 'dropped'] })
      .notNull()
      .default('idea'),
    metric: jsonb('metric').$type<TImprovementMetricDef>(),
    baselineFrom: date('baseline_from', { mode: 'string' }),
    baselineTo: date('baseline_to', { mode: 'string' }),
    baselineValue: doublePrecision('baseline_value'),
    baselineComputedAt: ts('baseline_computed_at'),
    targetValue: doublePrecision('target_value'),
    measureFrom: date('measure_from', { mode: 'string' }),
    measureTo: date('measure_to', { mode: 'string' }),
    afterValue: doublePrecision('after_value'),
    afterComputedAt: ts('after_computed_at'),
    version: integer('version').notNull().default(1),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('improvements_status_idx').on(t.status, t.updatedAt)],
);

/** Tickets (incidents, problems …) an improvement came from or acts on. */
export const improvementTickets = pgTable(
  'improvement_tickets',
  {
    improvementId: uuid('improvement_id')
      .notNull()
      .references(() => improvements.id),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
  },
  (t) => [
    primaryKey({ columns: [t.improvementId, t.ticketId] }),
    index('improvement_tickets_ticket_idx').on(t.ticketId),
  ],
);

export const improvementArticles = pgTable(
  'improvement_articles',
  {
    improvementId: uuid('improvement_id')
      .notNull()
      .references(() => improvements.id),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
  },
  (t) => [primaryKey({ columns: [t.improvementId, t.articleId] })],
);

/**
 * A person put on a project (프로젝트 투입) for a period at a share of their time. While it runs,
 * automatic assignment counts only the rest of their time; at 100% they take no new tickets.
 */
export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    project: text('project').notNull(),
    /** The customer the project is for, if any. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    sharePercent: integer('share_percent').notNull(),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('deployments_user_period_idx').on(t.userId, t.startsOn, t.endsOn)],
);

/** One ticket handed over from a deployed person to a colleague, with a note; the colleague acknowledges it. */
export const handoverItems = pgTable(
  'handover_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id),
    /** The ticket handed over, or null for an inspection schedule (`scheduleId`). */
    ticketId: uuid('ticket_id').references(() => tickets.id),
    /** An inspection schedule whose upcoming inspections are handed over (its assignee changes). */
    scheduleId: uuid('schedule_id').references(() => inspectionSchedules.id),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [
    index('handover_items_deployment_idx').on(t.deploymentId),
    index('handover_items_to_user_idx').on(t.toUserId, t.acknowledgedAt),
  ],
);
