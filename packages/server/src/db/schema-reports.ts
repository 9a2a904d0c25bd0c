import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { organizations, users } from './schema.js';

/**
 * The monthly operations report of one organization and month. `figures` is the computed report
 * (TMonthlyReport without remarks and status) as of `generatedAt`; null until a run or a sign-off
 * computes it. Once `status` is `signed` the row is frozen: figures and remarks never change again.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM`, in the time zone of the organization's contract calendar. */
    month: text('month').notNull(),
    status: text('status', { enum: ['draft', 'signed'] })
      .notNull()
      .default('draft'),
    figures: jsonb('figures').$type<Record<string, unknown>>(),
    generatedAt: ts('generated_at'),
    remarks: text('remarks').notNull().default(''),
    remarksUpdatedById: uuid('remarks_updated_by_id').references(() => users.id),
    signedById: uuid('signed_by_id').references(() => users.id),
    signedAt: ts('signed_at'),
    /** When the signed report was last mailed to the customer's contacts. */
    mailedAt: ts('mailed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.month] }),
    index('monthly_reports_month_idx').on(t.month, t.status),
  ],
);

/** A generation run: the reports of a month for a set of organizations, computed by the report workers. */
export const reportRuns = pgTable('report_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  month: text('month').notNull(),
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

/**
 * One organization of a run. `pending` → `running` (claimed with FOR UPDATE SKIP LOCKED by one worker
 * until `leaseUntil`) → `done`, `failed` or `skipped` (already signed). A lease that runs out (the
 * worker's process died) makes the item claimable again.
 */
export const reportRunItems = pgTable(
  'report_run_items',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => reportRuns.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed', 'skipped'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: ts('lease_until'),
    error: text('error'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.organizationId] }),
    index('report_run_items_claim_idx').on(t.runId).where(sql`${t.status} IN ('pending', 'running')`),
  ],
);
