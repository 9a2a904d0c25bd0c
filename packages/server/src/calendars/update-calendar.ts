import type { TUpdateCalendar } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { calendars } from '../db/schema.js';
import { Invalid } from '../http/errors.js';
import { getCalendar } from './get-calendar.js';
import type { TCalendarRow } from './load-calendars.js';
import { presentCalendar } from './present.js';

const BUILT_IN_FIXED = {
  en: 'A built-in calendar keeps its time zone, hours and holidays; only its name can change. Create a calendar of your own instead',
  ko: '기본 제공 달력은 시간대, 근무 시간, 공휴일 적용을 바꿀 수 없고 이름만 바꿀 수 있습니다. 새 달력을 만드세요',
};

/**
 * Admins edit a calendar's name, time zone, hours and whether it observes public holidays; the key
 * stays, since contracts name the calendar by it. A built-in calendar (`kr-standard`, `24x7`) keeps
 * its definition, so the key always means the same hours: only its name changes. The revision moves
 * with every edit.
 */
export async function updateCalendar(
  actor: TActor,
  ref: string,
  input: TUpdateCalendar,
): Promise<TCalendarRow> {
  assert(isAdmin(actor));
  return db.transaction(async (tx) => {
    const before = await getCalendar(actor, ref, tx, true);
    const fixed = Object.keys(input).find((field) => field !== 'name');
    if (before.isBuiltIn && fixed) throw new Invalid(fixed, BUILT_IN_FIXED);
    const [calendar] = await tx
      .update(calendars)
      .set({ ...input, revision: sql`${calendars.revision} + 1`, updatedAt: new Date() })
      .where(eq(calendars.id, before.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'calendar',
      entityId: before.id,
      before: presentCalendar(before),
      after: presentCalendar(calendar!),
    });
    return calendar!;
  });
}
