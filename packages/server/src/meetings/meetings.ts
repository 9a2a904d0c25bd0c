import type { TCreateMeeting, TMeeting, TMeetingQuery } from '@hamkke/core';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { improvements, meetingDecisions, meetings, tickets, users } from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { isoWeekOf } from '../teams/iso-week.js';
import { weekRange } from './week-range.js';

export const MEETING = { en: 'meeting', ko: '회의' };
type TMeetingRow = typeof meetings.$inferSelect;

/** A real ISO week of its year (2026-W53 does not exist; 2027-W01 is meant). */
export function checkWeek(week: string): void {
  if (isoWeekOf(weekRange(week).monday) !== week)
    throw new Invalid('week', {
      en: `${week} is not a week of that year`,
      ko: `${week}는 그 해에 없는 주입니다`,
    });
}

/** Meetings with attendees' names and their decisions with what each became. */
export async function presentMeetings(tx: TDbOrTx, rows: TMeetingRow[]): Promise<TMeeting[]> {
  if (rows.length === 0) return [];
  const decisions = await tx
    .select({
      d: meetingDecisions,
      impTitle: improvements.title,
      impStatus: improvements.status,
      ticketNumber: tickets.number,
      ticketTitle: tickets.title,
      ticketStatus: tickets.status,
    })
    .from(meetingDecisions)
    .leftJoin(improvements, eq(improvements.id, meetingDecisions.improvementId))
    .leftJoin(tickets, eq(tickets.id, meetingDecisions.ticketId))
    .where(
      inArray(
        meetingDecisions.meetingId,
        rows.map((m) => m.id),
      ),
    )
    .orderBy(asc(meetingDecisions.createdAt), asc(meetingDecisions.id));
  const userIds = [
    ...new Set([
      ...rows.flatMap((m) => [...m.attendeeIds, m.createdById]),
      ...decisions.map((d) => d.d.createdById),
    ]),
  ].filter((id): id is string => !!id);
  const names = new Map(
    (userIds.length
      ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return rows.map((m) => ({
    id: m.id,
    week: m.week,
    heldAt: m.heldAt.toISOString(),
    attendees: m.attendeeIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    guests: m.guests,
    notes: m.notes,
    createdBy: ref(m.createdById),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    decisions: decisions
      .filter((d) => d.d.meetingId === m.id)
      .map(({ d, ...j }) => ({
        id: d.id,
        meetingId: d.meetingId,
        text: d.text,
        becomes: d.becomes,
        improvement: d.improvementId
          ? { id: d.improvementId, title: j.impTitle ?? '', status: j.impStatus ?? '' }
          : null,
        ticket: d.ticketId
          ? {
              id: d.ticketId,
              number: j.ticketNumber ?? '',
              title: j.ticketTitle ?? '',
              status: j.ticketStatus ?? '',
            }
          : null,
        createdBy: ref(d.createdById),
        createdAt: d.createdAt.toISOString(),
      })),
  }));
}

/** Attendees are staff with an account (viewers attend too); anyone else is a guest by name. */
export async function checkAttendees(tx: TDbOrTx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, unique), ne(users.role, 'customer'), eq(users.isActive, true)));
  if (rows.length !== unique.length)
    throw new Invalid('attendeeIds', {
      en: 'attendeeIds must name active staff users',
      ko: 'attendeeIds에는 활성 상태의 내부 직원만 지정할 수 있습니다',
    });
  return unique;
}

/** Records a weekly meeting (agents, managers, admins). */
export async function createMeeting(actor: TActor, input: TCreateMeeting): Promise<TMeeting> {
  assert(canWork(actor));
  checkWeek(input.week);
  return db.transaction(async (tx) => {
    const attendeeIds = await checkAttendees(tx, input.attendeeIds);
    const [row] = await tx
      .insert(meetings)
      .values({
        week: input.week,
        heldAt: new Date(input.heldAt),
        attendeeIds,
        guests: input.guests,
        notes: input.notes,
        createdById: actor.userId,
      })
      .returning();
    const [meeting] = await presentMeetings(tx, [row!]);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'meeting',
      entityId: row!.id,
      after: meeting,
    });
    return meeting!;
  });
}

/** The meetings of a week (or the latest 100), newest first. Staff read them. */
export async function listMeetings(
  actor: TActor,
  query: TMeetingQuery,
  tx: TDbOrTx = db,
): Promise<TMeeting[]> {
  assert(isStaff(actor));
  const rows = await tx
    .select()
    .from(meetings)
    .where(query.week ? eq(meetings.week, query.week) : undefined)
    .orderBy(desc(meetings.heldAt), desc(meetings.id))
    .limit(100);
  return presentMeetings(tx, rows);
}

export async function getMeetingRow(tx: TDbOrTx, id: string, lock = false): Promise<TMeetingRow> {
  const query = tx.select().from(meetings).where(eq(meetings.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound(MEETING);
  return row;
}

export async function getMeeting(actor: TActor, id: string): Promise<TMeeting> {
  assert(isStaff(actor));
  return (await presentMeetings(db, [await getMeetingRow(db, id)]))[0]!;
}
