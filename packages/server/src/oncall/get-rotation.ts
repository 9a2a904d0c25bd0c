import type { TOverrideRule, TRotation, TRotationRule } from '@hamkke/core';
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { oncallOverrides, oncallRotations, teams, users } from '../db/schema.js';
import { NotFound } from '../http/errors.js';

export const ROTATION = { en: 'on-call rotation', ko: '당직 순번' };

export type TRotationRow = typeof oncallRotations.$inferSelect;
export type TOverrideRow = typeof oncallOverrides.$inferSelect;
/** A rotation row with its team's name: what the rules and the presenters need. */
export type TLoadedRotation = TRotationRow & { teamName: string | null };

/** The rotation as the pure on-call rules in core read it. */
export const ruleOf = (r: TRotationRow): TRotationRule => ({
  memberIds: r.memberIds,
  shiftDays: r.shiftDays,
  handoverWeekday: r.handoverWeekday,
  handoverTime: r.handoverTime,
  timeZone: r.timeZone,
  startsOn: r.startsOn,
});

export const overrideRuleOf = (o: TOverrideRow): TOverrideRule => ({
  id: o.id,
  userId: o.userId,
  forUserId: o.forUserId,
  startsAt: o.startsAt,
  endsAt: o.endsAt,
});

/** Rotations (all, or the given ids) with their team's name, by team name (the default, with no team, last), then by name. */
export async function loadRotations(tx: TDbOrTx, ids?: string[]): Promise<TLoadedRotation[]> {
  const rows = await tx
    .select({ r: oncallRotations, teamName: teams.name })
    .from(oncallRotations)
    .leftJoin(teams, eq(teams.id, oncallRotations.teamId))
    .where(ids ? inArray(oncallRotations.id, ids) : undefined)
    .orderBy(asc(teams.name), asc(oncallRotations.name));
  return rows.map(({ r, teamName }) => ({ ...r, teamName }));
}

/**
 * The overrides of the given rotations that overlap `[from, to)`, oldest first (so the newest wins
 * where they overlap, as core's whoIsOnCall reads them).
 */
export async function loadOverrides(
  tx: TDbOrTx,
  rotationIds: string[],
  from: Date,
  to: Date,
): Promise<TOverrideRow[]> {
  if (rotationIds.length === 0) return [];
  return tx
    .select()
    .from(oncallOverrides)
    .where(
      and(
        inArray(oncallOverrides.rotationId, rotationIds),
        gt(oncallOverrides.endsAt, from),
        lt(oncallOverrides.startsAt, to),
      ),
    )
    .orderBy(asc(oncallOverrides.createdAt), asc(oncallOverrides.id));
}

/** Names of the given users, for the presenters. */
export async function namesOf(tx: TDbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The API shape of a rotation. */
export function presentRotation(r: TLoadedRotation, names: Map<string, string>): TRotation {
  return {
    id: r.id,
    name: r.name,
    team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
    members: r.memberIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    shiftDays: r.shiftDays,
    handoverWeekday: r.handoverWeekday,
    handoverTime: r.handoverTime,
    timeZone: r.timeZone,
    startsOn: r.startsOn,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Every rotation: staff read them; customer users may not. */
export async function listRotations(actor: TActor): Promise<TRotation[]> {
  assert(isStaff(actor));
  const rows = await loadRotations(db);
  const names = await namesOf(
    db,
    rows.flatMap((r) => r.memberIds),
  );
  return rows.map((r) => presentRotation(r, names));
}

export async function getRotation(actor: TActor, id: string, tx: TDbOrTx = db): Promise<TRotation> {
  assert(isStaff(actor));
  const [row] = await loadRotations(tx, [id]);
  if (!row) throw new NotFound(ROTATION);
  return presentRotation(row, await namesOf(tx, row.memberIds));
}
