import { entitledHoursIn, hoursOf, monthOf, reachedThresholds } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TDbOrTx } from '../db/database.js';
import { contractHourAlerts, contracts, type tickets } from '../db/schema.js';
import { managerIds, notify } from '../notifications/notify.js';
import { sumContractMinutes } from './sum-contract-minutes.js';

type TTicketRef = Pick<typeof tickets.$inferSelect, 'id' | 'contractId' | 'assigneeId'>;

/**
 * After time is logged on `ticket` for `workDate`: when the billable hours of its contract's month
 * have reached 80 % or 100 % of the monthly hours, records the alert and tells the active managers
 * and the ticket's assignee, once per contract, month and threshold. Runs in the caller's transaction.
 */
export async function checkContractHours(tx: TDbOrTx, ticket: TTicketRef, workDate: string): Promise<void> {
  if (!ticket.contractId) return;
  // The row lock orders concurrent entries on one contract: without it two entries that together
  // cross a threshold would each sum without the other and neither would alert.
  const [contract] = await tx
    .select()
    .from(contracts)
    .where(eq(contracts.id, ticket.contractId))
    .for('no key update');
  if (!contract) return;
  const month = monthOf(workDate);
  const entitledHours = entitledHoursIn(contract, month);
  if (entitledHours <= 0) return;
  const { billable } = await sumContractMinutes(tx, contract, month);
  const reached = reachedThresholds(billable, entitledHours);
  if (reached.length === 0) return;
  // The primary key keeps each alert to one row; only the rows inserted now are news.
  const fired = await tx
    .insert(contractHourAlerts)
    .values(reached.map((thresholdPercent) => ({ contractId: contract.id, month, thresholdPercent })))
    .onConflictDoNothing()
    .returning();
  if (fired.length === 0) return;
  const recipients = [...(await managerIds(tx)), ticket.assigneeId];
  for (const alert of fired) {
    const data = {
      month,
      thresholdPercent: alert.thresholdPercent,
      usedHours: hoursOf(billable),
      entitledHours,
    };
    await notify(tx, recipients, {
      kind: 'contract_hours',
      ticketId: ticket.id,
      contractId: contract.id,
      data,
    });
    // The system raises the alert, not the person whose entry tipped the month over.
    await recordAudit(tx, null, {
      action: 'alert',
      entityType: 'contract_hours',
      entityId: contract.id,
      after: { ...data, ticketId: ticket.id },
    });
  }
}
