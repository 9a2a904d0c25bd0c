import {
  KR_STANDARD,
  localDateIn,
  monthOf,
  monthPace,
  type TMonthPace,
  type TUsageQuery,
} from '@hamkke/core';
import { and, asc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { loadCalendar } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import { contractHourAlerts } from '../db/schema.js';
import { getContract } from './get-contract.js';
import type { TContractRow } from './present.js';
import { sumContractMinutes, type TContractMinutes } from './sum-contract-minutes.js';

/** The team reports in Korean time: "this month" is the month in Seoul. */
export const REPORTING_TIME_ZONE = 'Asia/Seoul';

export type TContractUsageRow = {
  contract: TContractRow;
  month: string;
  minutes: TContractMinutes;
  pace: TMonthPace;
  alerts: (typeof contractHourAlerts.$inferSelect)[];
};

/**
 * A contract's hours in a month (by default the current one): what its tickets used, how it compares
 * with the entitlement, and where the month will end at the pace so far. Whoever may see the contract
 * may see its usage; customers are shown it in the monthly report anyway.
 */
export async function getContractUsage(
  actor: TActor,
  id: string,
  query: TUsageQuery,
  now: Date = new Date(),
): Promise<TContractUsageRow> {
  const contract = await getContract(actor, id);
  const month = query.month ?? monthOf(localDateIn(REPORTING_TIME_ZONE, now));
  const [minutes, loaded, alerts] = await Promise.all([
    sumContractMinutes(db, contract, month),
    loadCalendar(contract.calendarKey),
    db
      .select()
      .from(contractHourAlerts)
      .where(and(eq(contractHourAlerts.contractId, contract.id), eq(contractHourAlerts.month, month)))
      .orderBy(asc(contractHourAlerts.thresholdPercent)),
  ]);
  // A contract naming a calendar that is gone still gets a pace: the standard Korean one.
  const calendar = loaded?.calendar ?? KR_STANDARD;
  const pace = monthPace(month, localDateIn(calendar.timeZone, now), calendar);
  return { contract, month, minutes, pace, alerts };
}
