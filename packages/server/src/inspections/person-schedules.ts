import type { THandover } from '@hamkke/core';
import { KR_STANDARD } from '@hamkke/core';
import { and, asc, eq } from 'drizzle-orm';
import { loadCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import { contracts, inspectionSchedules, organizations, systems } from '../db/schema.js';
import { upcoming } from './occurrences.js';

const MAX_DUE_DATES = 24;

/**
 * The active inspection schedules assigned to a person with occurrences due within `from`–`to`
 * (Seoul dates, inclusive), each with those due dates: what a deployment hands over besides tickets.
 */
export async function upcomingInspectionsOf(
  userId: string,
  from: string,
  to: string,
): Promise<THandover['inspections']> {
  const rows = await db
    .select({
      s: inspectionSchedules,
      calendarKey: contracts.calendarKey,
      orgName: organizations.name,
      sid: systems.sid,
    })
    .from(inspectionSchedules)
    .innerJoin(contracts, eq(contracts.id, inspectionSchedules.contractId))
    .innerJoin(organizations, eq(organizations.id, inspectionSchedules.organizationId))
    .leftJoin(systems, eq(systems.id, inspectionSchedules.systemId))
    .where(and(eq(inspectionSchedules.assigneeId, userId), eq(inspectionSchedules.status, 'active')))
    .orderBy(asc(organizations.name), asc(inspectionSchedules.name))
    .limit(500);
  const calendars = await loadCalendars();
  const out: THandover['inspections'] = [];
  for (const { s, calendarKey, orgName, sid } of rows) {
    const calendar = calendars.get(calendarKey)?.calendar ?? KR_STANDARD;
    const dueDates: string[] = [];
    // From the next occurrence without a ticket on, until the due dates pass the period's end.
    for (let n = s.nextOccurrenceOn, i = 0; n && i < 400 && dueDates.length < MAX_DUE_DATES; i++) {
      const [o, next] = upcoming(s, calendar, n, 2);
      if (!o || o.dueOn > to) break;
      if (o.dueOn >= from) dueDates.push(o.dueOn);
      n = next?.occurrenceOn ?? null;
    }
    if (dueDates.length)
      out.push({
        schedule: { id: s.id, name: s.name },
        organization: { id: s.organizationId, name: orgName },
        system: s.systemId ? { id: s.systemId, sid: sid ?? '' } : null,
        dueDates,
      });
  }
  return out;
}
