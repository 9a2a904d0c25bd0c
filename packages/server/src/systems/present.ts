import type { TSapModule, TSystem } from '@hamkke/core';
import type { systems } from '../db/schema.js';

export type TSystemRow = typeof systems.$inferSelect;

export function presentSystem(s: TSystemRow): TSystem {
  return {
    id: s.id,
    organizationId: s.organizationId,
    sid: s.sid,
    tier: s.tier,
    client: s.client,
    product: s.product,
    release: s.release,
    modules: s.modules as TSapModule[],
    solution: s.solution,
    solutionVersion: s.solutionVersion,
    description: s.description,
    isActive: s.isActive,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
