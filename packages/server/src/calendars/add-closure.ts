import type { TCreateClosure } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { calendarClosures } from '../db/schema.js';
import { Conflict, Invalid, uniqueOr } from '../http/errors.js';
import { bumpCalendarRevision } from './bump-revision.js';
import { getCalendar } from './get-calendar.js';
import { presentClosure, type TClosureRow } from './present.js';

export const NO_CLOSURES_ON_BUILT_IN = {
  en: 'A built-in calendar has no closure days of its own; create a calendar for them',
  ko: '기본 제공 달력에는 휴무일을 추가할 수 없습니다. 새 달력을 만들어 추가하세요',
};
const DAY_TAKEN = {
  en: 'This calendar already has a closure on that date',
  ko: '이 달력에는 그 날짜에 이미 휴무일이 있습니다',
};
const dayTaken = () => new Conflict(DAY_TAKEN, [{ path: 'date', message: DAY_TAKEN.en, in: 'body' }]);

/** Admins close a day on a calendar of their own (창립기념일, 하계 휴무): no business minutes run that day. */
export async function addClosure(actor: TActor, ref: string, input: TCreateClosure): Promise<TClosureRow> {
  assert(isAdmin(actor));
  return db.transaction(async (tx) => {
    // The lock orders this against other edits of the calendar and its revision.
    const calendar = await getCalendar(actor, ref, tx, true);
    if (calendar.isBuiltIn) throw new Invalid('id', NO_CLOSURES_ON_BUILT_IN, 'path');
    const [closure] = await uniqueOr(
      () =>
        tx
          .insert(calendarClosures)
          .values({ calendarId: calendar.id, ...input })
          .returning(),
      dayTaken,
    );
    await bumpCalendarRevision(tx, calendar.id);
    await recordAudit(tx, actor, {
      action: 'add_closure',
      entityType: 'calendar',
      entityId: calendar.id,
      after: presentClosure(closure!),
    });
    return closure!;
  });
}
