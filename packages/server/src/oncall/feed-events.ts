import { eq } from 'drizzle-orm';
import { db } from '../db/current.js';
import { teams } from '../db/schema.js';
import { publicUrl } from '../http/public-url.js';
import type { TIcalEvent } from '../inspections/ical.js';
import { loadRotations, namesOf } from './get-rotation.js';
import { shiftsOf } from './on-call-schedule.js';

/** Shifts this far back and ahead are in a feed. */
const PAST_DAYS = 31;
const AHEAD_DAYS = 100;

/**
 * The on-call shifts for a calendar feed: a person's own shifts in every rotation (`userId`), or
 * every shift of the rotation of the team named `team`. The UID is stable per rotation, shift start
 * and person, so a calendar app updates an event rather than adding one when the schedule changes.
 */
export async function onCallFeedEvents(
  whose: { userId: string } | { team: string },
  now = new Date(),
): Promise<TIcalEvent[]> {
  let rotations = await loadRotations(db);
  if ('team' in whose) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, whose.team));
    rotations = rotations.filter((r) => team && r.teamId === team.id);
  }
  if (rotations.length === 0) return [];
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
  const all = (await shiftsOf(db, rotations, from, to)).flatMap(({ rotation, pieces }) =>
    pieces.filter((p) => !('userId' in whose) || p.userId === whose.userId).map((p) => ({ rotation, p })),
  );
  const names = await namesOf(
    db,
    all.flatMap(({ p }) => [p.userId, p.scheduledUserId]),
  );
  return all.map(({ rotation, p }) => {
    const person = names.get(p.userId) ?? '';
    const covering = p.scheduledUserId ? ` (${names.get(p.scheduledUserId) ?? ''} 대신)` : '';
    return {
      uid: `oncall-${rotation.id}-${p.start.getTime()}-${p.userId}@hamkke`,
      start: p.start,
      end: p.end,
      summary: `[당직] ${person}${covering} · ${rotation.name}`,
      description: `${rotation.teamName ? `${rotation.teamName} 팀 ` : ''}당직 순번 ${rotation.name}\n${publicUrl('/oncall')}`,
      url: publicUrl('/oncall'),
      categories: ['당직'],
      status: 'CONFIRMED',
      lastModified: rotation.updatedAt,
    };
  });
}
