import type { TListInspectionsQuery, ZInspectionList } from '@hamkke/core';
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { inspectionAnswers, inspectionRuns, inspectionTemplateVersions, tickets } from '../db/schema.js';
import { ticketScope } from '../tickets/get-ticket.js';
import { localInstant } from './occurrences.js';

type TAnswerRow = typeof inspectionAnswers.$inferSelect;
type TFinding = z.infer<typeof ZInspectionList>['items'][number]['findings'][number];

const LIMIT = 500;

/**
 * Inspections with their result counts and findings (warning and failed items with follow-ups), by
 * organization, system, period (planned start, else opened, in Seoul days) and state: the history
 * page and the figures a monthly report needs. A customer sees their organization's only.
 */
export async function listInspections(
  actor: TActor,
  q: TListInspectionsQuery,
): Promise<z.infer<typeof ZInspectionList>> {
  // The schedule of a ticket is internal: a customer's period is the day it was opened.
  const when = isStaff(actor)
    ? sql`coalesce(${tickets.plannedStart}, ${tickets.createdAt})`
    : sql`${tickets.createdAt}`;
  const where: (SQL | undefined)[] = [
    ticketScope(actor),
    q.organizationId ? eq(tickets.organizationId, q.organizationId) : undefined,
    q.systemId ? eq(tickets.systemId, q.systemId) : undefined,
    q.from ? gte(when, localInstant('Asia/Seoul', q.from)) : undefined,
    q.to ? lt(when, new Date(localInstant('Asia/Seoul', q.to).getTime() + 86_400_000)) : undefined,
    q.state === 'completed' ? isNotNull(inspectionRuns.completedAt) : undefined,
    q.state === 'open' ? isNull(inspectionRuns.completedAt) : undefined,
  ];
  const rows = await db
    .select({ run: inspectionRuns, t: tickets, v: inspectionTemplateVersions })
    .from(inspectionRuns)
    .innerJoin(tickets, eq(tickets.id, inspectionRuns.ticketId))
    .innerJoin(
      inspectionTemplateVersions,
      eq(inspectionTemplateVersions.id, inspectionRuns.templateVersionId),
    )
    .where(and(...where))
    .orderBy(desc(when), desc(tickets.id))
    .limit(LIMIT);
  const ids = rows.map((r) => r.t.id);
  const answers = ids.length
    ? await db.select().from(inspectionAnswers).where(inArray(inspectionAnswers.ticketId, ids))
    : [];
  const followUpIds = answers.map((a) => a.followUpTicketId).filter((id): id is string => id !== null);
  const followUps = new Map(
    (followUpIds.length
      ? await db
          .select({ id: tickets.id, number: tickets.number, status: tickets.status })
          .from(tickets)
          .where(inArray(tickets.id, followUpIds))
      : []
    ).map((f) => [f.id, f]),
  );
  const byTicket = new Map<string, TAnswerRow[]>();
  for (const a of answers) byTicket.set(a.ticketId, [...(byTicket.get(a.ticketId) ?? []), a]);
  return {
    items: rows.map(({ run, t, v }) => {
      const mine = new Map((byTicket.get(t.id) ?? []).map((a) => [a.itemId, a]));
      const summary = { total: v.items.length, ok: 0, warning: 0, failed: 0, unanswered: 0 };
      const findings: TFinding[] = [];
      for (const item of v.items) {
        const a = mine.get(item.id);
        if (!a) {
          summary.unanswered++;
          continue;
        }
        summary[a.result]++;
        if (a.result !== 'ok') {
          findings.push({
            itemId: item.id,
            area: item.area,
            title: item.title,
            result: a.result,
            note: a.note,
            followUp: a.followUpTicketId ? (followUps.get(a.followUpTicketId) ?? null) : null,
          });
        }
      }
      return {
        ticketId: t.id,
        ticketNumber: t.number,
        title: t.title,
        status: t.status,
        organizationId: t.organizationId,
        systemId: t.systemId,
        scheduleId: run.scheduleId,
        plannedStart: isStaff(actor) ? (t.plannedStart?.toISOString() ?? null) : null,
        completedAt: run.completedAt?.toISOString() ?? null,
        template: { id: v.templateId, name: v.name, version: v.version },
        summary,
        findings,
      };
    }),
  };
}
