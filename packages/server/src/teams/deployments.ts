import type {
  TCreateDeployment,
  TDeployment,
  TDeploymentQuery,
  THandover,
  TUpdateDeployment,
} from '@hamkke/core';
import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx, TTx } from '../db/database.js';
import { deployments, organizations, primaryAgents, tickets, users } from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { upcomingInspectionsOf } from '../inspections/person-schedules.js';
import { checkOrganizations, checkWorkers } from './check-team-references.js';

const DEPLOYMENT = { en: 'deployment', ko: '프로젝트 투입' };
const OPEN = ['new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor'];
type TRow = typeof deployments.$inferSelect;

async function present(tx: TDbOrTx, rows: TRow[]): Promise<TDeployment[]> {
  if (rows.length === 0) return [];
  const people = alias(users, 'people');
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const orgIds = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => Boolean(id)))];
  const names = new Map(
    (
      await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, userIds))
    ).map((u) => [u.id, u.name]),
  );
  const orgs = orgIds.length
    ? new Map(
        (
          await tx
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(inArray(organizations.id, orgIds))
        ).map((o) => [o.id, o.name]),
      )
    : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id,
    person: { id: r.userId, name: names.get(r.userId) ?? '' },
    project: r.project,
    organization: r.organizationId ? { id: r.organizationId, name: orgs.get(r.organizationId) ?? '' } : null,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    sharePercent: r.sharePercent,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The calendar of who is where: deployments overlapping `from`–`to`. Staff read it. */
export async function listDeployments(actor: TActor, query: TDeploymentQuery): Promise<TDeployment[]> {
  assert(isStaff(actor));
  if (query.to < query.from)
    throw new Invalid(
      'to',
      { en: 'to must not be before from', ko: 'to는 from보다 앞설 수 없습니다' },
      'query',
    );
  const rows = await db
    .select()
    .from(deployments)
    .where(
      and(
        lte(deployments.startsOn, query.to),
        gte(deployments.endsOn, query.from),
        query.userId ? eq(deployments.userId, query.userId) : undefined,
      ),
    )
    .orderBy(asc(deployments.startsOn), asc(deployments.id));
  return present(db, rows);
}

async function getRow(tx: TDbOrTx, id: string, lock = false): Promise<TRow> {
  const query = tx.select().from(deployments).where(eq(deployments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFound(DEPLOYMENT);
  return row;
}

/** The period must be in order, and the person's deployments overlapping it may not exceed all their time. */
async function checkDeployment(
  tx: TTx,
  d: Omit<TRow, 'id' | 'createdAt' | 'updatedAt' | 'createdById'>,
  id?: string,
) {
  if (d.endsOn < d.startsOn)
    throw new Invalid('endsOn', {
      en: 'endsOn must not be before startsOn',
      ko: 'endsOn은 startsOn보다 앞설 수 없습니다',
    });
  // Serializes deployments of one person, so two at once cannot together pass 100%.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('deployments:' || ${d.userId}))`);
  const [other] = await tx
    .select({ share: sql<number>`coalesce(sum(${deployments.sharePercent}), 0)::int` })
    .from(deployments)
    .where(
      and(
        eq(deployments.userId, d.userId),
        lte(deployments.startsOn, d.endsOn),
        gte(deployments.endsOn, d.startsOn),
        id ? ne(deployments.id, id) : undefined,
      ),
    );
  if ((other?.share ?? 0) + d.sharePercent > 100) {
    throw new Invalid('sharePercent', {
      en: `With the deployments overlapping this period (${other!.share}%), the share would pass 100%`,
      ko: `기간이 겹치는 다른 투입(${other!.share}%)과 합쳐 100%를 넘을 수 없습니다`,
    });
  }
}

/** A manager puts a person on a project for a period at a share of their time. */
export async function createDeployment(actor: TActor, input: TCreateDeployment): Promise<TDeployment> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    await checkWorkers(tx, 'userId', [input.userId]);
    if (input.organizationId) await checkOrganizations(tx, 'organizationId', [input.organizationId]);
    await checkDeployment(tx, input);
    const [row] = await tx
      .insert(deployments)
      .values({ ...input, createdById: actor.userId })
      .returning();
    const [after] = await present(tx, [row!]);
    await recordAudit(tx, actor, { action: 'create', entityType: 'deployment', entityId: row!.id, after });
    return after!;
  });
}

export async function updateDeployment(
  actor: TActor,
  id: string,
  input: TUpdateDeployment,
): Promise<TDeployment> {
  assert(canManage(actor));
  return db.transaction(async (tx) => {
    const before = await getRow(tx, id, true);
    if (input.organizationId) await checkOrganizations(tx, 'organizationId', [input.organizationId]);
    const next = { ...before, ...input };
    await checkDeployment(tx, next, id);
    const [row] = await tx
      .update(deployments)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(deployments.id, id))
      .returning();
    const [after] = await present(tx, [row!]);
    await recordAudit(tx, actor, { action: 'update', entityType: 'deployment', entityId: id, before, after });
    return after!;
  });
}

export async function deleteDeployment(actor: TActor, id: string): Promise<void> {
  assert(canManage(actor));
  await db.transaction(async (tx) => {
    const before = await getRow(tx, id, true);
    await tx.delete(deployments).where(eq(deployments.id, id));
    await recordAudit(tx, actor, { action: 'delete', entityType: 'deployment', entityId: id, before });
  });
}

/**
 * What the deployed person hands over: their open tickets, for each customer of those tickets or
 * whose primary agent they are the special notes, and the inspections their schedules will create
 * during the deployment (hand over tickets and schedules with POST …/handover-items).
 */
export async function handoverOf(actor: TActor, id: string): Promise<THandover> {
  assert(isStaff(actor));
  const row = await getRow(db, id);
  const [deployment] = await present(db, [row]);
  const open = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      priority: tickets.priority,
      orgId: organizations.id,
      orgName: organizations.name,
    })
    .from(tickets)
    .innerJoin(organizations, eq(organizations.id, tickets.organizationId))
    .where(and(eq(tickets.assigneeId, row.userId), inArray(tickets.status, OPEN)))
    .orderBy(asc(tickets.priority), asc(tickets.createdAt))
    .limit(1000);
  const slots = await db
    .select({ organizationId: primaryAgents.organizationId, module: primaryAgents.module })
    .from(primaryAgents)
    .where(eq(primaryAgents.userId, row.userId));
  const orgIds = [...new Set([...open.map((t) => t.orgId), ...slots.map((s) => s.organizationId)])];
  const orgs = orgIds.length
    ? await db
        .select({ id: organizations.id, name: organizations.name, specialNotes: organizations.specialNotes })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
        .orderBy(asc(organizations.name))
    : [];
  return {
    deployment: deployment!,
    tickets: open.map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      status: t.status,
      priority: t.priority,
      organization: { id: t.orgId, name: t.orgName },
    })),
    customers: orgs.map((o) => ({
      ...o,
      primaryAgentModules: slots.filter((s) => s.organizationId === o.id).map((s) => s.module),
    })),
    inspections: await upcomingInspectionsOf(row.userId, row.startsOn, row.endsOn),
  };
}
