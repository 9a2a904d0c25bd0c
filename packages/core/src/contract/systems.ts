import { z } from 'zod';
import { SAP_MODULES } from '../lists.js';
import { ZUuid, zLine } from './common.js';

export { SAP_MODULES };

export const ZSapModule = z.enum(SAP_MODULES);
export type TSapModule = z.infer<typeof ZSapModule>;

export const TIERS = ['DEV', 'QAS', 'PRD'] as const;
export const ZTier = z.enum(TIERS);

const ZSid = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{2}$/, 'Three characters: a letter, then letters or digits');
const ZClient = z.string().regex(/^\d{3}$/, 'Three digits, e.g. 100');

export const ZSystem = z.object({
  id: ZUuid,
  organizationId: ZUuid,
  sid: z.string(),
  tier: ZTier,
  client: z.string().nullable(),
  product: z.string(),
  release: z.string(),
  modules: z.array(ZSapModule),
  solution: z.string(),
  solutionVersion: z.string(),
  description: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSystem = z.infer<typeof ZSystem>;

const systemFields = {
  sid: ZSid,
  tier: ZTier,
  client: ZClient.nullable(),
  product: zLine(100),
  release: z.string().trim().max(100),
  modules: z.array(ZSapModule).max(SAP_MODULES.length),
  solution: z.string().trim().max(200),
  solutionVersion: z.string().trim().max(50),
  description: z.string().max(5000),
};

export const ZCreateSystem = z
  .object({
    ...systemFields,
    client: systemFields.client.default(null),
    release: systemFields.release.default(''),
    modules: systemFields.modules.default([]),
    solution: systemFields.solution.default(''),
    solutionVersion: systemFields.solutionVersion.default(''),
    description: systemFields.description.default(''),
  })
  .strict();
export type TCreateSystem = z.infer<typeof ZCreateSystem>;

export const ZUpdateSystem = z
  .object({ ...systemFields, isActive: z.boolean() })
  .partial()
  .strict();
export type TUpdateSystem = z.infer<typeof ZUpdateSystem>;
