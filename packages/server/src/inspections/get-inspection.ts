import type { TInspection } from '@hamkke/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import {
  attachments,
  inspectionAnswers,
  inspectionRuns,
  inspectionTemplateVersions,
  tickets,
  users,
} from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { getTicketView } from '../tickets/get-ticket.js';
import { presentAttachment } from '../tickets/present-timeline.js';

export const INSPECTION = { en: 'inspection checklist', ko: '점검 체크리스트' };

type TRunRow = typeof inspectionRuns.$inferSelect;
type TVersionRow = typeof inspectionTemplateVersions.$inferSelect;

/** The run and the template version of an inspection ticket, or 404 when it has no checklist. */
export async function runOf(tx: TDbOrTx, ticketId: string): Promise<{ run: TRunRow; version: TVersionRow }> {
  const [row] = await tx
    .select({ run: inspectionRuns, version: inspectionTemplateVersions })
    .from(inspectionRuns)
    .innerJoin(
      inspectionTemplateVersions,
      eq(inspectionTemplateVersions.id, inspectionRuns.templateVersionId),
    )
    .where(eq(inspectionRuns.ticketId, ticketId));
  if (!row) throw new NotFound(INSPECTION);
  return row;
}

/** The checklist of a ticket as its template version has it, with each item's answer (customers see public evidence only). */
export async function loadInspection(tx: TDbOrTx, actor: TActor, ticketId: string): Promise<TInspection> {
  const { run, version } = await runOf(tx, ticketId);
  const answers = await tx.select().from(inspectionAnswers).where(eq(inspectionAnswers.ticketId, ticketId));
  const attachmentIds = answers.flatMap((a) => a.attachmentIds);
  const files = attachmentIds.length
    ? await tx
        .select()
        .from(attachments)
        .where(and(eq(attachments.ticketId, ticketId), inArray(attachments.id, attachmentIds)))
    : [];
  const followUpIds = answers.map((a) => a.followUpTicketId).filter((id): id is string => id !== null);
  const followUps = followUpIds.length
    ? await tx
        .select({ id: tickets.id, number: tickets.number, status: tickets.status })
        .from(tickets)
        .where(inArray(tickets.id, followUpIds))
    : [];
  const [number] = await tx.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, ticketId));
  const people = [
    ...answers.map((a) => a.answeredById),
    ...files.map((f) => f.uploaderId),
    run.completedById,
  ].filter((id): id is string => id !== null);
  const names = new Map(
    people.length
      ? (
          await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))
        ).map((u) => [u.id, u.name] as const)
      : [],
  );
  const fileById = new Map(
    files
      .filter((f) => isStaff(actor) || f.visibility === 'public')
      .map((f) => [f.id, presentAttachment(f, names)]),
  );
  const followUpById = new Map(followUps.map((f) => [f.id, f]));
  const answerById = new Map(answers.map((a) => [a.itemId, a]));
  const summary = { total: version.items.length, ok: 0, warning: 0, failed: 0, unanswered: 0 };
  const items = version.items.map((item) => {
    const a = answerById.get(item.id);
    if (a) summary[a.result]++;
    else summary.unanswered++;
    return {
      ...item,
      answer: a
        ? {
            result: a.result,
            note: a.note,
            attachments: a.attachmentIds.flatMap((id) => fileById.get(id) ?? []),
            answeredBy: a.answeredById ? { id: a.answeredById, name: names.get(a.answeredById) ?? '' } : null,
            answeredAt: a.answeredAt.toISOString(),
            followUp: a.followUpTicketId ? (followUpById.get(a.followUpTicketId) ?? null) : null,
          }
        : null,
    };
  });
  return {
    ticketId,
    ticketNumber: number!.number,
    template: {
      id: version.templateId,
      name: version.name,
      version: version.version,
      module: version.module,
    },
    scheduleId: run.scheduleId,
    occurrenceOn: run.occurrenceOn,
    items,
    summary,
    completedAt: run.completedAt?.toISOString() ?? null,
    completedBy: run.completedById
      ? { id: run.completedById, name: names.get(run.completedById) ?? '' }
      : null,
  };
}

/** The checklist of an inspection ticket the actor may see (a customer: their organization's). */
export async function getInspection(actor: TActor, idOrNumber: string): Promise<TInspection> {
  const view = await getTicketView(actor, idOrNumber);
  return loadInspection(db, actor, view.ticket.id);
}
