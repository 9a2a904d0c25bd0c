import { sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';

// The aggregate queries behind one monthly report: each is one round trip over the organization's
// rows of the month, whatever the number of tickets. `o` is the organization, [s, e) the month.

type TPeriod = { organizationId: string; start: Date; end: Date };

/** Raw queries return timestamps as PostgreSQL's text (`2026-11-02 03:00:00+00`); these read them. */
const instant = (v: Date | string): Date => new Date(v);
const maybeInstant = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export type TContractRow = {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  monthly_hours: string | number;
  calendar_key: string;
  services: string[];
  time_zone: string | null;
};

/** The organization and its contracts overlapping [first, last] (dates), with their calendars' zones. */
export async function organizationAndContracts(
  tx: TDbOrTx,
  organizationId: string,
  first: string,
  last: string,
) {
  const result = await tx.execute<{
    id: string;
    name: string;
    code: string;
    contracts: TContractRow[] | null;
  }>(sql`
    SELECT o.id, o.name, o.code,
      (SELECT json_agg(json_build_object(
                'id', c.id, 'name', c.name, 'starts_on', c.starts_on, 'ends_on', c.ends_on,
                'monthly_hours', c.monthly_hours, 'calendar_key', c.calendar_key,
                'services', c.services, 'time_zone', k.time_zone) ORDER BY c.starts_on, c.name)
         FROM contracts c LEFT JOIN calendars k ON k.key = c.calendar_key
        WHERE c.organization_id = o.id AND c.starts_on <= ${last}::date AND c.ends_on >= ${first}::date
      ) AS contracts
    FROM organizations o WHERE o.id = ${organizationId}::uuid`);
  return result.rows[0] ?? null;
}

export type TBreakdownRow = {
  type: string | null;
  module: string | null;
  priority: string | null;
  channel: string | null;
  /** Bits of GROUPING(type, module, priority, channel): 1 = column rolled up. */
  g: number;
  created: number;
  resolved: number;
  closed: number;
};

/** Created / resolved / closed counts by type, module, priority, channel and in total, in one pass. */
export async function ticketBreakdown(tx: TDbOrTx, p: TPeriod): Promise<TBreakdownRow[]> {
  const result = await tx.execute<TBreakdownRow>(sql`
    SELECT type, module, priority, channel, GROUPING(type, module, priority, channel) AS g,
      count(*) FILTER (WHERE created_at >= ${p.start} AND created_at < ${p.end})::int AS created,
      count(*) FILTER (WHERE resolved_at >= ${p.start} AND resolved_at < ${p.end})::int AS resolved,
      count(*) FILTER (WHERE closed_at >= ${p.start} AND closed_at < ${p.end})::int AS closed
    FROM tickets
    WHERE organization_id = ${p.organizationId}::uuid
      AND ((created_at >= ${p.start} AND created_at < ${p.end})
        OR (resolved_at >= ${p.start} AND resolved_at < ${p.end})
        OR (closed_at >= ${p.start} AND closed_at < ${p.end}))
    GROUP BY GROUPING SETS ((type), (module), (priority), (channel), ())`);
  return result.rows;
}

export type TSlaRow = {
  priority: string;
  created_at: Date;
  calendar_key: string | null;
  response_stop: Date | null;
  response_due: Date | null;
  response_state: string;
  response_paused: number;
  resolution_stop: Date | null;
  resolution_due: Date | null;
  resolution_state: string;
  resolution_paused: number;
};

/** The measured, not cancelled tickets with a clock that stopped or fell due in the month. */
export async function slaClocks(tx: TDbOrTx, p: TPeriod): Promise<TSlaRow[]> {
  const result = await tx.execute<{
    [K in keyof TSlaRow]: TSlaRow[K] extends Date | null ? string | null : TSlaRow[K];
  }>(sql`
    SELECT priority, created_at, sla_calendar_key AS calendar_key,
      coalesce(first_response_at, resolved_at) AS response_stop, response_due_at AS response_due,
      response_state, response_paused_min AS response_paused,
      resolved_at AS resolution_stop, resolution_due_at AS resolution_due,
      resolution_state, resolution_paused_min AS resolution_paused
    FROM tickets
    WHERE organization_id = ${p.organizationId}::uuid AND status <> 'cancelled'
      AND (response_due_at IS NOT NULL OR resolution_due_at IS NOT NULL)
      AND ((coalesce(first_response_at, resolved_at) >= ${p.start}
            AND coalesce(first_response_at, resolved_at) < ${p.end})
        OR (resolved_at >= ${p.start} AND resolved_at < ${p.end})
        OR (response_due_at >= ${p.start} AND response_due_at < ${p.end})
        OR (resolution_due_at >= ${p.start} AND resolution_due_at < ${p.end}))`);
  return result.rows.map((r) => ({
    ...r,
    created_at: instant(r.created_at!),
    response_stop: maybeInstant(r.response_stop),
    response_due: maybeInstant(r.response_due),
    resolution_stop: maybeInstant(r.resolution_stop),
    resolution_due: maybeInstant(r.resolution_due),
  }));
}

export type THoursRow = { month: string; billable: boolean; work_class: 'A' | 'B' | 'C'; minutes: number };

/** Minutes logged on the organization's tickets per work-date month, billable or not, and work class. */
export async function hoursByMonth(
  tx: TDbOrTx,
  organizationId: string,
  first: string,
  last: string,
): Promise<THoursRow[]> {
  const result = await tx.execute<THoursRow>(sql`
    SELECT to_char(e.work_date, 'YYYY-MM') AS month, e.billable, e.work_class, sum(e.minutes)::int AS minutes
    FROM time_entries e JOIN tickets t ON t.id = e.ticket_id
    WHERE t.organization_id = ${organizationId}::uuid AND e.work_date BETWEEN ${first}::date AND ${last}::date
    GROUP BY 1, 2, 3`);
  return result.rows;
}

export type TTicketRefRow = {
  id: string;
  number: string;
  title: string;
  type: string;
  priority: string;
  status: string;
  module: string | null;
  created_at: string;
  assignee: string | null;
};

const TICKET_REF = sql`t.id, t.number, t.title, t.type, t.priority, t.status, t.module, t.created_at,
  (SELECT u.name FROM users u WHERE u.id = t.assignee_id) AS assignee`;
/** Open at `end`: created before it, not cancelled, neither resolved nor closed before it. */
const openAt = (end: Date) =>
  sql`t.created_at < ${end} AND t.status <> 'cancelled' AND NOT coalesce(coalesce(t.resolved_at, t.closed_at) < ${end}, false)`;

/** Inspections completed in the month, their answers by result, and follow-ups still open at month end. */
export async function inspectionFigures(tx: TDbOrTx, p: TPeriod) {
  const result = await tx.execute<{
    done: number;
    ok: number;
    warning: number;
    failed: number;
    findings: TTicketRefRow[] | null;
  }>(sql`
    WITH runs AS (
      -- From the organization's tickets: neither runs nor answers have an index by organization or time.
      SELECT r.ticket_id FROM tickets t JOIN inspection_runs r ON r.ticket_id = t.id
      WHERE t.organization_id = ${p.organizationId}::uuid AND t.created_at < ${p.end}
        AND r.completed_at >= ${p.start} AND r.completed_at < ${p.end}),
    follow_ups AS (
      SELECT DISTINCT fa.follow_up_ticket_id AS id
      FROM tickets it JOIN inspection_answers fa ON fa.ticket_id = it.id
      WHERE it.organization_id = ${p.organizationId}::uuid AND it.created_at < ${p.end}
        AND fa.follow_up_ticket_id IS NOT NULL)
    SELECT (SELECT count(*)::int FROM runs) AS done,
      count(*) FILTER (WHERE a.result = 'ok')::int AS ok,
      count(*) FILTER (WHERE a.result = 'warning')::int AS warning,
      count(*) FILTER (WHERE a.result = 'failed')::int AS failed,
      (SELECT json_agg(f ORDER BY f.created_at, f.id) FROM (
         SELECT ${TICKET_REF} FROM follow_ups JOIN tickets t ON t.id = follow_ups.id
         WHERE t.organization_id = ${p.organizationId}::uuid AND ${openAt(p.end)}) f) AS findings
    FROM runs JOIN inspection_answers a ON a.ticket_id = runs.ticket_id`);
  return result.rows[0]!;
}

export type TIncidentRow = TTicketRefRow & { resolved_at: string | null; comment: string | null };

/**
 * P1/P2 incidents and problems created in the month, each with the last public staff comment up to
 * its resolution (or month end while unresolved): where cause and action are read from.
 */
export async function notableIncidents(tx: TDbOrTx, p: TPeriod): Promise<TIncidentRow[]> {
  const result = await tx.execute<TIncidentRow>(sql`
    SELECT ${TICKET_REF}, t.resolved_at,
      (SELECT c.body FROM comments c JOIN users u ON u.id = c.author_id
        WHERE c.ticket_id = t.id AND c.visibility = 'public' AND u.role <> 'customer'
          AND c.created_at <= coalesce(t.resolved_at, ${p.end})
        ORDER BY c.created_at DESC, c.id DESC LIMIT 1) AS comment
    FROM tickets t
    WHERE t.organization_id = ${p.organizationId}::uuid AND t.type IN ('incident', 'problem')
      AND t.priority IN ('P1', 'P2') AND t.created_at >= ${p.start} AND t.created_at < ${p.end}
    ORDER BY t.priority, t.created_at`);
  return result.rows;
}

/** Surveys sent in the month (not superseded), answered ones by rating. */
export async function csatFigures(tx: TDbOrTx, p: TPeriod) {
  const result = await tx.execute<{ sent: number; responses: number; sum: number; ratings: number[] }>(sql`
    SELECT count(*)::int AS sent, count(answered_at)::int AS responses, coalesce(sum(rating), 0)::int AS sum,
      ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
            count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
            count(*) FILTER (WHERE rating = 5)]::int[] AS ratings
    FROM csat_surveys
    WHERE organization_id = ${p.organizationId}::uuid AND superseded_at IS NULL
      AND sent_at >= ${p.start} AND sent_at < ${p.end}`);
  return result.rows[0]!;
}

/** Tickets open at month end: how many, and the oldest `limit` of them. */
export async function carriedOver(tx: TDbOrTx, p: TPeriod, limit: number) {
  const result = await tx.execute<TTicketRefRow & { total: number }>(sql`
    SELECT ${TICKET_REF}, count(*) OVER ()::int AS total
    FROM tickets t
    WHERE t.organization_id = ${p.organizationId}::uuid AND ${openAt(p.end)}
    ORDER BY t.created_at, t.id LIMIT ${limit}`);
  return { total: result.rows[0]?.total ?? 0, items: result.rows };
}
