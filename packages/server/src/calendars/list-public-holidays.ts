import { asc, between } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { publicHolidays } from '../db/schema.js';
import { yearBounds } from './list-calendar-days-off.js';
import type { TPublicHolidayRow } from './present.js';

/** The public holidays of a year, withdrawn ones included, so an admin can bring one back. */
export async function listPublicHolidays(actor: TActor, year: number): Promise<TPublicHolidayRow[]> {
  assert(isStaff(actor));
  const [first, last] = yearBounds(year);
  return db
    .select()
    .from(publicHolidays)
    .where(between(publicHolidays.date, first, last))
    .orderBy(asc(publicHolidays.date), asc(publicHolidays.name));
}
