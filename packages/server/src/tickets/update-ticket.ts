import {
  canTransition,
  INTERNAL_TICKET_FIELDS,
  priorityOf,
  type TLevel,
  type TTicketStatus,
  type TUpdateTicket,
} from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canWork, isStaff } from '../auth/policy.js';
import { onTicketResolved } from '../csat/on-ticket-resolved.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { tickets, users } from '../db/schema.js';
import { Conflict, Forbidden } from '../http/errors.js';
import { isSearchedField, refreshTicketSearch } from '../search/refresh-ticket-search.js';
import { slaAfterChange } from '../sla/ticket-sla.js';
import { appendEvent } from './append-event.js';
import { checkReferences, type TUserNames } from './check-references.js';
import { getTicketView, lockTicket } from './get-ticket.js';
import type { TTicketRow, TTicketView } from './ticket-view.js';

export type TFieldChange = { field: string; from: unknown; to: unknown };
type TTicketPatch = Partial<typeof tickets.$inferInsert>;

const DATE_FIELDS = new Set(['plannedStart', 'plannedEnd']);
const USER_FIELDS: Record<string, 'requester' | 'assignee'> = {
  requesterId: 'requester',
  assigneeId: 'assignee',
};

function illegalTransition(from: TTicketStatus, to: TTicketStatus): Conflict {
  const message = {
    en: `The status cannot change from ${from} to ${to}`,
    ko: `상태를 ${from}에서 ${to}(으)로 바꿀 수 없습니다`,
  };
  return new Conflict(message, [{ path: 'status', message: message.en, in: 'body' }]);
}

/** What the status change sets besides the status: when the ticket was resolved and closed. */
function statusSideEffects(from: TTicketStatus, to: TTicketStatus): TTicketPatch {
  if (to === 'resolved') return { resolvedAt: new Date() };
  if (to === 'closed') return { closedAt: new Date() };
  if (from === 'resolved') return { resolvedAt: null };
  return {};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Compares the patch against the row and lists each field that really changes, with user names resolved. */
async function diff(
  tx: TDbOrTx,
  before: TTicketRow,
  patch: TTicketPatch,
  names: TUserNames,
): Promise<TFieldChange[]> {
  const changes: TFieldChange[] = [];
  for (const [key, to] of Object.entries(patch)) {
    if (key === 'resolvedAt' || key === 'closedAt') continue;
    const from = before[key as keyof TTicketRow];
    if (same(from instanceof Date ? from.toISOString() : from, to instanceof Date ? to.toISOString() : to))
      continue;
    const userField = USER_FIELDS[key];
    if (userField) {
      const fromName = from
        ? (
            await tx
              .select({ name: users.name })
              .from(users)
              .where(eq(users.id, from as string))
          )[0]?.name
        : null;
      changes.push({
        field: userField,
        from: from ? { id: from, name: fromName ?? '' } : null,
        to: to ? { id: to, name: names.get(to as string) ?? '' } : null,
      });
    } else {
      const asJson = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
      changes.push({ field: key, from: asJson(from), to: asJson(to) });
    }
  }
  return changes;
}

/**
 * Changes a ticket's fields and status. Status moves only along the flow; a stale `version` is a
 * conflict, never a silent overwrite. A customer user may only withdraw, accept or reopen their ticket.
 */
export async function updateTicket(
  actor: TActor,
  idOrNumber: string,
  input: TUpdateTicket,
): Promise<TTicketView> {
  const id = await db.transaction(async (tx) => {
    const before = await lockTicket(actor, idOrNumber, tx);
    const { version, status, priority, ...fields } = input;
    if (isStaff(actor)) {
      assert(canWork(actor));
    } else {
      const other = Object.keys(fields).concat(priority !== undefined ? ['priority'] : []);
      if (other.length > 0) {
        throw new Forbidden({
          en: `Customers may change only the status, not ${other.join(', ')}`,
          ko: `고객은 상태만 변경할 수 있습니다 (${other.join(', ')} 불가)`,
        });
      }
    }
    if (version !== undefined && version !== before.version) {
      const message = {
        en: `Someone else changed this ticket (now version ${before.version}, you had ${version}); reload and try again`,
        ko: `다른 사람이 이 티켓을 먼저 변경했습니다 (현재 버전 ${before.version}, 요청 버전 ${version}). 새로 고친 뒤 다시 시도하세요`,
      };
      throw new Conflict(message, [{ path: 'version', message: message.en, in: 'body' }]);
    }

    const patch: TTicketPatch = {};
    for (const [key, value] of Object.entries(fields)) {
      (patch as Record<string, unknown>)[key] =
        DATE_FIELDS.has(key) && value ? new Date(value as string) : value;
    }
    const impact = (fields.impact ?? before.impact) as TLevel;
    const urgency = (fields.urgency ?? before.urgency) as TLevel;
    if (priority === null || (priority === undefined && !before.isPriorityManual)) {
      patch.priority = priorityOf(impact, urgency);
      patch.isPriorityManual = false;
    } else if (priority !== undefined) {
      patch.priority = priority;
      patch.isPriorityManual = true;
    }
    if (status !== undefined && status !== before.status) {
      const from = before.status as TTicketStatus;
      if (!canTransition(from, status, !isStaff(actor))) throw illegalTransition(from, status);
      Object.assign(patch, { status }, statusSideEffects(from, status));
    }
    const plannedStart = patch.plannedStart !== undefined ? patch.plannedStart : before.plannedStart;
    const plannedEnd = patch.plannedEnd !== undefined ? patch.plannedEnd : before.plannedEnd;
    if (plannedStart && plannedEnd && plannedStart > plannedEnd) {
      throw new Conflict(
        {
          en: 'plannedEnd must not be before plannedStart',
          ko: 'plannedEnd는 plannedStart보다 앞설 수 없습니다',
        },
        [{ path: 'plannedEnd', message: 'plannedEnd must not be before plannedStart', in: 'body' }],
      );
    }

    const names = await checkReferences(tx, { ...fields, organizationId: before.organizationId });
    const changes = await diff(tx, before, patch, names);
    if (changes.length === 0) return before.id;
    const now = new Date();
    const sla = await slaAfterChange(tx, before, { ...before, ...patch } as TTicketRow, now);
    const [after] = await tx
      .update(tickets)
      .set({ ...patch, ...sla.patch, version: sql`${tickets.version} + 1`, updatedAt: now })
      .where(eq(tickets.id, before.id))
      .returning();
    if (changes.some((c) => isSearchedField(c.field))) await refreshTicketSearch(tx, before.id);
    const isInternalOnly = changes.every((c) =>
      (INTERNAL_TICKET_FIELDS as readonly string[]).includes(c.field),
    );
    await appendEvent(tx, actor, before.id, {
      kind: 'changed',
      visibility: isInternalOnly ? 'internal' : 'public',
      data: { changes },
    });
    if (patch.status === 'resolved') await onTicketResolved(tx, after!, actor);
    if (sla.recompute) {
      const data = { reason: 'recomputed', ...sla.recompute };
      await appendEvent(tx, actor, before.id, { kind: 'sla', visibility: 'internal', data });
    }
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'ticket',
      entityId: before.id,
      before,
      after,
    });
    return before.id;
  });
  return getTicketView(actor, id);
}
