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
