import type { THoursSplit, THoursSplitQuery } from '@hamkke/core';
import { sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { Invalid } from '../http/errors.js';
import { getTeam } from './get-team.js';
import { addDays, isoWeekOf, mondayOf } from './iso-week.js';

const MAX_DAYS = 731;
type TAbc = { A: number; B: number; C: number };

const shareOf = (m: TAbc, total: number): TAbc =>
  total === 0
    ? { A: 0, B: 0, C: 0 }
    : { A: round(m.A / total), B: round(m.B / total), C: round(m.C / total) };
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The team's time split into A (the work), B (improving the work) and C (improving how the team
 * improves) per ISO week, from the time entries' work class and work date, `from`–`to` inclusive.
 * Every week of the range appears, a week without time with zeros.
 */
export async function hoursSplit(actor: TActor, query: THoursSplitQuery): Promise<THoursSplit> {
  assert(isStaff(actor));
  if (query.to < query.from)
    throw new Invalid(
      'to',
      { en: 'to must not be before from', ko: 'to는 from보다 앞설 수 없습니다' },
      'query',
    );
  if (Date.parse(query.to) - Date.parse(query.from) > MAX_DAYS * 86_400_000)
    throw new Invalid(
      'to',
      { en: 'At most two years at once', ko: '한 번에 최대 2년까지 조회할 수 있습니다' },
      'query',
    );
  const memberIds = query.teamId ? (await getTeam(actor, query.teamId)).members.map((m) => m.id) : null;
  const teamFilter = memberIds
    ? memberIds.length
      ? sql`AND te.user_id IN (${sql.join(
          memberIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`AND false`
    : sql``;
  const rows = await db.execute<{ weekStart: string; workClass: 'A' | 'B' | 'C'; minutes: number }>(sql`
    SELECT to_char(date_trunc('week', te.work_date::timestamp), 'YYYY-MM-DD') AS "weekStart",
           te.work_class AS "workClass", sum(te.minutes)::int AS minutes
      FROM time_entries te
     WHERE te.work_date BETWEEN ${query.from}::date AND ${query.to}::date ${teamFilter}
     GROUP BY 1, 2`);
  const weeks: THoursSplit['weeks'] = [];
  const total: TAbc = { A: 0, B: 0, C: 0 };
  for (let monday = mondayOf(query.from); monday <= query.to; monday = addDays(monday, 7)) {
    const minutes: TAbc = { A: 0, B: 0, C: 0 };
    for (const r of rows.rows) if (r.weekStart === monday) minutes[r.workClass] += r.minutes;
    const totalMinutes = minutes.A + minutes.B + minutes.C;
    total.A += minutes.A;
    total.B += minutes.B;
    total.C += minutes.C;
    weeks.push({
      week: isoWeekOf(monday),
      weekStart: monday,
      minutes,
      totalMinutes,
      share: shareOf(minutes, totalMinutes),
    });
  }
  const totalMinutes = total.A + total.B + total.C;
  return { weeks, total: { minutes: total, totalMinutes, share: shareOf(total, totalMinutes) } };
}
