import { eq, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { calendars } from '../db/schema.js';
import { forgetCalendars, type TCalendarRow } from './load-calendars.js';

/**
 * Marks a calendar as changed, in the caller's transaction: cached calendars and the due times
 * computed from them are rebuilt when the revision moves.
 */
export async function bumpCalendarRevision(tx: TDbOrTx, calendarId: string): Promise<TCalendarRow> {
  forgetCalendars();
  const [calendar] = await tx
    .update(calendars)
    .set({ revision: sql`${calendars.revision} + 1`, updatedAt: new Date() })
    .where(eq(calendars.id, calendarId))
    .returning();
  return calendar!;
}

/** A change to the public holidays changes every calendar that observes them. */
export async function bumpPublicHolidayCalendars(tx: TDbOrTx): Promise<void> {
  forgetCalendars();
  await tx
    .update(calendars)
    .set({ revision: sql`${calendars.revision} + 1`, updatedAt: new Date() })
    .where(eq(calendars.usesPublicHolidays, true));
}
