import { entitledHoursIn, forecastMinutes, hoursOf, type TContractUsage } from '@hamkke/core';
import type { TContractUsageRow } from './get-contract-usage.js';

/**
 * A contract's month of hours, in hours with one decimal. Only billable time consumes the
 * entitlement, as AMS contracts count it; non-billable time is shown beside it.
 */
export function presentContractUsage(u: TContractUsageRow): TContractUsage {
  const entitledHours = entitledHoursIn(u.contract, u.month);
  const used = u.minutes.billable;
  return {
    contractId: u.contract.id,
    month: u.month,
    entitledHours,
    usedHours: hoursOf(used),
    billableHours: hoursOf(used),
    nonBillableHours: hoursOf(u.minutes.nonBillable),
    remainingHours: hoursOf(entitledHours * 60 - used),
    percentUsed: entitledHours > 0 ? Math.round((used / (entitledHours * 60)) * 1000) / 10 : null,
    byWorkClass: {
      A: hoursOf(u.minutes.byWorkClass.A),
      B: hoursOf(u.minutes.byWorkClass.B),
      C: hoursOf(u.minutes.byWorkClass.C),
    },
    forecastHours: hoursOf(forecastMinutes(used, u.pace)),
    businessDays: { elapsed: u.pace.elapsed, total: u.pace.total },
    alerts: u.alerts.map((a) => ({ thresholdPercent: a.thresholdPercent, firedAt: a.firedAt.toISOString() })),
  };
}
