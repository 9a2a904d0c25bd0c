import {
  isOpenStatus,
  type TAnswerInspectionItem,
  type TCreateFollowUp,
  type TInspection,
  type TTicketStatus,
} from '@hamkke/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork } from '../auth/policy.js';
import { onTicketResolved } from '../csat/on-ticket-resolved.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { attachments, inspectionAnswers, inspectionRuns, tickets } from '../db/schema.js';
import { AppError, Conflict, Invalid, NotFound } from '../http/errors.js';
import { slaAfterChange } from '../sla/ticket-sla.js';
import { appendEvent } from '../tickets/append-event.js';
import { lockTicket } from '../tickets/get-ticket.js';
import type { TTicketRow } from '../tickets/ticket-view.js';
import { loadInspection, runOf } from './get-inspection.js';
import { insertStaffTicket } from './insert-ticket.js';
import { currentTemplateVersion, TEMPLATE } from './templates.js';

const ITEM = { en: 'checklist item', ko: '점검 항목' };

/** Only open work is worked on: a completed or closed inspection is a record. */
function assertOpen(ticket: TTicketRow, completedAt: Date | null) {
  if (completedAt || !isOpenStatus(ticket.status as TTicketStatus)) {
    throw new Conflict({
      en: `This inspection is finished (${ticket.status}); reopen the ticket to change it`,
      ko: `완료된 점검입니다 (${ticket.status}). 변경하려면 티켓을 다시 여세요`,
    });
  }
}

async function lockWorkable(actor: TActor, idOrNumber: string, tx: TTx) {
  // The ticket first: one of another organization is not found (404) rather than forbidden.
  const ticket = await lockTicket(actor, idOrNumber, tx);
  assert(canWork(actor));
  const { run, version } = await runOf(tx, ticket.id);
  assertOpen(ticket, run.completedAt);
  return { ticket, run, version };
}

/** Attaches a checklist (the template's current version) to an inspection ticket that has none. */
export async function startInspection(
  actor: TActor,
  idOrNumber: string,
  templateId: string,
): Promise<TInspection> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(actor, idOrNumber, tx);
    assert(canWork(actor));
    if (ticket.type !== 'inspection')
      throw new Invalid(
        'type',
        {
          en: 'Only an inspection ticket has a checklist',
          ko: '점검(inspection) 티켓만 체크리스트를 가집니다',
        },
        'path',
      );
    const version = await currentTemplateVersion(tx, templateId);
    if (!version)
      throw new Invalid('templateId', { en: `No such ${TEMPLATE.en}`, ko: `${TEMPLATE.ko}이 없습니다` });
    const [run] = await tx
      .insert(inspectionRuns)
      .values({ ticketId: ticket.id, templateVersionId: version.id })
      .onConflictDoNothing()
      .returning();
    if (!run)
      throw new Conflict({
        en: 'This ticket already has a checklist',
        ko: '이 티켓에는 이미 체크리스트가 있습니다',
      });
    await appendEvent(tx, actor, ticket.id, {
      kind: 'changed',
      visibility: 'public',
      data: {
        changes: [
          { field: 'inspection', from: null, to: { template: version.name, version: version.version } },
        ],
      },
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'inspection_run',
      entityId: ticket.id,
      after: run,
    });
    return loadInspection(tx, actor, ticket.id);
  });
}

/** Records an item's result (ok / warning / failed) with a note and evidence from the ticket's attachments. */
export async function answerItem(
  actor: TActor,
  idOrNumber: string,
  itemId: string,
  input: TAnswerInspectionItem,
): Promise<TInspection> {
  return db.transaction(async (tx) => {
    const { ticket, version } = await lockWorkable(actor, idOrNumber, tx);
    const item = version.items.find((i) => i.id === itemId);
    if (!item) throw new NotFound(ITEM);
    const ids = [...new Set(input.attachmentIds)];
    if (ids.length) {
      const found = await tx
        .select({ id: attachments.id })
        .from(attachments)
        .where(and(eq(attachments.ticketId, ticket.id), inArray(attachments.id, ids)));
      const missing = ids.filter((id) => !found.some((f) => f.id === id));
      if (missing.length)
        throw new Invalid('attachmentIds', {
          en: `Not attachments of this ticket: ${missing.join(', ')}`,
          ko: `이 티켓의 첨부 파일이 아닙니다: ${missing.join(', ')}`,
        });
    }
    const [before] = await tx
      .select()
      .from(inspectionAnswers)
      .where(and(eq(inspectionAnswers.ticketId, ticket.id), eq(inspectionAnswers.itemId, itemId)));
    const values = {
      result: input.result,
      note: input.note,
      attachmentIds: ids,
      answeredById: actor.userId,
      answeredAt: new Date(),
    };
    const [after] = await tx
      .insert(inspectionAnswers)
      .values({ ticketId: ticket.id, itemId, ...values })
      .onConflictDoUpdate({ target: [inspectionAnswers.ticketId, inspectionAnswers.itemId], set: values })
      .returning();
    if (before?.result !== input.result || before.note !== input.note) {
      await appendEvent(tx, actor, ticket.id, {
        kind: 'changed',
        visibility: 'public',
        data: {
          changes: [
            {
              field: 'inspection_item',
              from: before ? { item: item.title, result: before.result } : null,
              to: { item: item.title, area: item.area, result: input.result, note: input.note },
            },
          ],
        },
      });
    }
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'inspection_answer',
      entityId: `${ticket.id}/${itemId}`,
      before: before ?? null,
      after,
    });
    return loadInspection(tx, actor, ticket.id);
  });
}

/**
 * Opens the follow-up of a failed item: an incident (or request) for the same organization, contract
 * and system, titled after the item, linked from the answer and named on both timelines. Once per item.
 */
export async function createFollowUp(
  actor: TActor,
  idOrNumber: string,
  itemId: string,
  input: TCreateFollowUp,
) {
  return db.transaction(async (tx) => {
    const { ticket, version } = await lockWorkable(actor, idOrNumber, tx);
    const item = version.items.find((i) => i.id === itemId);
    if (!item) throw new NotFound(ITEM);
    const [answer] = await tx
      .select()
      .from(inspectionAnswers)
      .where(and(eq(inspectionAnswers.ticketId, ticket.id), eq(inspectionAnswers.itemId, itemId)));
    if (answer?.result !== 'failed') {
      throw new Invalid('result', {
        en: `A follow-up is opened for a failed item; "${item.title}" is ${answer?.result ?? 'unanswered'}`,
        ko: `후속 티켓은 실패(failed) 항목에만 발행합니다. "${item.title}"은(는) ${answer?.result ?? '미답변'} 상태입니다`,
      });
    }
    if (answer.followUpTicketId) {
      const [existing] = await tx
        .select({ number: tickets.number })
        .from(tickets)
        .where(eq(tickets.id, answer.followUpTicketId));
      throw new Conflict({
        en: `This item already has a follow-up: ${existing?.number}`,
        ko: `이 항목에는 이미 후속 티켓이 있습니다: ${existing?.number}`,
      });
    }
    const followUp = await insertStaffTicket(tx, actor, {
      organizationId: ticket.organizationId,
      contractId: ticket.contractId,
      systemId: ticket.systemId,
      module: version.module ?? ticket.module,
      type: input.type,
      title: input.title ?? `[점검 후속] ${item.title}`,
      description: [
        `정기 점검 ${ticket.number}의 항목 "${item.area} · ${item.title}" 결과가 실패(failed)입니다.`,
        answer.note ? `\n점검 메모: ${answer.note}` : '',
        item.expected ? `\n기대 결과: ${item.expected}` : '',
        item.guide ? `\n점검 방법: ${item.guide}` : '',
      ].join(''),
      impact: input.impact ?? 'medium',
      urgency: input.urgency ?? 'medium',
      assigneeId: ticket.assigneeId,
      team: ticket.team,
      plannedStart: null,
      plannedEnd: null,
    });
    await tx
      .update(inspectionAnswers)
      .set({ followUpTicketId: followUp.id })
      .where(and(eq(inspectionAnswers.ticketId, ticket.id), eq(inspectionAnswers.itemId, itemId)));
    await appendEvent(tx, actor, ticket.id, {
      kind: 'changed',
      visibility: 'public',
      data: {
        changes: [
          {
            field: 'inspection_follow_up',
            from: null,
            to: { item: item.title, number: followUp.number, ticketId: followUp.id },
          },
        ],
      },
    });
    await appendEvent(tx, actor, followUp.id, {
      kind: 'changed',
      visibility: 'public',
      data: {
        changes: [
          {
            field: 'origin',
            from: null,
            to: { inspection: ticket.number, ticketId: ticket.id, item: item.title },
          },
        ],
      },
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'inspection_answer',
      entityId: `${ticket.id}/${itemId}`,
      before: answer,
      after: { ...answer, followUpTicketId: followUp.id },
    });
    return followUp;
  });
}

/**
 * Completes the inspection when every item is answered (else 422 naming the unanswered ones) and
 * resolves its ticket, with the result counts on the timeline.
 */
export async function completeInspection(actor: TActor, idOrNumber: string): Promise<TInspection> {
  return db.transaction(async (tx) => {
    const { ticket, run, version } = await lockWorkable(actor, idOrNumber, tx);
    const answers = await tx
      .select()
      .from(inspectionAnswers)
      .where(eq(inspectionAnswers.ticketId, ticket.id));
    const answered = new Set(answers.map((a) => a.itemId));
    const open = version.items.filter((i) => !answered.has(i.id));
    if (open.length) {
      const list = open.map((i) => `${i.area} · ${i.title}`).join(', ');
      throw new AppError(
        422,
        'invalid',
        {
          en: `Answer every item before completing: ${open.length} unanswered (${list})`,
          ko: `모든 항목에 답해야 완료할 수 있습니다. 미답변 ${open.length}건: ${list}`,
        },
        open.map((i) => ({ path: `items.${i.id}`, message: `Unanswered: ${i.title}`, in: 'body' })),
      );
    }
    const now = new Date();
    const counts = { ok: 0, warning: 0, failed: 0 };
    for (const a of answers) if (version.items.some((i) => i.id === a.itemId)) counts[a.result]++;
    await tx
      .update(inspectionRuns)
      .set({ completedAt: now, completedById: actor.userId })
      .where(eq(inspectionRuns.ticketId, ticket.id));
    // Resolved as PATCH status=resolved would: SLA clocks stop, the satisfaction survey goes out.
    const patch = { status: 'resolved', resolvedAt: now };
    const sla = await slaAfterChange(tx, ticket, { ...ticket, ...patch }, now);
    const [after] = await tx
      .update(tickets)
      .set({ ...patch, ...sla.patch, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.id, ticket.id))
      .returning();
    await appendEvent(tx, actor, ticket.id, {
      kind: 'changed',
      visibility: 'public',
      data: {
        changes: [
          {
            field: 'inspection',
            from: null,
            to: { completed: true, ...counts, total: version.items.length },
          },
          { field: 'status', from: ticket.status, to: 'resolved' },
        ],
      },
    });
    await onTicketResolved(tx, after!, actor);
    await recordAudit(tx, actor, {
      action: 'complete',
      entityType: 'inspection_run',
      entityId: ticket.id,
      before: run,
      after: { ...run, completedAt: now, completedById: actor.userId, ...counts },
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'ticket',
      entityId: ticket.id,
      before: ticket,
      after,
    });
    return loadInspection(tx, actor, ticket.id);
  });
}
