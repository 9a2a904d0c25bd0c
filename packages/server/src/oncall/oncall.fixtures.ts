import { db } from '../db/current.js';
import { oncallOverrides, oncallRotations } from '../db/schema.js';

/** A weekly rotation of a team (Monday 09:00 Seoul handover by default), written directly. */
export async function makeRotation(opts: {
  teamId: string;
  memberIds: string[];
  startsOn?: string;
  name?: string;
  shiftDays?: number;
}) {
  const [row] = await db
    .insert(oncallRotations)
    .values({
      name: opts.name ?? '주간 당직',
      teamId: opts.teamId,
      memberIds: opts.memberIds,
      startsOn: opts.startsOn ?? '2026-11-02',
      shiftDays: opts.shiftDays ?? 7,
    })
    .returning();
  return row!;
}

export async function makeOverride(rotationId: string, userId: string, startsAt: string, endsAt: string) {
  const [row] = await db
    .insert(oncallOverrides)
    .values({ rotationId, userId, startsAt: new Date(startsAt), endsAt: new Date(endsAt) })
    .returning();
  return row!;
}
