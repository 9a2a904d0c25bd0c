import { z } from 'zod';
import { ZDate, ZUuid, zLine } from './common.js';

export const CONTRACT_SERVICES = ['support', 'inspection', 'monthly_report'] as const;
export const INSPECTION_CADENCES = ['none', 'monthly', 'quarterly'] as const;

export const ZContract = z.object({
  id: ZUuid,
  organizationId: ZUuid,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  services: z.array(z.enum(CONTRACT_SERVICES)),
  monthlyHours: z.number(),
  slaPolicyId: ZUuid.nullable(),
  calendarKey: z.string(),
  /** P1 incidents run on the 24×7 calendar instead of `calendarKey`. */
  p1AroundTheClock: z.boolean(),
  inspectionCadence: z.enum(INSPECTION_CADENCES),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TContract = z.infer<typeof ZContract>;

const contractFields = {
  name: zLine(200),
  startsOn: ZDate,
  endsOn: ZDate,
  services: z.array(z.enum(CONTRACT_SERVICES)).max(CONTRACT_SERVICES.length),
  /** Monthly hours entitlement, in half hours at the finest. */
  monthlyHours: z.number().min(0).max(10000).multipleOf(0.5),
  slaPolicyId: ZUuid.nullable(),
  calendarKey: z.string().trim().min(1).max(50),
  p1AroundTheClock: z.boolean(),
  inspectionCadence: z.enum(INSPECTION_CADENCES),
  notes: z.string().max(20000),
};

const PERIOD_RULE = { message: 'endsOn must not be before startsOn', path: ['endsOn'] };
const periodIsOrdered = (c: { startsOn?: string; endsOn?: string }) =>
  !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;

export const ZCreateContract = z
  .object({
    ...contractFields,
    services: contractFields.services.default(['support']),
    monthlyHours: contractFields.monthlyHours.default(0),
    slaPolicyId: contractFields.slaPolicyId.default(null),
    calendarKey: contractFields.calendarKey.default('kr-standard'),
    p1AroundTheClock: contractFields.p1AroundTheClock.default(false),
    inspectionCadence: contractFields.inspectionCadence.default('none'),
    notes: contractFields.notes.default(''),
  })
  .strict()
  .refine(periodIsOrdered, PERIOD_RULE);
export type TCreateContract = z.infer<typeof ZCreateContract>;

export const ZUpdateContract = z
  .object(contractFields)
  .partial()
  .strict()
  .refine(periodIsOrdered, PERIOD_RULE);
export type TUpdateContract = z.infer<typeof ZUpdateContract>;

/** A calendar month, `YYYY-MM`. */
export const ZMonth = z.string().regex(/^(?!0000)\d{4}-(?:0[1-9]|1[0-2])$/, 'A month, YYYY-MM');

/** `?month=YYYY-MM`; without it, the current month in Asia/Seoul. */
export const ZUsageQuery = z.object({ month: ZMonth.optional() });
export type TUsageQuery = z.infer<typeof ZUsageQuery>;

const ZWorkClassHours = z.object({ A: z.number(), B: z.number(), C: z.number() });

/**
 * A contract's hours in one month, in hours with one decimal. Only billable time consumes the
 * entitlement: `usedHours` is the billable hours; non-billable time is reported beside it, and
 * `byWorkClass` splits all of it (billable and not) by A/B/C work.
 */
export const ZContractUsage = z.object({
  contractId: ZUuid,
  month: ZMonth,
  /** The monthly hours when the contract's period has a day in the month, else 0. */
  entitledHours: z.number(),
  usedHours: z.number(),
  billableHours: z.number(),
  nonBillableHours: z.number(),
  /** Entitled minus used; negative once the entitlement is overrun. */
  remainingHours: z.number(),
  /** Used as a percentage of the entitlement (one decimal); null without an entitlement. */
  percentUsed: z.number().nullable(),
  byWorkClass: ZWorkClassHours,
  /** Used hours at month end at the pace so far, in business days of the contract's calendar. */
  forecastHours: z.number(),
  businessDays: z.object({ elapsed: z.number().int(), total: z.number().int() }),
  alerts: z.array(z.object({ thresholdPercent: z.number().int(), firedAt: z.string() })),
});
export type TContractUsage = z.infer<typeof ZContractUsage>;
