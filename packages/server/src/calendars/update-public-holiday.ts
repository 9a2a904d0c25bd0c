import type { TUpdatePublicHoliday } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { publicHolidays } from '../db/schema.js';
import { NotFound, uniqueOr } from '../http/errors.js';
import { bumpPublicHolidayCalendars } from './bump-revision.js';
import { holidayTaken } from './create-public-holiday.js';
import { presentPublicHoliday, type TPublicHolidayRow } from './present.js';

const PUBLIC_HOLIDAY = { en: 'public holiday', ko: '공휴일' };

/**
 * Admins correct a holiday's names or withdraw it (`isActive: false`, e.g. a temporary holiday the
 * government called off) and bring it back; the row stays, so the record of it does too.
 */
export async function updatePublicHoliday(
  actor: TActor,
  id: string,
  input: TUpdatePublicHoliday,
): Promise<TPublicHolidayRow> {
  assert(isAdmin(actor));
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(publicHolidays).where(eq(publicHolidays.id, id)).for('update');
    if (!before) throw new NotFound(PUBLIC_HOLIDAY);
    const [holiday] = await uniqueOr(
      () =>
        tx
          .update(publicHolidays)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(publicHolidays.id, id))
          .returning(),
      holidayTaken,
    );
    await bumpPublicHolidayCalendars(tx);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'public_holiday',
      entityId: id,
      before: presentPublicHoliday(before),
      after: presentPublicHoliday(holiday!),
    });
    return holiday!;
  });
}
