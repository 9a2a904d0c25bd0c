import type {
  TProblemCandidate,
  TSapModule,
  TWeeklyDeployment,
  TWeeklyImprovement,
  TWeeklyNotesChange,
} from '@hamkke/core';
import {
  and,
  asc,
  between as dateBetween,
  desc,
  eq,
  gte,
  inArray,
  lt,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import { db } from '../db/current.js';
import { auditLog, deployments, improvements, organizations, tickets, users } from '../db/schema.js';
import { computeMetric } from '../improvements/compute-metric.js';
import { RECURRING_RULE, recurringGroups } from '../similar/recurring-rule.js';
import { sharedWords } from '../similar/similar-tokens.js';
import { between, organizationNames } from './pack-tickets.js';
import { inWeek, type TWeekRange } from './week-range.js';

const DAY_MS = 86_400_000;

async function peopleNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/**
 * The recurring-incident groups (similar/recurring-rule.ts) with an incident created in the week,
 * grouped over the incidents of the week and the two rule windows before it; largest first.
 */
export async function recurringProblems(r: TWeekRange): Promise<TProblemCandidate[]> {
  const since = new Date(r.start.getTime() - 2 * RECURRING_RULE.WINDOW_DAYS * DAY_MS);
  const incidents = await db
    .select({
      id: tickets.id,
      organizationId: tickets.organizationId,
      number: tickets.number,
      title: tickets.title,
      description: tickets.description,
      status: tickets.status,
      systemId: tickets.systemId,
      module: tickets.module,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .where(and(eq(tickets.type, 'incident'), gte(tickets.createdAt, since), lt(tickets.createdAt, r.end)))
    // The newest first, so a busy stretch keeps the week's own incidents.
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(5_000);
  const groups = recurringGroups(incidents).filter((g) => g.incidents.some((i) => inWeek(i.createdAt, r)));
  const names = await organizationNames(groups.map((g) => g.incidents[0]!.organizationId));
  return groups
    .sort((a, b) => b.incidents.length - a.incidents.length)
    .map((g) => {
      const first = g.incidents[0]!;
      return {
        organizationId: first.organizationId,
        organizationName: names.get(first.organizationId) ?? '',
        sharedBy: g.sharedBy,
        systemId: g.sharedBy === 'system' ? first.systemId : null,
        module: (g.incidents.find((i) => i.module)?.module ?? null) as TSapModule | null,
        sharedWords: sharedWords(g.incidents.map((i) => i.title).join('\n'), g.sharedTokens),
        firstAt: first.createdAt.toISOString(),
        lastAt: g.incidents.at(-1)!.createdAt.toISOString(),
        tickets: g.incidents.map((i) => ({
          id: i.id,
          number: i.number,
          title: i.title,
          status: i.status,
          createdAt: i.createdAt.toISOString(),
        })),
      };
    });
}

const notesOf = (snapshot: unknown): string | null => {
  const notes = (snapshot as { specialNotes?: unknown } | null)?.specialNotes;
  return typeof notes === 'string' ? notes : null;
};

/** Changes of customers' special notes in the week, from the audit log (the customer page's history). */
export async function notesChanges(r: TWeekRange): Promise<TWeeklyNotesChange[]> {
  const rows = await db
    .select({ a: auditLog, orgName: organizations.name })
    .from(auditLog)
    .innerJoin(organizations, sql`${organizations.id}::text = ${auditLog.entityId}`)
    .where(
      and(
        eq(auditLog.entityType, 'organization'),
        eq(auditLog.action, 'update'),
        between(auditLog.createdAt, r),
      ),
    )
    .orderBy(asc(auditLog.id));
  const changed = rows.filter((row) => notesOf(row.a.before) !== notesOf(row.a.after));
  const names = await peopleNames(changed.map((row) => row.a.actorId));
  return changed.map(({ a, orgName }) => ({
    organization: { id: a.entityId!, name: orgName },
    at: a.createdAt.toISOString(),
    by: a.actorId ? { id: a.actorId, name: names.get(a.actorId) ?? '' } : null,
    before: notesOf(a.before) ?? '',
    after: notesOf(a.after) ?? '',
  }));
}

/** Deployments starting or ending within the week's Seoul days. */
export async function weekDeployments(r: TWeekRange) {
  const rows = await db
    .select()
    .from(deployments)
    .where(
      or(
        dateBetween(deployments.startsOn, r.monday, r.sunday),
        dateBetween(deployments.endsOn, r.monday, r.sunday),
      ),
    )
    .orderBy(asc(deployments.startsOn), asc(deployments.id));
  const [people, orgs] = await Promise.all([
    peopleNames(rows.map((d) => d.userId)),
    organizationNames(rows.map((d) => d.organizationId).filter((id): id is string => !!id)),
  ]);
  const present = (d: (typeof rows)[number]): TWeeklyDeployment => ({
    id: d.id,
    person: { id: d.userId, name: people.get(d.userId) ?? '' },
    project: d.project,
    organization: d.organizationId ? { id: d.organizationId, name: orgs.get(d.organizationId) ?? '' } : null,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    sharePercent: d.sharePercent,
  });
  const within = (day: string) => day >= r.monday && day <= r.sunday;
  return {
    starting: rows.filter((d) => within(d.startsOn)).map(present),
    ending: rows.filter((d) => within(d.endsOn)).map(present),
  };
}

type TSnapshot = { status?: string } | null;

/**
 * Improvement items open at the week's end or whose status moved in the week (moves from the audit
 * log), with the value measured: the stored after value once done, else (measuring) the metric from
 * `measureFrom` to the week's Sunday.
 */
export async function weekImprovements(r: TWeekRange): Promise<TWeeklyImprovement[]> {
  const moves = await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'improvement'),
        eq(auditLog.action, 'update'),
        between(auditLog.createdAt, r),
      ),
    )
    .orderBy(asc(auditLog.id));
  const statusMoves = moves.filter(
    (m) =>
      (m.before as TSnapshot)?.status && (m.before as TSnapshot)?.status !== (m.after as TSnapshot)?.status,
  );
  const movedIds = [...new Set(statusMoves.map((m) => m.entityId!))];
  const rows = await db
    .select()
    .from(improvements)
    .where(
      and(
        lt(improvements.createdAt, r.end),
        or(
          notInArray(improvements.status, ['done', 'dropped']),
          movedIds.length ? inArray(improvements.id, movedIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(improvements.createdAt))
    .limit(500);
  const names = await peopleNames([...rows.map((i) => i.ownerId), ...statusMoves.map((m) => m.actorId)]);
  const ref = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const out: TWeeklyImprovement[] = [];
  for (const i of rows) {
    let measuredValue = i.afterValue;
    if (i.status === 'measuring' && i.metric && i.measureFrom && i.measureFrom <= r.sunday) {
      const to = i.measureTo && i.measureTo < r.sunday ? i.measureTo : r.sunday;
      measuredValue = (await computeMetric(db, i.metric, { from: i.measureFrom, to })).value;
    }
    out.push({
      id: i.id,
      title: i.title,
      kind: i.kind,
      origin: i.origin,
      owner: ref(i.ownerId),
      status: i.status,
      statusChanges: statusMoves
        .filter((m) => m.entityId === i.id)
        .map((m) => ({
          at: m.createdAt.toISOString(),
          by: ref(m.actorId),
          from: String((m.before as TSnapshot)?.status),
          to: String((m.after as TSnapshot)?.status),
        })),
      metric: i.metric?.kind ?? null,
      baselineValue: i.baselineValue,
      targetValue: i.targetValue,
      measuredValue,
    });
  }
  return out;
}
