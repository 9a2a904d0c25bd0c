import { INTERNAL_TICKET_FIELDS, type TTimelineItem } from '@hamkke/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { attachments, comments, ticketEvents, timeEntries, users } from '../db/schema.js';
import { getTicketView } from './get-ticket.js';
import { presentAttachment, presentComment, presentTimeEntry, type TNames } from './present-timeline.js';
import type { TFieldChange } from './update-ticket.js';

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/**
 * Everything that happened to a ticket, in order, each with actor and time. A customer user sees
 * only public events, and of field changes only the fields they may see.
 */
export async function getTimeline(actor: TActor, ticketRef: string): Promise<TTimelineItem[]> {
  const { ticket } = await getTicketView(actor, ticketRef);
  const isCustomer = !isStaff(actor);
  const events = await db
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.ticketId, ticket.id),
        isCustomer ? eq(ticketEvents.visibility, 'public') : undefined,
      ),
    )
    .orderBy(asc(ticketEvents.id));
  const subjectIds = (kind: string) =>
    events.filter((e) => e.kind === kind && e.subjectId).map((e) => e.subjectId!);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const [commentRows, attachmentRows, timeRows] = await Promise.all([
    db
      .select()
      .from(comments)
      .where(inArray(comments.id, subjectIds('comment').concat(none))),
    db
      .select()
      .from(attachments)
      .where(inArray(attachments.id, subjectIds('attachment').concat(none))),
    isCustomer
      ? []
      : db
          .select()
          .from(timeEntries)
          .where(inArray(timeEntries.id, subjectIds('time_entry').concat(none))),
  ]);
  const userIds = new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id)));
  for (const t of timeRows) userIds.add(t.userId);
  const names: TNames = new Map(
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [...userIds, ...none]))
    ).map((u) => [u.id, u.name]),
  );
  const commentsById = byId(commentRows);
  const attachmentsById = byId(attachmentRows);
  const timeById = byId(timeRows);

  const items: TTimelineItem[] = [];
  for (const e of events) {
    const base = {
      id: String(e.id),
      at: e.createdAt.toISOString(),
      actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? '' } : null,
      visibility: e.visibility,
    };
    if (e.kind === 'created') items.push({ ...base, kind: 'created' });
    else if (e.kind === 'changed') {
      const all = (e.data.changes ?? []) as TFieldChange[];
      const changes = isCustomer
        ? all.filter((c) => !(INTERNAL_TICKET_FIELDS as readonly string[]).includes(c.field))
        : all;
      if (changes.length > 0) items.push({ ...base, kind: 'changed', changes });
    } else if (e.kind === 'comment') {
      const c = commentsById.get(e.subjectId!);
      if (c) items.push({ ...base, kind: 'comment', comment: presentComment(c, names) });
    } else if (e.kind === 'attachment') {
      const a = attachmentsById.get(e.subjectId!);
      if (a) items.push({ ...base, kind: 'attachment', attachment: presentAttachment(a, names) });
    } else if (e.kind === 'sla') {
      items.push({ ...base, kind: 'sla', sla: e.data });
    } else if (e.kind === 'time_entry') {
      const t = timeById.get(e.subjectId!);
      if (t) items.push({ ...base, kind: 'time_entry', timeEntry: presentTimeEntry(t, names) });
    }
  }
  return items;
}
