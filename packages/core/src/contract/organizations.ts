import { z } from 'zod';
import { ZUuid, zLine } from './common.js';

/** Short uppercase code used in ticket numbers, e.g. `HNX` in `HNX-000123`. */
export const ZOrganizationCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'A letter, then 1–9 letters or digits');

export const ZOrganization = z.object({
  id: ZUuid,
  name: z.string(),
  code: z.string(),
  /** The team's internal notes on the customer; absent for customer users. */
  specialNotes: z.string().optional(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOrganization = z.infer<typeof ZOrganization>;

export const ZCreateOrganization = z
  .object({
    name: zLine(200),
    code: ZOrganizationCode,
    specialNotes: z.string().max(20000).default(''),
  })
  .strict();
export type TCreateOrganization = z.infer<typeof ZCreateOrganization>;

export const ZUpdateOrganization = z
  .object({ name: zLine(200), specialNotes: z.string().max(20000), isActive: z.boolean() })
  .partial()
  .strict();
export type TUpdateOrganization = z.infer<typeof ZUpdateOrganization>;
