import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { users } from './schema.js';
import { teams } from './schema-team.js';

/**
 * An on-call rotation: members (in order) take shifts of `shiftDays` local days, handing over on
 * `handoverWeekday` at `handoverTime` in `timeZone`, from `startsOn` on. One per team; the one with
 * no team is the default, for P1 incidents of customers no team's rotation covers.
 */
export const oncallRotations = pgTable(
  'oncall_rotations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    /** In rotation order; each a staff user (checked on write). */
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'`),
    shiftDays: integer('shift_days').notNull().default(7),
    handoverWeekday: integer('handover_weekday').notNull().default(1),
    handoverTime: text('handover_time').notNull().default('09:00'),
    timeZone: text('time_zone').notNull().default('Asia/Seoul'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  // One rotation per team, and one default (no team): the all-zero uuid stands for "no team".
  (t) => [
    uniqueIndex('oncall_rotations_team_key').on(
      sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

/** Someone covers `[startsAt, endsAt)` of a rotation for someone else; the newest override wins. */
export const oncallOverrides = pgTable(
  'oncall_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rotationId: uuid('rotation_id')
      .notNull()
      .references(() => oncallRotations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    forUserId: uuid('for_user_id').references(() => users.id),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('oncall_overrides_rotation_ends_idx').on(t.rotationId, t.endsAt)],
);
