import type { TIncidentStep, TWeeklyIncident } from '@hamkke/core';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { db } from '../db/current.js';
import { comments, systems, ticketEvents, tickets, users } from '../db/schema.js';
import { between, organizationNames, ticketRef } from './pack-tickets.js';
import type { TWeekRange } from './week-range.js';

const TEXT_MAX = 500;
const CAUSE_MAX = 1000;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

type TChange = { field: string; from: unknown; to: unknown };

/**
 * The P1/P2 incidents created or resolved in the week, each with its story up to the week's end:
 * created, status changes and public replies in order; the cause (internal notes up to the
 * resolution) and the action (the team's last public reply up to the resolution).
 */
export async function majorIncidents(r: TWeekRange): Promise<TWeeklyIncident[]> {
  const rows = await db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.type, 'incident'),
        inArray(tickets.priority, ['P1', 'P2']),
        or(between(tickets.createdAt, r), between(tickets.resolvedAt, r)),
      ),
    )
    .orderBy(asc(tickets.priority), asc(tickets.createdAt))
    .limit(200);
  if (rows.length === 0) return [];
  const ids = rows.map((t) => t.id);
  const [events, notes, names] = await Promise.all([
    db
      .select()
      .from(ticketEvents)
      .where(and(inArray(ticketEvents.ticketId, ids), inArray(ticketEvents.kind, ['created', 'changed'])))
      .orderBy(asc(ticketEvents.id)),
    db
      .select({ c: comments, role: users.role, name: users.name })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(inArray(comments.ticketId, ids))
      .orderBy(asc(comments.createdAt)),
    organizationNames(rows.map((t) => t.organizationId)),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const userIds = [
    ...new Set([...actorIds, ...rows.map((t) => t.assigneeId).filter((id): id is string => !!id)]),
  ];
  const people = new Map(
    (userIds.length
      ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const systemIds = rows.map((t) => t.systemId).filter((id): id is string => !!id);
  const sids = new Map(
    (systemIds.length
      ? await db
          .select({ id: systems.id, sid: systems.sid })
          .from(systems)
          .where(inArray(systems.id, systemIds))
      : []
    ).map((s) => [s.id, s.sid]),
  );
  return rows.map((t) => {
    const steps: TIncidentStep[] = [];
    for (const e of events) {
      if (e.ticketId !== t.id || e.createdAt >= r.end) continue;
      const actor = e.actorId ? (people.get(e.actorId) ?? null) : null;
      const at = e.createdAt.toISOString();
      if (e.kind === 'created') steps.push({ at, kind: 'created', actor, from: null, to: 'new', text: null });
      const status = ((e.data.changes ?? []) as TChange[]).find((c) => c.field === 'status');
      if (status)
        steps.push({
          at,
          kind: 'status',
          actor,
          from: String(status.from),
          to: String(status.to),
          text: null,
        });
    }
    const mine = notes.filter((n) => n.c.ticketId === t.id);
    for (const n of mine) {
      if (n.c.visibility !== 'public' || n.c.createdAt >= r.end) continue;
      const at = n.c.createdAt.toISOString();
      steps.push({
        at,
        kind: 'reply',
        actor: n.name,
        from: null,
        to: null,
        text: clip(n.c.body.trim(), TEXT_MAX),
      });
    }
    steps.sort((a, b) => a.at.localeCompare(b.at));
    const until = t.resolvedAt ?? r.end;
    const upTo = mine.filter((n) => n.c.createdAt <= until);
    const internal = upTo.filter((n) => n.c.visibility === 'internal').map((n) => n.c.body.trim());
    const resolving = t.resolvedAt
      ? upTo.filter((n) => n.c.visibility === 'public' && n.role !== 'customer' && n.role !== null).at(-1)
      : undefined;
    return {
      ...ticketRef(t, names),
      system: t.systemId ? { id: t.systemId, sid: sids.get(t.systemId) ?? '' } : null,
      module: t.module,
      assignee: t.assigneeId ? { id: t.assigneeId, name: people.get(t.assigneeId) ?? '' } : null,
      createdAt: t.createdAt.toISOString(),
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
      steps,
      cause: internal.length ? clip(internal.join('\n\n'), CAUSE_MAX) : null,
      action: resolving ? clip(resolving.c.body.trim(), CAUSE_MAX) : null,
    };
  });
}
