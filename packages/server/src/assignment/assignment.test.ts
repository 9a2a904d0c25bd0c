import { describe, expect, it } from 'vitest';
import {
  makeAway,
  makeCustomerSkill,
  makeModuleSkill,
  makePrimaryAgent,
  makeTeam,
  makeTicketRow,
} from '../teams/teams.fixtures.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, type TTestUser } from '../test/factories.js';

const app = useApp();

type TChange = { field: string; from: unknown; to: unknown };
type TItem = { kind: string; visibility: string; actor: unknown; changes?: TChange[] };

async function world() {
  const org = await makeOrganization();
  const [creator, manager, customer] = await Promise.all([
    makeUser('agent'),
    makeUser('manager'),
    makeUser('customer', org.id),
  ]);
  return { org, creator, manager, customer };
}

/** Opens a ticket as `as`, then reads it and its timeline as the manager. */
async function open(as: TTestUser, reader: TTestUser, body: Record<string, unknown>) {
  const res = await client(app, { cookie: as.cookie }).post('/tickets', { title: 'MIGO 입고 오류', ...body });
  expect(res.statusCode, res.body).toBe(201);
  const timeline = await client(app, { cookie: reader.cookie }).get(`/tickets/${res.data.id}/timeline`);
  const items: TItem[] = timeline.data.items;
  const assignment = items.flatMap((i) => i.changes ?? []).find((c) => c.field === 'assignment')?.to as
    | {
        rule: string;
        assignee: { id: string };
        reason: { ko: string; en: string };
        candidates?: { id: string; weightedLoad: number }[];
      }
    | undefined;
  const ticket = { ...res.data, assigneeId: (res.data.assignee?.id ?? null) as string | null };
  return { ticket, items, assignment };
}

describe('automatic assignment of a new ticket', () => {
  it('leaves the ticket unassigned when no primary agent or team covers the customer', async () => {
    const w = await world();
    const { ticket, items, assignment } = await open(w.creator, w.manager, { organizationId: w.org.id });
    expect(ticket.assigneeId).toBeNull();
    expect(assignment).toBeUndefined();
    expect(items.map((i) => i.kind)).toEqual(['created']);
  });

  it("gives the ticket to the customer's primary agent and explains it on the timeline", async () => {
    const w = await world();
    const kim = await makeUser('agent', null, { name: '김주담' });
    await makePrimaryAgent(w.org.id, kim.id);
    const { ticket, items, assignment } = await open(w.creator, w.manager, { organizationId: w.org.id });
    expect(ticket.assigneeId).toBe(kim.id);
    expect(ticket.assignee).toMatchObject({ id: kim.id, name: '김주담' });
    expect(items.map((i) => i.kind)).toEqual(['created', 'changed']);
    const event = items[1]!;
    expect(event.visibility).toBe('internal');
    expect(event.actor).toBeNull();
    expect(event.changes).toContainEqual({
      field: 'assignee',
      from: null,
      to: { id: kim.id, name: '김주담' },
    });
    expect(assignment?.rule).toBe('primary_agent');
    expect(assignment?.reason.ko).toContain('주 담당자 김주담');
    expect(assignment?.reason.en).toContain("the customer's primary agent");
  });

  it('prefers the primary agent of the ticket’s module over the customer-wide one', async () => {
    const w = await world();
    const [general, mm] = await Promise.all([makeUser('agent'), makeUser('agent')]);
    await makePrimaryAgent(w.org.id, general.id);
    await makePrimaryAgent(w.org.id, mm.id, 'MM');
    expect(
      (await open(w.creator, w.manager, { organizationId: w.org.id, module: 'MM' })).ticket.assigneeId,
    ).toBe(mm.id);
    expect(
      (await open(w.creator, w.manager, { organizationId: w.org.id, module: 'FI' })).ticket.assigneeId,
    ).toBe(general.id);
  });

  it('assigns tickets a customer opens in the portal too', async () => {
    const w = await world();
    const kim = await makeUser('agent');
    await makePrimaryAgent(w.org.id, kim.id);
    const res = await client(app, { cookie: w.customer.cookie }).post('/tickets', { title: 'FB60 오류' });
    expect(res.statusCode).toBe(201);
    const staffView = await client(app, { cookie: w.manager.cookie }).get(`/tickets/${res.data.id}`);
    expect(staffView.data.assignee.id).toBe(kim.id);
    const customerTimeline = await client(app, { cookie: w.customer.cookie }).get(
      `/tickets/${res.data.id}/timeline`,
    );
    expect(customerTimeline.body).not.toContain('assignment');
  });

  it('skips an away primary agent for the team, and says so; back after the away day', async () => {
    const w = await world();
    const [primary, member] = await Promise.all([
      makeUser('agent', null, { name: '박부재' }),
      makeUser('agent', null, { name: '최팀원' }),
    ]);
    await makePrimaryAgent(w.org.id, primary.id);
    await makeAway(primary.id, '2999-12-31');
    const team = await makeTeam({ organizationIds: [w.org.id], memberIds: [member.id] });
    const { ticket, assignment } = await open(w.creator, w.manager, { organizationId: w.org.id });
    expect(ticket.assigneeId).toBe(member.id);
    expect(ticket.team).toBe(team.name);
    expect(assignment?.rule).toBe('team_round_robin');
    expect(assignment?.reason.ko).toContain('박부재(부재)');
    expect(assignment?.reason.en).toContain('Skipped: 박부재 (away)');

    const [returned, other] = await Promise.all([makeUser('agent'), makeOrganization()]);
    await makePrimaryAgent(other.id, returned.id);
    await makeAway(returned.id, '2020-01-31');
    expect((await open(w.creator, w.manager, { organizationId: other.id })).ticket.assigneeId).toBe(
      returned.id,
    );
  });

  it('goes round-robin to the member with the lowest open load weighted by priority', async () => {
    const w = await world();
    const [lee, park, cho] = await Promise.all([
      makeUser('agent', null, { name: '이가중' }),
      makeUser('agent', null, { name: '박가중' }),
      makeUser('agent', null, { name: '조가중' }),
    ]);
    await makeTeam({ organizationIds: [w.org.id], memberIds: [lee.id, park.id, cho.id] });
    // lee: one P1 (4). park: three P4 (3). cho: two P3 (4) and a closed P1 that no longer counts.
    await makeTicketRow(w.org, { assigneeId: lee.id, priority: 'P1' });
    for (let i = 0; i < 3; i++) await makeTicketRow(w.org, { assigneeId: park.id, priority: 'P4' });
    await makeTicketRow(w.org, { assigneeId: cho.id, priority: 'P3' });
    await makeTicketRow(w.org, { assigneeId: cho.id, priority: 'P3', status: 'waiting_customer' });
    await makeTicketRow(w.org, { assigneeId: cho.id, priority: 'P1', status: 'closed' });
    const first = await open(w.creator, w.manager, { organizationId: w.org.id, priority: 'P3' });
    expect(first.ticket.assigneeId).toBe(park.id);
    expect(first.assignment?.candidates?.map((c) => [c.id, c.weightedLoad])).toEqual([
      [park.id, 3],
      [lee.id, 4],
      [cho.id, 4],
    ]);
    expect(first.assignment?.reason.ko).toContain('가중 업무량 3');
    // park now carries 5 (3 + a P3); lee and cho tie at 4: the one who got a ticket least recently wins.
    const second = await open(w.creator, w.manager, { organizationId: w.org.id, priority: 'P4' });
    expect(second.ticket.assigneeId).toBe(lee.id);
    const third = await open(w.creator, w.manager, { organizationId: w.org.id, priority: 'P4' });
    expect(third.ticket.assigneeId).toBe(cho.id);
  });

  it('keeps a module ticket among the members who know the module, and lets a higher level carry more', async () => {
    const w = await world();
    const [novice, expert, outsider] = await Promise.all([
      makeUser('agent', null, { name: '신입' }),
      makeUser('agent', null, { name: '전문가' }),
      makeUser('agent', null, { name: '비전공' }),
    ]);
    await makeTeam({ organizationIds: [w.org.id], memberIds: [novice.id, expert.id, outsider.id] });
    await makeModuleSkill(novice.id, 'MM', 1);
    await makeModuleSkill(expert.id, 'MM', 3);
    // novice load 3 (score 3), expert load 4 at level 3 (capacity 2, score 2), outsider load 0 but no MM.
    for (let i = 0; i < 3; i++) await makeTicketRow(w.org, { assigneeId: novice.id, priority: 'P4' });
    await makeTicketRow(w.org, { assigneeId: expert.id, priority: 'P1' });
    const mm = await open(w.creator, w.manager, { organizationId: w.org.id, module: 'MM' });
    expect(mm.ticket.assigneeId).toBe(expert.id);
    expect(mm.assignment?.reason.ko).toContain('MM 모듈을 아는 팀원 중');
    expect(mm.assignment?.candidates?.map((c) => c.id)).toEqual([expert.id, novice.id]);
    // A module nobody knows: the whole team, and the idle outsider gets it.
    const sd = await open(w.creator, w.manager, { organizationId: w.org.id, module: 'SD' });
    expect(sd.ticket.assigneeId).toBe(outsider.id);
  });

  it('counts knowing the customer as extra capacity', async () => {
    const w = await world();
    const [known, stranger] = await Promise.all([makeUser('agent'), makeUser('agent')]);
    await makeTeam({ organizationIds: [w.org.id], memberIds: [known.id, stranger.id] });
    await makeCustomerSkill(known.id, w.org.id, 3);
    // known: load 3 / capacity 1.75 = 1.71; stranger: load 2 / 1 = 2.
    for (let i = 0; i < 3; i++) await makeTicketRow(w.org, { assigneeId: known.id, priority: 'P4' });
    await makeTicketRow(w.org, { assigneeId: stranger.id, priority: 'P3' });
    expect((await open(w.creator, w.manager, { organizationId: w.org.id })).ticket.assigneeId).toBe(known.id);
  });

  it('skips away and deactivated members, and leaves the ticket unassigned when nobody is available', async () => {
    const w = await world();
    const [away, inactive, present] = await Promise.all([
      makeUser('agent'),
      makeUser('agent', null, { isActive: false }),
      makeUser('agent'),
    ]);
    await makeAway(away.id, null);
    await makeTicketRow(w.org, { assigneeId: present.id, priority: 'P1' });
    await makeTeam({ organizationIds: [w.org.id], memberIds: [away.id, inactive.id, present.id] });
    const { ticket, assignment } = await open(w.creator, w.manager, { organizationId: w.org.id });
    expect(ticket.assigneeId).toBe(present.id);
    expect(assignment?.candidates?.map((c) => c.id)).toEqual([present.id]);

    const other = await makeOrganization();
    await makeTeam({ organizationIds: [other.id], memberIds: [away.id, inactive.id] });
    const empty = await open(w.creator, w.manager, { organizationId: other.id });
    expect(empty.ticket.assigneeId).toBeNull();
    expect(empty.assignment).toBeUndefined();
  });

  it('uses the team that covers the customer and module before the one that covers the customer only', async () => {
    const w = await world();
    const [general, mmPerson] = await Promise.all([makeUser('agent'), makeUser('agent')]);
    await makeTeam({ organizationIds: [w.org.id], memberIds: [general.id] });
    await makeTeam({ organizationIds: [w.org.id], modules: ['MM'], memberIds: [mmPerson.id] });
    await makeTicketRow(w.org, { assigneeId: mmPerson.id, priority: 'P1' });
    expect(
      (await open(w.creator, w.manager, { organizationId: w.org.id, module: 'MM' })).ticket.assigneeId,
    ).toBe(mmPerson.id);
    expect(
      (await open(w.creator, w.manager, { organizationId: w.org.id, module: 'FI' })).ticket.assigneeId,
    ).toBe(general.id);
  });

  it('does nothing for a team whose automatic assignment is paused', async () => {
    const w = await world();
    const member = await makeUser('agent');
    await makeTeam({ organizationIds: [w.org.id], memberIds: [member.id], isAutoAssign: false });
    expect((await open(w.creator, w.manager, { organizationId: w.org.id })).ticket.assigneeId).toBeNull();
  });

  it('runs no rule when the creator names the assignee', async () => {
    const w = await world();
    const [primary, chosen] = await Promise.all([makeUser('agent'), makeUser('agent')]);
    await makePrimaryAgent(w.org.id, primary.id);
    await makeTeam({ organizationIds: [w.org.id], memberIds: [primary.id] });
    const { ticket, items, assignment } = await open(w.creator, w.manager, {
      organizationId: w.org.id,
      assigneeId: chosen.id,
    });
    expect(ticket.assigneeId).toBe(chosen.id);
    expect(ticket.team).toBeNull();
    expect(assignment).toBeUndefined();
    expect(items.map((i) => i.kind)).toEqual(['created']);
  });
});
