import type { TWeeklyFinding, TWeeklyInspection } from '@hamkke/core';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { db } from '../db/current.js';
import {
  inspectionAnswers,
  inspectionRuns,
  inspectionTemplateVersions,
  systems,
  tickets,
  users,
} from '../db/schema.js';
import { organizationNames } from './pack-tickets.js';
import type { TWeekRange } from './week-range.js';

/** The inspections completed in the week, with their counts and findings (warning/failed items and follow-ups). */
export async function weekInspections(r: TWeekRange): Promise<TWeeklyInspection[]> {
  const rows = await db
    .select({
      run: inspectionRuns,
      t: tickets,
      v: inspectionTemplateVersions,
      by: users.name,
      sid: systems.sid,
    })
    .from(inspectionRuns)
    .innerJoin(tickets, eq(tickets.id, inspectionRuns.ticketId))
    .innerJoin(
      inspectionTemplateVersions,
      eq(inspectionTemplateVersions.id, inspectionRuns.templateVersionId),
    )
    .leftJoin(users, eq(users.id, inspectionRuns.completedById))
    .leftJoin(systems, eq(systems.id, tickets.systemId))
    .where(and(gte(inspectionRuns.completedAt, r.start), lt(inspectionRuns.completedAt, r.end)))
    .orderBy(asc(inspectionRuns.completedAt), asc(tickets.number))
    .limit(1_000);
  if (rows.length === 0) return [];
  const answers = await db
    .select()
    .from(inspectionAnswers)
    .where(
      inArray(
        inspectionAnswers.ticketId,
        rows.map((row) => row.t.id),
      ),
    );
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
  const names = await organizationNames(rows.map((row) => row.t.organizationId));
  return rows.map(({ run, t, v, by, sid }) => {
    const mine = new Map(answers.filter((a) => a.ticketId === t.id).map((a) => [a.itemId, a]));
    const counts = { ok: 0, warning: 0, failed: 0 };
    const findings: TWeeklyFinding[] = [];
    for (const item of v.items) {
      const a = mine.get(item.id);
      if (!a) continue;
      counts[a.result]++;
      if (a.result !== 'ok')
        findings.push({
          itemId: item.id,
          area: item.area,
          title: item.title,
          result: a.result,
          note: a.note,
          followUp: a.followUpTicketId ? (followUps.get(a.followUpTicketId) ?? null) : null,
        });
    }
    return {
      ticket: { id: t.id, number: t.number, title: t.title },
      organization: { id: t.organizationId, name: names.get(t.organizationId) ?? '' },
      system: t.systemId ? { id: t.systemId, sid: sid ?? '' } : null,
      templateName: v.name,
      completedAt: run.completedAt!.toISOString(),
      completedBy: run.completedById ? { id: run.completedById, name: by ?? '' } : null,
      counts,
      findings,
    };
  });
}
