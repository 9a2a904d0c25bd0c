import type { TPerson, TSetAvailability, TSetSkills } from '@hamkke/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, canManage, canWork, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import {
  agentAvailability,
  agentCustomerSkills,
  agentModuleSkills,
  organizations,
  teamMembers,
  teams,
  users,
} from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { checkOrganizations, checkWorkers } from './check-team-references.js';

const PERSON = { en: 'person', ko: '팀원' };
const WORKER_ROLES = ['agent', 'manager', 'admin'] as const;
const seoulToday = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** Whether a person takes new work today (Seoul): not away, or away only up to a past day. */
export function availabilityOf(
  row: { status: 'active' | 'away'; awayUntil: string | null; note: string } | null,
) {
  if (!row) return { status: 'active' as const, awayUntil: null, note: '', isAvailable: true };
  const isAway = row.status === 'away' && (row.awayUntil === null || row.awayUntil >= seoulToday());
  return { status: row.status, awayUntil: row.awayUntil, note: row.note, isAvailable: !isAway };
}

/** The people who work tickets, with teams, skills and availability (everyone when `ids` is omitted). */
export async function loadPeople(tx: TDbOrTx, ids?: string[]): Promise<TPerson[]> {
  const people = await tx
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, [...WORKER_ROLES]),
        eq(users.isActive, true),
        ids ? inArray(users.id, ids) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  if (people.length === 0) return [];
  const personIds = people.map((p) => p.id);
  const [memberships, modules, customers, availability] = await Promise.all([
    tx
      .select({ userId: teamMembers.userId, id: teams.id, name: teams.name })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(inArray(teamMembers.userId, personIds))
      .orderBy(asc(teams.name)),
    tx
      .select()
      .from(agentModuleSkills)
      .where(inArray(agentModuleSkills.userId, personIds))
      .orderBy(asc(agentModuleSkills.module)),
    tx
      .select({
        userId: agentCustomerSkills.userId,
        organizationId: agentCustomerSkills.organizationId,
        name: organizations.name,
        level: agentCustomerSkills.level,
      })
      .from(agentCustomerSkills)
      .innerJoin(organizations, eq(organizations.id, agentCustomerSkills.organizationId))
      .where(inArray(agentCustomerSkills.userId, personIds))
      .orderBy(asc(organizations.name)),
    tx.select().from(agentAvailability).where(inArray(agentAvailability.userId, personIds)),
  ]);
  return people.map((p) => ({
    user: { id: p.id, name: p.name },
    role: p.role,
    teams: memberships.filter((m) => m.userId === p.id).map((m) => ({ id: m.id, name: m.name })),
    modules: modules.filter((m) => m.userId === p.id).map((m) => ({ module: m.module, level: m.level })),
    customers: customers
      .filter((c) => c.userId === p.id)
      .map((c) => ({ organizationId: c.organizationId, name: c.name, level: c.level })),
    availability: availabilityOf(availability.find((a) => a.userId === p.id) ?? null),
  }));
}

/** Staff read who knows what and who is away. */
export async function listPeople(actor: TActor): Promise<TPerson[]> {
  assert(isStaff(actor));
  return loadPeople(db);
}

async function personOf(tx: TDbOrTx, userId: string): Promise<TPerson> {
  const [person] = await loadPeople(tx, [userId]);
  if (!person) throw new NotFound(PERSON);
  return person;
}

export async function getPerson(actor: TActor, userId: string): Promise<TPerson> {
  assert(isStaff(actor));
  return personOf(db, userId);
}

/** A manager records the modules and customers a person knows; the lists replace the old ones. */
export async function setSkills(actor: TActor, userId: string, input: TSetSkills): Promise<TPerson> {
  assert(canManage(actor));
  const modules = new Set(input.modules.map((m) => m.module));
  if (modules.size !== input.modules.length)
    throw new Invalid('modules', { en: 'Each module once', ko: '모듈은 한 번씩만 지정할 수 있습니다' });
  const customers = new Set(input.customers.map((c) => c.organizationId));
  if (customers.size !== input.customers.length)
    throw new Invalid('customers', { en: 'Each customer once', ko: '고객사는 한 번씩만 지정할 수 있습니다' });
  return db.transaction(async (tx) => {
    const before = await personOf(tx, userId);
    await checkOrganizations(tx, 'customers', [...customers]);
    await tx.delete(agentModuleSkills).where(eq(agentModuleSkills.userId, userId));
    await tx.delete(agentCustomerSkills).where(eq(agentCustomerSkills.userId, userId));
    if (input.modules.length)
      await tx.insert(agentModuleSkills).values(input.modules.map((m) => ({ userId, ...m })));
    if (input.customers.length)
      await tx.insert(agentCustomerSkills).values(input.customers.map((c) => ({ userId, ...c })));
    const after = await personOf(tx, userId);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'agent_skills',
      entityId: userId,
      before: { modules: before.modules, customers: before.customers },
      after: { modules: after.modules, customers: after.customers },
    });
    return after;
  });
}

/** A manager, or the person themselves, records that they are away (until a day) or back. */
export async function setAvailability(
  actor: TActor,
  userId: string,
  input: TSetAvailability,
): Promise<TPerson> {
  assert(canManage(actor) || (canWork(actor) && actor.userId === userId));
  if (input.status === 'active' && input.awayUntil !== null) {
    throw new Invalid('awayUntil', {
      en: 'awayUntil is only for status away',
      ko: 'awayUntil은 부재(away) 상태에만 지정할 수 있습니다',
    });
  }
  return db.transaction(async (tx) => {
    await checkWorkers(tx, 'userId', [userId]).catch(() => {
      throw new NotFound(PERSON);
    });
    const before = await personOf(tx, userId);
    const values = { userId, ...input, updatedAt: new Date() };
    await tx
      .insert(agentAvailability)
      .values(values)
      .onConflictDoUpdate({
        target: agentAvailability.userId,
        set: { status: input.status, awayUntil: input.awayUntil, note: input.note, updatedAt: sql`now()` },
      });
    const after = await personOf(tx, userId);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'agent_availability',
      entityId: userId,
      before: before.availability,
      after: after.availability,
    });
    return after;
  });
}
