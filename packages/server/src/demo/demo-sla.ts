import type { TPriority } from '@hamkke/core';
import { loadCalendar } from '../calendars/load-calendars.js';
import type { TDbOrTx } from '../db/database.js';
import type { comments, tickets } from '../db/schema.js';
import { deriveSla } from '../sla/derive-sla.js';
import { policyOf } from '../sla/resolve-sla.js';

type TTicketInsert = typeof tickets.$inferInsert;
type TCommentInsert = typeof comments.$inferInsert;

/**
 * Gives the demo's tickets the SLA clocks they would have had, on the default policy and the
 * kr-standard calendar: first response at the first public reply by someone other than the
 * requester, pauses left out (the demo's history does not time them).
 */
export async function withDemoSla(
  tx: TDbOrTx,
  rows: TTicketInsert[],
  commentRows: TCommentInsert[],
  now: Date,
): Promise<TTicketInsert[]> {
  const policy = await policyOf(tx, null);
  const calendar = await loadCalendar('kr-standard', tx);
  if (!policy || !calendar) return rows;
  const firstReply = new Map<string, Date>();
  const requesterOf = new Map(rows.map((r) => [r.id, r.requesterId]));
  for (const c of commentRows) {
    if (c.visibility !== 'public' || !c.createdAt || c.authorId === requesterOf.get(c.ticketId)) continue;
    const seen = firstReply.get(c.ticketId);
    if (!seen || c.createdAt < seen) firstReply.set(c.ticketId, c.createdAt);
  }
  return rows.map((row): TTicketInsert => {
    const target = policy.targets[row.priority as TPriority];
    if (!row.contractId || !target || !row.createdAt) return row;
    const resolvedAt = row.resolvedAt ?? null;
    const sla = {
      slaPolicyId: policy.id,
      slaCalendarKey: 'kr-standard',
      slaCalendarRevision: calendar.revision,
      responseTargetMin: target.firstResponse,
      resolutionTargetMin: target.resolution,
      firstResponseAt: row.id ? (firstReply.get(row.id) ?? null) : null,
      slaPausedSince: resolvedAt ?? (row.status === 'waiting_customer' ? (row.updatedAt ?? null) : null),
    };
    const derived = deriveSla(
      {
        ...sla,
        createdAt: row.createdAt,
        status: row.status ?? 'new',
        resolvedAt,
        responsePausedMin: 0,
        resolutionPausedMin: 0,
      },
      policy.atRiskRatio,
      calendar.calendar,
      now,
    );
    return { ...row, ...sla, ...derived };
  });
}
