import type { TCreatePublicHoliday } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { publicHolidays } from '../db/schema.js';
import { Conflict, uniqueOr } from '../http/errors.js';
import { bumpPublicHolidayCalendars } from './bump-revision.js';
import { presentPublicHoliday, type TPublicHolidayRow } from './present.js';

export const HOLIDAY_TAKEN = {
  en: 'A holiday of this name is already on that date',
  ko: '그 날짜에 같은 이름의 공휴일이 이미 있습니다',
};
export const holidayTaken = () =>
  new Conflict(HOLIDAY_TAKEN, [{ path: 'name', message: HOLIDAY_TAKEN.en, in: 'body' }]);

/**
 * Admins declare an ad-hoc holiday (an election day, a temporary holiday) as soon as the government
 * does, without a release; every calendar that observes public holidays changes with it.
 */
export async function createPublicHoliday(
  actor: TActor,
  input: TCreatePublicHoliday,
): Promise<TPublicHolidayRow> {
  assert(isAdmin(actor));
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: publicHolidays.id })
      .from(publicHolidays)
      .where(and(eq(publicHolidays.date, input.date), eq(publicHolidays.name, input.name)));
    if (taken) throw holidayTaken();
    const [holiday] = await uniqueOr(() => tx.insert(publicHolidays).values(input).returning(), holidayTaken);
    await bumpPublicHolidayCalendars(tx);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'public_holiday',
      entityId: holiday!.id,
      after: presentPublicHoliday(holiday!),
    });
    return holiday!;
  });
}
