import { asc, desc } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { calendars } from '../db/schema.js';
import type { TCalendarRow } from './load-calendars.js';

/** Every calendar, the built-in ones first: staff pick one for a contract or try the calculator on it. */
export async function listCalendars(actor: TActor): Promise<TCalendarRow[]> {
  assert(isStaff(actor));
  return db.select().from(calendars).orderBy(desc(calendars.isBuiltIn), asc(calendars.key));
}
