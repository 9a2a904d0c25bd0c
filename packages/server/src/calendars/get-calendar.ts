import { eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { calendars } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TCalendarRow } from './load-calendars.js';

export const CALENDAR = { en: 'calendar', ko: '업무 달력' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A calendar by its id or its key (keys never look like ids). Calendars are the team's working
 * arrangements: staff read them, customer users do not. `forUpdate` locks the row for a write.
 */
export async function getCalendar(
  actor: TActor,
  ref: string,
  tx: TDbOrTx = db,
  forUpdate = false,
): Promise<TCalendarRow> {
  assert(isStaff(actor));
  const query = tx
    .select()
    .from(calendars)
    .where(UUID.test(ref) ? eq(calendars.id, ref.toLowerCase()) : eq(calendars.key, ref));
  const [calendar] = forUpdate ? await query.for('update') : await query;
  if (!calendar) throw new NotFound(CALENDAR);
  return calendar;
}
