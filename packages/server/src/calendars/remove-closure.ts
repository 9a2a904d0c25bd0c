import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { calendarClosures } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import { bumpCalendarRevision } from './bump-revision.js';
import { getCalendar } from './get-calendar.js';
import { presentClosure } from './present.js';

const CLOSURE = { en: 'closure day', ko: '휴무일' };

/** Admins reopen a closed day; the audit log keeps what it was. */
export async function removeClosure(actor: TActor, ref: string, date: string): Promise<void> {
  assert(isAdmin(actor));
  await db.transaction(async (tx) => {
    const calendar = await getCalendar(actor, ref, tx, true);
    const [closure] = await tx
      .delete(calendarClosures)
      .where(and(eq(calendarClosures.calendarId, calendar.id), eq(calendarClosures.date, date)))
      .returning();
    if (!closure) throw new NotFound(CLOSURE);
    await bumpCalendarRevision(tx, calendar.id);
    await recordAudit(tx, actor, {
      action: 'remove_closure',
      entityType: 'calendar',
      entityId: calendar.id,
      before: presentClosure(closure),
    });
  });
}
