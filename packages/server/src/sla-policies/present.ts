import type { TSlaPolicy } from '@hamkke/core';
import type { slaPolicies } from '../db/schema.js';

export type TSlaPolicyRow = typeof slaPolicies.$inferSelect;

export function presentSlaPolicy(p: TSlaPolicyRow): TSlaPolicy {
  return {
    id: p.id,
    name: p.name,
    targets: p.targets as TSlaPolicy['targets'],
    pauseStatuses: p.pauseStatuses,
    atRiskRatio: p.atRiskRatio,
    escalations: p.escalations as TSlaPolicy['escalations'],
    isDefault: p.isDefault,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
