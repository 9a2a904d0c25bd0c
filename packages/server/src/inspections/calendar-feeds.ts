import { KR_STANDARD } from '@hamkke/core';
import { and, eq, gte, inArray, isNotNull, lte, notInArray, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, isStaff } from '../auth/policy.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { loadCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import {
  calendarFeeds,
  contracts,
  inspectionOccurrences,
  inspectionSchedules,
  organizations,
  tickets,
  users,
} from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { publicUrl } from '../http/public-url.js';
import { onCallFeedEvents } from '../oncall/feed-events.js';
import { buildIcal, type TIcalEvent } from './ical.js';
import { upcoming } from './occurrences.js';

export const FEED = { en: 'calendar feed', ko: '캘린더 구독' };
type TFeedRow = typeof calendarFeeds.$inferSelect;

/** Tickets this far back and planned inspections this far ahead are in a feed. */
const PAST_DAYS = 90;
const AHEAD_DAYS = 400;
const MAX_EVENTS = 2000;
const DONE = ['cancelled'];

export const feedUrl = (token: string) => publicUrl(`/ical/${token}.ics`);

export function presentFeed(row: TFeedRow) {
  return { id: row.id, kind: row.kind, team: row.team, createdAt: row.createdAt.toISOString() };
}

/**
 * Creates the feed, or rotates its secret (the old address stops working at once). Calendar apps
 * send no cookies, so the address itself is the credential: shown once, stored as its hash.
 * A personal feed is every staff user's own; a team feed is for managers and admins.
 */
export async function issueFeed(actor: TActor, team: string | null) {
  assert(isStaff(actor), { en: 'Calendar feeds are for staff', ko: '캘린더 구독은 내부 직원용입니다' });
  if (team !== null)
    assert(canManage(actor), {
      en: 'Only managers and admins create team feeds',
      ko: '팀 캘린더 구독은 팀장과 관리자만 만들 수 있습니다',
    });
  const token = newSecret();
  return db.transaction(async (tx) => {
    const kind = team === null ? 'person' : 'team';
    const [before] = await tx
      .select()
      .from(calendarFeeds)
      .where(
        and(
          eq(calendarFeeds.ownerId, actor.userId),
          eq(calendarFeeds.kind, kind),
          team === null ? undefined : eq(calendarFeeds.team, team),
        ),
      )
      .for('update');
    let row: TFeedRow;
    if (before) {
      [row] = (await tx
        .update(calendarFeeds)
        .set({ tokenHash: sha256(token), createdAt: new Date() })
        .where(eq(calendarFeeds.id, before.id))
        .returning()) as [TFeedRow];
    } else {
      [row] = (await tx
        .insert(calendarFeeds)
        .values({ ownerId: actor.userId, kind, team, tokenHash: sha256(token) })
        .returning()) as [TFeedRow];
    }
    const safe = ({ tokenHash: _, ...rest }: TFeedRow) => rest;
    await recordAudit(tx, actor, {
      action: before ? 'rotate' : 'create',
      entityType: 'calendar_feed',
      entityId: row.id,
      before: before ? safe(before) : null,
      after: safe(row),
    });
    return { ...presentFeed(row), url: feedUrl(token) };
  });
}

export async function listFeeds(actor: TActor) {
  const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.ownerId, actor.userId));
  return { items: rows.map((r) => presentFeed(r)) };
}

/** Ends a feed of one's own: its address answers 404 from now on. */
export async function deleteFeed(actor: TActor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(calendarFeeds)
      .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.ownerId, actor.userId)))
      .returning();
    if (!row) throw new NotFound(FEED);
    const { tokenHash: _, ...rest } = row;
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'calendar_feed',
      entityId: id,
      before: rest,
    });
  });
}

/**
 * The iCalendar document of a feed token: the owner's (or team's) tickets with a planned start,
 * and the inspections their schedules will create. Null for an unknown token or a former staff user.
 * Each event's UID is stable: per ticket, and per (schedule, occurrence) for inspections, so a
 * planned inspection and the ticket it becomes are the same event in the calendar app.
 */
export async function renderFeed(token: string, now = new Date()): Promise<string | null> {
  const [feed] = await db
    .select({ feed: calendarFeeds, role: users.role, name: users.name, isActive: users.isActive })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.ownerId))
    .where(eq(calendarFeeds.tokenHash, sha256(token)));
  if (!feed || feed.role === 'customer' || !feed.isActive) return null;
  const { kind, team, ownerId } = feed.feed;
  const from = new Date(now.getTime() - PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + AHEAD_DAYS * 86_400_000);
  const whose: SQL = kind === 'team' ? eq(tickets.team, team!) : eq(tickets.assigneeId, ownerId);
  const rows = await db
    .select({
      t: tickets,
      org: organizations.name,
      occurrence: { scheduleId: inspectionOccurrences.scheduleId, on: inspectionOccurrences.occurrenceOn },
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .leftJoin(inspectionOccurrences, eq(inspectionOccurrences.ticketId, tickets.id))
    .where(
      and(
        whose,
        isNotNull(tickets.plannedStart),
        notInArray(tickets.status, DONE),
        lte(tickets.plannedStart, to),
        or(gte(tickets.plannedEnd, from), gte(tickets.plannedStart, from)),
      ),
    )
    .limit(MAX_EVENTS);
  const events: TIcalEvent[] = rows.map(({ t, org, occurrence }) => ({
    uid: occurrence?.scheduleId
      ? `inspection-${occurrence.scheduleId}-${occurrence.on}@hamkke`
      : `ticket-${t.id}@hamkke`,
    start: t.plannedStart!,
    end: t.plannedEnd ?? new Date(t.plannedStart!.getTime() + 3_600_000),
    summary: `[${t.number}] ${t.title}`,
    description: `${org}\n${t.type} · ${t.status} · ${t.priority}\n${publicUrl(`/tickets/${t.number}`)}`,
    url: publicUrl(`/tickets/${t.number}`),
    categories: [t.type === 'inspection' ? '정기 점검' : t.type],
    status:
      t.status === 'resolved' || t.status === 'closed'
        ? 'CONFIRMED'
        : t.status === 'new'
          ? 'TENTATIVE'
          : 'CONFIRMED',
    lastModified: t.updatedAt,
  }));
  const scheduleWhose: SQL =
    kind === 'team' ? eq(inspectionSchedules.team, team!) : eq(inspectionSchedules.assigneeId, ownerId);
  const schedules = await db
    .select({ s: inspectionSchedules, org: organizations.name, calendarKey: contracts.calendarKey })
    .from(inspectionSchedules)
    .innerJoin(organizations, eq(organizations.id, inspectionSchedules.organizationId))
    .innerJoin(contracts, eq(contracts.id, inspectionSchedules.contractId))
    .where(and(scheduleWhose, inArray(inspectionSchedules.status, ['active'])));
  const calendars = schedules.length ? await loadCalendars() : new Map();
  for (const { s, org, calendarKey } of schedules) {
    const calendar = calendars.get(calendarKey)?.calendar ?? KR_STANDARD;
    for (const o of upcoming(s, calendar, s.nextOccurrenceOn, 60)) {
      if (o.plannedStart > to || events.length >= MAX_EVENTS) break;
      events.push({
        uid: `inspection-${s.id}-${o.occurrenceOn}@hamkke`,
        start: o.plannedStart,
        end: o.plannedEnd,
        summary: `[정기 점검 예정] ${s.name}`,
        description: `${org}\n정기 점검 예정일 ${o.dueOn} (티켓 생성 ${o.createAt.toISOString().slice(0, 10)})`,
        categories: ['정기 점검'],
        status: 'TENTATIVE',
        lastModified: s.updatedAt,
      });
    }
  }
  events.push(...(await onCallFeedEvents(kind === 'team' ? { team: team! } : { userId: ownerId }, now)));
  await db.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.id, feed.feed.id));
  const name = kind === 'team' ? `Hamkke · ${team} 팀 일정` : `Hamkke · ${feed.name} 일정`;
  return buildIcal(name, events, now);
}
