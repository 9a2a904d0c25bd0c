import type { TCreateCalendar } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { calendars } from '../db/schema.js';
import { Conflict, uniqueOr } from '../http/errors.js';
import type { TCalendarRow } from './load-calendars.js';
import { presentCalendar } from './present.js';

const KEY_TAKEN = { en: 'Another calendar already uses this key', ko: '이미 다른 달력이 사용하는 키입니다' };
const keyTaken = () => new Conflict(KEY_TAKEN, [{ path: 'key', message: KEY_TAKEN.en, in: 'body' }]);

/** Admins add calendars beside the built-in ones: other hours, another time zone, no public holidays. */
export async function createCalendar(actor: TActor, input: TCreateCalendar): Promise<TCalendarRow> {
  assert(isAdmin(actor));
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: calendars.id }).from(calendars).where(eq(calendars.key, input.key));
    if (taken) throw keyTaken();
    const [calendar] = await uniqueOr(
      () =>
        tx
          .insert(calendars)
          .values({ ...input, isBuiltIn: false })
          .returning(),
      keyTaken,
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'calendar',
      entityId: calendar!.id,
      after: presentCalendar(calendar!),
    });
    return calendar!;
  });
}
