import type { TDashboardQuery } from '@hamkke/core';
import { type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { Invalid } from '../http/errors.js';
import { getTeam } from '../teams/get-team.js';
import { addDays, isoWeekOf, mondayOf, seoulToday } from '../teams/iso-week.js';

const MAX_DAYS = 731;
const DEFAULT_DAYS = 84;

/** A chart period: an ISO week or a month, clipped to the query's from–to (Seoul days, inclusive). */
export type TPeriod = { period: string; start: string; end: string };

/** The query after defaults, with the team's name and member ids resolved. */
export type TScope = {
  organizationId: string | null;
  module: string | null;
  teamId: string | null;
  team: string | null;
  memberIds: string[] | null;
  from: string;
  to: string;
  granularity: 'week' | 'month';
  computedAt: string;
};

/** The instant a Seoul day begins, as ISO 8601 with the +09:00 offset (what the ticket list takes). */
export const seoulStart = (day: string): string => `${day}T00:00:00+09:00`;

/** Checks the role and the range, applies the defaults (the 12 weeks ending today) and resolves the team. */
export async function resolveScope(actor: TActor, query: TDashboardQuery): Promise<TScope> {
  assert(isStaff(actor), { en: 'Dashboards are for staff', ko: '대시보드는 직원만 볼 수 있습니다' });
  const to = query.to ?? (query.from && query.from > seoulToday() ? query.from : seoulToday());
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (to < from)
    throw new Invalid(
      'to',
      { en: 'to must not be before from', ko: 'to는 from보다 앞설 수 없습니다' },
      'query',
    );
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000)
    throw new Invalid(
      'to',
      { en: 'At most two years at once', ko: '한 번에 최대 2년까지 조회할 수 있습니다' },
      'query',
    );
  const team = query.teamId ? await getTeam(actor, query.teamId) : null;
  return {
    organizationId: query.organizationId ?? null,
    module: query.module ?? null,
    teamId: team?.id ?? null,
    team: team?.name ?? null,
    memberIds: team ? team.members.map((m) => m.id) : null,
    from,
    to,
    granularity: query.granularity,
    computedAt: new Date().toISOString(),
  };
}

/** What the answer says it was computed over. */
export function presentScope(s: TScope) {
  return {
    organizationId: s.organizationId,
    module: s.module as never,
    teamId: s.teamId,
    team: s.team,
    from: s.from,
    to: s.to,
    granularity: s.granularity,
    computedAt: s.computedAt,
  };
}

/** The weeks (ISO, Monday first) or months touching from–to, each clipped to it. */
export function periodsOf(from: string, to: string, granularity: 'week' | 'month'): TPeriod[] {
  const periods: TPeriod[] = [];
  let start = from;
  while (start <= to) {
    const next = granularity === 'week' ? addDays(mondayOf(start), 7) : `${nextMonth(start.slice(0, 7))}-01`;
    const end = addDays(next, -1) < to ? addDays(next, -1) : to;
    periods.push({ period: granularity === 'week' ? isoWeekOf(start) : start.slice(0, 7), start, end });
    start = next;
  }
  return periods;
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The scope's filters on a ticket row aliased `t`: customer, module, team name. */
export function ticketFilter(s: TScope): SQL {
  const parts: SQL[] = [sql`true`];
  if (s.organizationId) parts.push(sql`t.organization_id = ${s.organizationId}::uuid`);
  if (s.module) parts.push(sql`t.module = ${s.module}`);
  if (s.team) parts.push(sql`t.team = ${s.team}`);
  return sql.join(parts, sql` AND `);
}

/**
 * The ticket-list query string of the tickets behind a figure's number: the scope's filters plus
 * `extra` (keys of ZListTicketsQuery), for `GET /api/v1/tickets` and the workspace list's URL.
 */
export function ticketsLink(s: TScope, extra: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  if (s.organizationId) q.set('organizationId', s.organizationId);
  if (s.module) q.set('module', s.module);
  if (s.team) q.set('team', s.team);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, v);
  return q.toString();
}

/** Range keys of the ticket list for a period: `<name>From` at its first day, `<name>To` after its last. */
export function instantRange(name: 'created' | 'resolved', p: { start: string; end: string }) {
  return { [`${name}From`]: seoulStart(p.start), [`${name}To`]: seoulStart(addDays(p.end, 1)) };
}

/** A share with 4 decimal places; null for 0 / 0. */
export const rateOf = (count: number, total: number): number | null =>
  total === 0 ? null : Math.round((count / total) * 10_000) / 10_000;

/** A literal, not a parameter: a Seoul-day expression must be the same in SELECT and GROUP BY. */
export const SEOUL = sql.raw("'Asia/Seoul'");
