import type { TCreateHandoverItem, THandoverItem, THandoverItemQuery } from '@hamkke/core';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx, TTx } from '../db/database.js';
import { deployments, handoverItems, inspectionSchedules, tickets, users } from '../db/schema.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../http/errors.js';
import { notify } from '../notifications/notify.js';
import { appendEvent } from '../tickets/append-event.js';
import { lockTicket } from '../tickets/get-ticket.js';
import { checkWorkers } from './check-team-references.js';

const HANDOVER_ITEM = { en: 'handover item', ko: '인수인계 항목' };
const OPEN = ['new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor'];
type TRow = typeof handoverItems.$inferSelect;

async function present(tx: TDbOrTx, rows: TRow[]): Promise<THandoverItem[]> {
  if (rows.length === 0) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.fromUserId, r.toUserId]))];
  const ticketIds = [...new Set(rows.map((r) => r.ticketId).filter((id): id is string => id !== null))];
  const scheduleIds = [...new Set(rows.map((r) => r.scheduleId).filter((id): id is string => id !== null))];
  const people = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, userIds));
  const ticketRows = ticketIds.length
    ? await tx
        .select({ id: tickets.id, number: tickets.number, title: tickets.title })
        .from(tickets)
        .where(inArray(tickets.id, ticketIds))
    : [];
  const scheduleRows = scheduleIds.length
    ? await tx
        .select({ id: inspectionSchedules.id, name: inspectionSchedules.name })
        .from(inspectionSchedules)
        .where(inArray(inspectionSchedules.id, scheduleIds))
    : [];
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byId = new Map(ticketRows.map((t) => [t.id, t]));
  const schedulesById = new Map(scheduleRows.map((t) => [t.id, t]));
  return rows.map((r) => ({
    id: r.id,
    deploymentId: r.deploymentId,
    ticket: r.ticketId ? byId.get(r.ticketId)! : null,
    schedule: r.scheduleId ? schedulesById.get(r.scheduleId)! : null,
    from: { id: r.fromUserId, name: names.get(r.fromUserId) ?? '' },
    to: { id: r.toUserId, name: names.get(r.toUserId) ?? '' },
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  }));
}

export async function listHandoverItems(actor: TActor, query: THandoverItemQuery): Promise<THandoverItem[]> {
  assert(isStaff(actor));
  const rows = await db
    .select()
    .from(handoverItems)
    .where(
      and(
        query.deploymentId ? eq(handoverItems.deploymentId, query.deploymentId) : undefined,
        query.toUserId ? eq(handoverItems.toUserId, query.toUserId) : undefined,
        query.isPending === true ? isNull(handoverItems.acknowledgedAt) : undefined,
        query.isPending === false ? sql`${handoverItems.acknowledgedAt} IS NOT NULL` : undefined,
      ),
    )
    .orderBy(asc(handoverItems.createdAt))
    .limit(1000);
  return present(db, rows);
}

/**
 * Hands one open ticket of the deployed person to a colleague, in one transaction: the ticket's
 * assignee changes (an internal `changed` event carrying the note), the item is recorded, the
 * colleague is notified. The deployed person or a manager hands over.
 */
export async function handOver(
  actor: TActor,
  deploymentId: string,
  input: TCreateHandoverItem,
): Promise<THandoverItem> {
  assert(canWork(actor));
  return db.transaction(async (tx) => {
    const [deployment] = await tx.select().from(deployments).where(eq(deployments.id, deploymentId));
    if (!deployment) throw new NotFound({ en: 'deployment', ko: '프로젝트 투입' });
    assert(canManage(actor) || actor.userId === deployment.userId);
    const names = await checkWorkers(tx, 'toUserId', [input.toUserId]);
    if (input.toUserId === deployment.userId)
      throw new Invalid('toUserId', { en: 'Hand over to someone else', ko: '다른 사람에게 인계해야 합니다' });
    if (input.scheduleId) return handOverSchedule(tx, actor, deployment, input.scheduleId, input);
    const ticket = await lockTicket(actor, input.ticketId!, tx);
    if (ticket.assigneeId !== deployment.userId || !OPEN.includes(ticket.status)) {
      const message = {
        en: 'ticketId must be an open ticket of the deployed person',
        ko: 'ticketId는 투입되는 사람이 담당한 진행 중 티켓이어야 합니다',
      };
      throw new Conflict(message, [{ path: 'ticketId', message: message.en, in: 'body' }]);
    }
    const [fromUser] = await tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, deployment.userId));
    const now = new Date();
    const [after] = await tx
      .update(tickets)
      .set({ assigneeId: input.toUserId, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.id, ticket.id))
      .returning();
    const [item] = await tx
      .insert(handoverItems)
      .values({
        deploymentId,
        ticketId: ticket.id,
        fromUserId: deployment.userId,
        toUserId: input.toUserId,
        note: input.note,
        createdById: actor.userId,
      })
      .returning();
    const to = { id: input.toUserId, name: names.get(input.toUserId) ?? '' };
    await appendEvent(tx, actor, ticket.id, {
      kind: 'changed',
      visibility: 'internal',
      data: {
        changes: [
          { field: 'assignee', from: { id: deployment.userId, name: fromUser?.name ?? '' }, to },
          {
            field: 'handover',
            from: null,
            to: { deploymentId, project: deployment.project, note: input.note },
          },
        ],
      },
    });
    await notify(tx, [input.toUserId], {
      kind: 'handover',
      ticketId: ticket.id,
      data: { number: ticket.number, title: ticket.title, note: input.note, from: fromUser?.name ?? '' },
      actorId: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'ticket',
      entityId: ticket.id,
      before: ticket,
      after,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'handover_item',
      entityId: item!.id,
      after: item,
    });
    return (await present(tx, [item!]))[0]!;
  });
}

/**
 * Hands over an active inspection schedule of the deployed person: its assignee becomes the
 * colleague (the inspections it creates from now on are theirs), recorded as a handover item.
 */
async function handOverSchedule(
  tx: TTx,
  actor: TActor,
  deployment: typeof deployments.$inferSelect,
  scheduleId: string,
  input: TCreateHandoverItem,
): Promise<THandoverItem> {
  const [before] = await tx
    .select()
    .from(inspectionSchedules)
    .where(eq(inspectionSchedules.id, scheduleId))
    .for('update');
  if (!before) throw new NotFound({ en: 'inspection schedule', ko: '점검 일정' });
  if (before.assigneeId !== deployment.userId || before.status !== 'active') {
    const message = {
      en: 'scheduleId must be an active inspection schedule of the deployed person',
      ko: 'scheduleId는 투입되는 사람이 담당한 활성 점검 일정이어야 합니다',
    };
    throw new Conflict(message, [{ path: 'scheduleId', message: message.en, in: 'body' }]);
  }
  const [after] = await tx
    .update(inspectionSchedules)
    .set({ assigneeId: input.toUserId, updatedAt: new Date() })
    .where(eq(inspectionSchedules.id, scheduleId))
    .returning();
  const [item] = await tx
    .insert(handoverItems)
    .values({
      deploymentId: deployment.id,
      scheduleId,
      fromUserId: deployment.userId,
      toUserId: input.toUserId,
      note: input.note,
      createdById: actor.userId,
    })
    .returning();
  const [fromUser] = await tx.select({ name: users.name }).from(users).where(eq(users.id, deployment.userId));
  await notify(tx, [input.toUserId], {
    kind: 'handover',
    data: { number: '', title: before.name, scheduleId, note: input.note, from: fromUser?.name ?? '' },
    actorId: actor.userId,
  });
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'inspection_schedule',
    entityId: scheduleId,
    before,
    after,
  });
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'handover_item',
    entityId: item!.id,
    after: item,
  });
  return (await present(tx, [item!]))[0]!;
}

/** The receiving person acknowledges a handed-over ticket or schedule (once). */
export async function acknowledgeHandover(actor: TActor, id: string): Promise<THandoverItem> {
  assert(isStaff(actor));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(handoverItems).where(eq(handoverItems.id, id)).for('update');
    if (!before) throw new NotFound(HANDOVER_ITEM);
    if (before.toUserId !== actor.userId)
      throw new Forbidden({
        en: 'Only the receiving person acknowledges',
        ko: '인수자 본인만 확인할 수 있습니다',
      });
    if (before.acknowledgedAt) return (await present(tx, [before]))[0]!;
    const [row] = await tx
      .update(handoverItems)
      .set({ acknowledgedAt: new Date() })
      .where(eq(handoverItems.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'acknowledge',
      entityType: 'handover_item',
      entityId: id,
      before,
      after: row,
    });
    return (await present(tx, [row!]))[0]!;
  });
}
