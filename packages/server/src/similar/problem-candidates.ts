import type { TProblemCandidate, TProblemCandidatesQuery, TSapModule } from '@hamkke/core';
import { and, desc, eq, gte, inArray, isNotNull, lte, or, type SQL } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { organizations, tickets } from '../db/schema.js';
import { RECURRING_RULE, recurringGroups, type TIncident, type TRecurringGroup } from './recurring-rule.js';
import { sharedWords } from './similar-tokens.js';

const DAY_MS = 86_400_000;
/** Most incidents one listing groups: the newest, so a busy window stays fast. */
const MAX_INCIDENTS = 5_000;

const incidentColumns = {
  id: tickets.id,
  organizationId: tickets.organizationId,
  number: tickets.number,
  title: tickets.title,
  description: tickets.description,
  status: tickets.status,
  systemId: tickets.systemId,
  module: tickets.module,
  createdAt: tickets.createdAt,
};

async function incidentsWhere(condition: SQL | undefined): Promise<TIncident[]> {
  return db
    .select(incidentColumns)
    .from(tickets)
    .where(and(eq(tickets.type, 'incident'), condition))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(MAX_INCIDENTS);
}

function present(group: TRecurringGroup, names: ReadonlyMap<string, string>): TProblemCandidate {
  const first = group.incidents[0]!;
  const last = group.incidents.at(-1)!;
  const text = group.incidents.map((i) => i.title).join('\n');
  return {
    organizationId: first.organizationId,
    organizationName: names.get(first.organizationId) ?? '',
    sharedBy: group.sharedBy,
    systemId: group.sharedBy === 'system' ? first.systemId : null,
    module: (group.incidents.find((i) => i.module)?.module ?? null) as TSapModule | null,
    sharedWords: sharedWords(text, group.sharedTokens),
    firstAt: first.createdAt.toISOString(),
    lastAt: last.createdAt.toISOString(),
    tickets: group.incidents.map((i) => ({
      id: i.id,
      number: i.number,
      title: i.title,
      status: i.status,
      createdAt: i.createdAt.toISOString(),
    })),
  };
}

async function organizationNames(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Candidate problems among the incidents created in the last `days` days, largest group first. Staff only. */
export async function listProblemCandidates(
  actor: TActor,
  query: TProblemCandidatesQuery,
): Promise<TProblemCandidate[]> {
  assert(isStaff(actor));
  const since = new Date(Date.now() - query.days * DAY_MS);
  const incidents = await incidentsWhere(
    and(
      gte(tickets.createdAt, since),
      query.organizationId ? eq(tickets.organizationId, query.organizationId) : undefined,
    ),
  );
  const groups = recurringGroups(incidents);
  const names = await organizationNames([...new Set(groups.map((g) => g.incidents[0]!.organizationId))]);
  return groups
    .sort(
      (a, b) =>
        b.incidents.length - a.incidents.length ||
        (a.incidents.at(-1)!.createdAt < b.incidents.at(-1)!.createdAt ? 1 : -1),
    )
    .map((g) => present(g, names));
}

/**
 * The candidate problem an incident belongs to, if any: its group among the incidents of its
 * organization on the same system or in the same module, within two windows of it (a chain of
 * incidents each at most a window apart).
 */
export async function problemCandidateOf(
  ticket: TIncident & { type: string },
): Promise<TProblemCandidate | null> {
  if (ticket.type !== 'incident') return null;
  if (!ticket.systemId && !ticket.module) return null;
  const reach = 2 * RECURRING_RULE.WINDOW_DAYS * DAY_MS;
  const neighbours = await incidentsWhere(
    and(
      eq(tickets.organizationId, ticket.organizationId),
      or(
        ticket.systemId ? eq(tickets.systemId, ticket.systemId) : undefined,
        ticket.module ? and(isNotNull(tickets.module), eq(tickets.module, ticket.module)) : undefined,
      ),
      gte(tickets.createdAt, new Date(ticket.createdAt.getTime() - reach)),
      lte(tickets.createdAt, new Date(ticket.createdAt.getTime() + reach)),
    ),
  );
  const group = recurringGroups(neighbours).find((g) => g.incidents.some((i) => i.id === ticket.id));
  if (!group) return null;
  return present(group, await organizationNames([ticket.organizationId]));
}
