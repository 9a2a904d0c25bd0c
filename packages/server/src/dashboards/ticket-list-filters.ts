import type { TListTicketsQuery } from '@hamkke/core';
import { gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { tickets } from '../db/schema.js';

const seoulStart = (day: string) => `${day}T00:00:00+09:00`;
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The ticket list's dashboard click-through filters (docs/dashboards.md): each figure's number links
 * to the list with these, so that it shows exactly the tickets behind the number.
 */
export function dashboardConditions(query: TListTicketsQuery): SQL[] {
  const c: SQL[] = [];
  if (query.ids) c.push(inArray(tickets.id, query.ids));
  if (query.resolvedFrom) c.push(gte(tickets.resolvedAt, new Date(query.resolvedFrom)));
  if (query.resolvedTo) c.push(lt(tickets.resolvedAt, new Date(query.resolvedTo)));
  if (query.openAt) {
    const at = new Date(query.openAt);
    c.push(
      sql`${tickets.createdAt} < ${at} AND ${tickets.status} <> 'cancelled'
          AND (${tickets.resolvedAt} IS NULL OR ${tickets.resolvedAt} >= ${at})`,
    );
  }
  if (query.responseSla) c.push(inArray(tickets.responseState, query.responseSla));
  if (query.resolutionSla) c.push(inArray(tickets.resolutionState, query.resolutionSla));
  const facts = sql`(SELECT f.reopen_count, f.public_staff_replies FROM ticket_dashboard_facts f WHERE f.ticket_id = ${tickets.id})`;
  if (query.isReopened !== undefined)
    c.push(
      query.isReopened
        ? sql`EXISTS (SELECT 1 FROM ticket_dashboard_facts f WHERE f.ticket_id = ${tickets.id} AND f.reopen_count > 0)`
        : sql`NOT EXISTS (SELECT 1 FROM ticket_dashboard_facts f WHERE f.ticket_id = ${tickets.id} AND f.reopen_count > 0)`,
    );
  if (query.isFirstContact !== undefined) {
    const disqualified = sql`EXISTS (SELECT 1 FROM ${facts} f WHERE f.reopen_count > 0 OR f.public_staff_replies > 1)`;
    c.push(
      query.isFirstContact
        ? sql`${tickets.resolvedAt} IS NOT NULL AND NOT ${disqualified}`
        : sql`(${tickets.resolvedAt} IS NULL OR ${disqualified})`,
    );
  }
  if (query.workedFrom || query.workedTo || query.workClass) {
    const parts: SQL[] = [sql`te.ticket_id = ${tickets.id}`];
    if (query.workedFrom) parts.push(sql`te.work_date >= ${query.workedFrom}::date`);
    if (query.workedTo) parts.push(sql`te.work_date <= ${query.workedTo}::date`);
    if (query.workClass)
      parts.push(
        sql`te.work_class IN (${sql.join(
          query.workClass.map((w) => sql`${w}`),
          sql`, `,
        )})`,
      );
    c.push(sql`EXISTS (SELECT 1 FROM time_entries te WHERE ${sql.join(parts, sql` AND `)})`);
  }
  if (query.csatFrom || query.csatTo || query.csatAgentId || query.csatRating) {
    const parts: SQL[] = [sql`cs.ticket_id = ${tickets.id}`, sql`cs.superseded_at IS NULL`];
    if (query.csatFrom) parts.push(sql`cs.sent_at >= ${seoulStart(query.csatFrom)}::timestamptz`);
    if (query.csatTo) parts.push(sql`cs.sent_at < ${seoulStart(nextDay(query.csatTo))}::timestamptz`);
    if (query.csatAgentId) parts.push(sql`cs.agent_id = ${query.csatAgentId}::uuid`);
    if (query.csatRating)
      parts.push(
        sql`cs.rating IN (${sql.join(
          query.csatRating.map((r) => sql`${r}::int`),
          sql`, `,
        )})`,
      );
    c.push(sql`EXISTS (SELECT 1 FROM csat_surveys cs WHERE ${sql.join(parts, sql` AND `)})`);
  }
  return c;
}
