import { randomBytes } from 'node:crypto';
import { db } from '../db/current.js';
import {
  agentAvailability,
  agentCustomerSkills,
  agentModuleSkills,
  deployments,
  handoverItems,
  primaryAgents,
  teamMembers,
  teams,
  tickets,
  timeEntries,
} from '../db/schema.js';

const unique = () => randomBytes(4).toString('hex').toUpperCase();

/** A team covering the given organizations (and modules), with members; always name an organization in tests so other tests' tickets are never caught. */
export async function makeTeam(opts: {
  organizationIds: string[];
  memberIds: string[];
  modules?: string[];
  isAutoAssign?: boolean;
  leadId?: string;
}) {
  const [team] = await db
    .insert(teams)
    .values({
      name: `테스트팀 ${unique()}`,
      organizationIds: opts.organizationIds,
      modules: opts.modules ?? [],
      isAutoAssign: opts.isAutoAssign ?? true,
      leadId: opts.leadId ?? null,
    })
    .returning();
  if (opts.memberIds.length)
    await db.insert(teamMembers).values(opts.memberIds.map((userId) => ({ teamId: team!.id, userId })));
  return team!;
}

export async function makePrimaryAgent(organizationId: string, userId: string, module: string | null = null) {
  const [row] = await db.insert(primaryAgents).values({ organizationId, userId, module }).returning();
  return row!;
}

export async function makeModuleSkill(userId: string, module: string, level: number) {
  await db.insert(agentModuleSkills).values({ userId, module, level });
}

export async function makeCustomerSkill(userId: string, organizationId: string, level: number) {
  await db.insert(agentCustomerSkills).values({ userId, organizationId, level });
}

export async function makeAway(userId: string, awayUntil: string | null, note = '휴가') {
  await db.insert(agentAvailability).values({ userId, status: 'away', awayUntil, note });
}

let seq = 0;
/** A ticket written directly (no assignment rules run), with the fields a figure depends on. */
export async function makeTicketRow(
  org: { id: string; code: string },
  overrides: Partial<typeof tickets.$inferInsert> = {},
) {
  seq += 1;
  const [row] = await db
    .insert(tickets)
    .values({
      number: `${org.code}-F${String(seq).padStart(5, '0')}${unique().slice(0, 3)}`,
      organizationId: org.id,
      type: 'inquiry',
      title: '집계용 티켓',
      impact: 'medium',
      urgency: 'medium',
      priority: 'P3',
      status: 'open',
      channel: 'internal',
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeTimeEntry(
  ticketId: string,
  userId: string,
  workDate: string,
  minutes: number,
  workClass: 'A' | 'B' | 'C' = 'A',
) {
  await db.insert(timeEntries).values({ ticketId, userId, workDate, minutes, workClass, billable: true });
}

/** A deployment of a person to a project over `startsOn`–`endsOn`. */
export async function makeDeployment(userId: string, startsOn: string, endsOn: string, sharePercent: number) {
  const [row] = await db
    .insert(deployments)
    .values({ userId, project: 'S/4HANA 전환 프로젝트', startsOn, endsOn, sharePercent })
    .returning();
  return row!;
}

/** A handover item of a fresh deployment of `fromUserId`, handed to `toUserId`, written directly. */
export async function makeHandoverItem(
  org: { id: string; code: string },
  fromUserId: string,
  toUserId: string,
) {
  const deployment = await makeDeployment(fromUserId, '2099-06-01', '2099-06-30', 10);
  const ticket = await makeTicketRow(org, { assigneeId: toUserId });
  const [item] = await db
    .insert(handoverItems)
    .values({ deploymentId: deployment.id, ticketId: ticket.id, fromUserId, toUserId, note: '인수인계 메모' })
    .returning();
  return item!;
}
