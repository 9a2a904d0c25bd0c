import type { TCalendar } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { calendarClosures, calendars, publicHolidays } from '../db/schema.js';

type TCached = { revision: number; calendar: TCalendar };

/**
 * Built calendars by key, kept while their revision holds. A calendar object carries the core's
 * per-day cache, so reusing it keeps due-time arithmetic fast; an edit bumps the revision and the
 * next load builds a new one.
 */
const cache = new Map<string, TCached>();

export type TCalendarRow = typeof calendars.$inferSelect;

async function build(tx: TDbOrTx, row: TCalendarRow): Promise<TCalendar> {
  // One after the other: `tx` may be a transaction, one connection that runs one query at a time.
  const holidays = row.usesPublicHolidays
    ? await tx
        .select({ date: publicHolidays.date })
        .from(publicHolidays)
        .where(eq(publicHolidays.isActive, true))
    : [];
  const closures = await tx
    .select({ date: calendarClosures.date })
    .from(calendarClosures)
    .where(eq(calendarClosures.calendarId, row.id));
  return {
    key: row.key,
    timeZone: row.timeZone,
    weeklyHours: row.weeklyHours,
    holidays: [...new Set(holidays.map((h) => h.date))].sort(),
    closures: closures.map((c) => c.date).sort(),
  };
}

async function fromRow(tx: TDbOrTx, row: TCalendarRow): Promise<TCached> {
  const cached = cache.get(row.key);
  if (cached && cached.revision === row.revision) return cached;
  const fresh = { revision: row.revision, calendar: await build(tx, row) };
  cache.set(row.key, fresh);
  return fresh;
}

/**
 * How long a process answers from its last look at the calendars table before looking again. An
 * edit in this process is seen at once (forgetCalendars); one in another process within this time.
 * Inside a transaction the table is always read.
 */
const SNAPSHOT_MS = 1000;
let snapshot: { at: number; calendars: Map<string, TCached> } | null = null;

/** Drops this process's snapshot of the calendars table, after a write to it. */
export function forgetCalendars(): void {
  snapshot = null;
}

/**
 * Every calendar by key, with its current revision: one small query, or none within a second of the
 * last when a snapshot will do (by default outside a transaction). Inside a transaction pass `tx`:
 * the read must not take a second connection from the pool while the transaction holds one, or
 * concurrent transactions can exhaust the pool and wait on each other for ever.
 */
export async function loadCalendars(
  tx: TDbOrTx = db,
  { maySnapshot = tx === db }: { maySnapshot?: boolean } = {},
): Promise<Map<string, TCached>> {
  if (maySnapshot && snapshot && Date.now() - snapshot.at < SNAPSHOT_MS) return snapshot.calendars;
  const rows = await tx.select().from(calendars);
  const result = new Map<string, TCached>();
  for (const row of rows) result.set(row.key, await fromRow(tx, row));
  if (maySnapshot) snapshot = { at: Date.now(), calendars: result };
  return result;
}

/** One calendar by key, or null if there is none by that key. */
export async function loadCalendar(key: string, tx: TDbOrTx = db): Promise<TCached | null> {
  const [row] = await tx.select().from(calendars).where(eq(calendars.key, key));
  return row ? fromRow(tx, row) : null;
}
