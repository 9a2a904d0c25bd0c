import { caseTokens } from './similar-tokens.js';

/**
 * The recurring-incident rule (docs/knowledge.md): incidents of one organization are linked when
 * they are on the same system (or, where either names none, in the same module), were created at
 * most WINDOW_DAYS apart, and their texts are similar (they share at least MIN_SHARED_TOKENS tokens
 * and at least OVERLAP of the smaller one's). A linked group of MIN_INCIDENTS or more is a
 * candidate problem.
 */
export const RECURRING_RULE = {
  WINDOW_DAYS: 14,
  MIN_INCIDENTS: 3,
  MIN_SHARED_TOKENS: 3,
  OVERLAP: 0.5,
} as const;

export type TIncident = {
  id: string;
  organizationId: string;
  number: string;
  title: string;
  description: string;
  status: string;
  systemId: string | null;
  module: string | null;
  createdAt: Date;
};

type TPrepared = TIncident & { tokens: Set<string> };

const DAY_MS = 86_400_000;

function isLinked(a: TPrepared, b: TPrepared): boolean {
  if (a.organizationId !== b.organizationId) return false;
  if (Math.abs(a.createdAt.getTime() - b.createdAt.getTime()) > RECURRING_RULE.WINDOW_DAYS * DAY_MS)
    return false;
  const sameSystem = a.systemId !== null && a.systemId === b.systemId;
  const eitherWithoutSystem = a.systemId === null || b.systemId === null;
  const sameModule = a.module !== null && a.module === b.module;
  if (!sameSystem && !(eitherWithoutSystem && sameModule)) return false;
  let shared = 0;
  for (const t of a.tokens) if (b.tokens.has(t)) shared++;
  const smaller = Math.min(a.tokens.size, b.tokens.size);
  return shared >= RECURRING_RULE.MIN_SHARED_TOKENS && shared >= RECURRING_RULE.OVERLAP * smaller;
}

export type TRecurringGroup = {
  incidents: TIncident[];
  sharedTokens: Set<string>;
  sharedBy: 'system' | 'module';
};

/** The groups of linked incidents (connected components of the rule's links) of at least MIN_INCIDENTS. */
export function recurringGroups(incidents: readonly TIncident[]): TRecurringGroup[] {
  // Links never cross organizations: group by organization first, and skip those with too few.
  const byOrganization = new Map<string, TIncident[]>();
  for (const i of incidents)
    byOrganization.set(i.organizationId, [...(byOrganization.get(i.organizationId) ?? []), i]);
  return [...byOrganization.values()]
    .filter((list) => list.length >= RECURRING_RULE.MIN_INCIDENTS)
    .flatMap(groupsOfOrganization);
}

function groupsOfOrganization(incidents: readonly TIncident[]): TRecurringGroup[] {
  const prepared: TPrepared[] = incidents.map((i) => ({
    ...i,
    tokens: new Set(caseTokens(i.title, i.description)),
  }));
  const parent = prepared.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < prepared.length; i++)
    for (let j = i + 1; j < prepared.length; j++)
      if (isLinked(prepared[i]!, prepared[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, TPrepared[]>();
  prepared.forEach((p, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), p]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= RECURRING_RULE.MIN_INCIDENTS)
    .map((g) => {
      const sorted = [...g].sort(
        (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
      );
      const counts = new Map<string, number>();
      for (const p of g) for (const t of p.tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      // Words most of the group holds: what the incidents have in common.
      const sharedTokens = new Set([...counts].filter(([, n]) => n * 2 > g.length).map(([t]) => t));
      const systems = new Set(g.map((p) => p.systemId));
      const sharedBy = systems.size === 1 && !systems.has(null) ? 'system' : 'module';
      return { incidents: sorted.map(({ tokens: _, ...i }) => i), sharedTokens, sharedBy };
    });
}
