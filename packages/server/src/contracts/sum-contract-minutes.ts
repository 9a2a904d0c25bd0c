import { monthRange } from '@hamkke/core';
import { and, between, eq, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { tickets, timeEntries } from '../db/schema.js';
import type { TContractRow } from './present.js';

export type TWorkClass = 'A' | 'B' | 'C';

/** The minutes logged on a contract's tickets in one month, split as the usage report shows them. */
export type TContractMinutes = {
  billable: number;
  nonBillable: number;
  /** All minutes, billable or not, by work class. */
  byWorkClass: Record<TWorkClass, number>;
};

/** Sums the time entries on the tickets of `contract` whose work date lies in `month` (`YYYY-MM`). */
export async function sumContractMinutes(
  tx: TDbOrTx,
  contract: Pick<TContractRow, 'id' | 'organizationId'>,
  month: string,
): Promise<TContractMinutes> {
  const { first, last } = monthRange(month);
  const rows = await tx
    .select({
      billable: timeEntries.billable,
      workClass: timeEntries.workClass,
      minutes: sql<number>`sum(${timeEntries.minutes})`.mapWith(Number),
    })
    .from(timeEntries)
    .innerJoin(tickets, eq(tickets.id, timeEntries.ticketId))
    .where(
      and(
        // A contract's tickets are its organization's: the condition lets the organization index narrow them.
        eq(tickets.organizationId, contract.organizationId),
        eq(tickets.contractId, contract.id),
        between(timeEntries.workDate, first, last),
      ),
    )
    .groupBy(timeEntries.billable, timeEntries.workClass);
  const sums: TContractMinutes = { billable: 0, nonBillable: 0, byWorkClass: { A: 0, B: 0, C: 0 } };
  for (const row of rows) {
    if (row.billable) sums.billable += row.minutes;
    else sums.nonBillable += row.minutes;
    sums.byWorkClass[row.workClass] += row.minutes;
  }
  return sums;
}
