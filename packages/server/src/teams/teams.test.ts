import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { auditLog } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { addDays, isoWeekOf, mondayOf, seoulToday } from './iso-week.js';
import { makeAway, makeTeam, makeTicketRow, makeTimeEntry } from './teams.fixtures.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

describe('teams', () => {
  it('lets a manager form a team that staff read, and audits it', async () => {
    const w = await makeWorld();
    const [kim, lee] = await Promise.all([makeUser('agent', null, { name: '김팀원' }), makeUser('agent')]);
    const created = await as(w.manager).post('/teams', {
      name: `SCM팀 ${w.org.code}`,
      leadId: kim.id,
      memberIds: [kim.id, lee.id],
      organizationIds: [w.org.id],
      modules: ['MM', 'SD'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({
      lead: { id: kim.id, name: '김팀원' },
      modules: ['MM', 'SD'],
      isAutoAssign: true,
    });
    expect(created.data.members.map((m: { id: string }) => m.id).sort()).toEqual([kim.id, lee.id].sort());
    const read = await as(w.viewer).get(`/teams/${created.data.id}`);
    expect(read.statusCode).toBe(200);
    const patched = await as(w.manager).patch(`/teams/${created.data.id}`, {
      memberIds: [lee.id],
      isAutoAssign: false,
    });
    expect(patched.data.members).toEqual([{ id: lee.id, name: lee.name }]);
    expect(patched.data.isAutoAssign).toBe(false);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'team'), eq(auditLog.entityId, created.data.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect((await as(w.agent).patch(`/teams/${created.data.id}`, { name: '바꿈' })).statusCode).toBe(403);
    expect((await as(w.customer).get('/teams')).statusCode).toBe(403);
  });

  it('names the field when a team is given a customer user, an unknown organization or a taken name', async () => {
    const w = await makeWorld();
    const bad = await as(w.manager).post('/teams', { name: `X${w.org.code}`, memberIds: [w.customer.id] });
    expect(bad.statusCode).toBe(422);
    expect(bad.data.errors[0].path).toBe('memberIds');
    const unknownOrg = await as(w.manager).post('/teams', {
      name: `Y${w.org.code}`,
      organizationIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownOrg.data.errors[0].path).toBe('organizationIds');
    const ko = await as(w.manager).post('/teams', { name: `Z${w.org.code}`, modules: ['XX'] });
    expect(ko.statusCode).toBe(400);
    await as(w.manager).post('/teams', { name: `T${w.org.code}` });
    const taken = await as(w.manager).post('/teams', { name: `T${w.org.code}` });
    expect(taken.statusCode).toBe(409);
    expect(taken.data.errors[0].path).toBe('name');
  });

  it('records skills, availability and primary agents', async () => {
    const w = await makeWorld();
    const kim = await makeUser('agent', null, { name: '김숙련' });
    const skills = await as(w.manager).put(`/team/people/${kim.id}/skills`, {
      modules: [
        { module: 'MM', level: 3 },
        { module: 'FI', level: 1 },
      ],
      customers: [{ organizationId: w.org.id, level: 2 }],
    });
    expect(skills.statusCode, skills.body).toBe(200);
    expect(skills.data.modules).toEqual([
      { module: 'FI', level: 1 },
      { module: 'MM', level: 3 },
    ]);
    expect(skills.data.customers).toEqual([{ organizationId: w.org.id, name: w.org.name, level: 2 }]);
    const level4 = await as(w.manager).put(`/team/people/${kim.id}/skills`, {
      modules: [{ module: 'MM', level: 4 }],
      customers: [],
    });
    expect(level4.statusCode).toBe(400);
    expect(level4.body).toContain('modules');
    // The person themselves may say they are away; another agent may not.
    const away = await as(kim).put(`/team/people/${kim.id}/availability`, {
      status: 'away',
      awayUntil: '2999-01-01',
      note: '교육',
    });
    expect(away.data.availability).toEqual({
      status: 'away',
      awayUntil: '2999-01-01',
      note: '교육',
      isAvailable: false,
    });
    expect(
      (await as(w.agent).put(`/team/people/${kim.id}/availability`, { status: 'active' })).statusCode,
    ).toBe(403);
    const wrong = await as(w.manager).put(`/team/people/${kim.id}/availability`, {
      status: 'active',
      awayUntil: '2999-01-01',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.data.errors[0].path).toBe('awayUntil');

    const primary = await as(w.manager).put('/team/primary-agents', {
      organizationId: w.org.id,
      module: 'MM',
      userId: kim.id,
    });
    expect(primary.statusCode, primary.body).toBe(200);
    const replaced = await as(w.manager).put('/team/primary-agents', {
      organizationId: w.org.id,
      module: 'MM',
      userId: w.agent.id,
    });
    const list = await as(w.viewer).get(`/team/primary-agents?organizationId=${w.org.id}`);
    expect(list.data.items).toEqual([replaced.data]);
    expect((await as(w.manager).delete(`/team/primary-agents/${replaced.data.id}`)).statusCode).toBe(204);
    expect((await as(w.viewer).get(`/team/primary-agents?organizationId=${w.org.id}`)).data.items).toEqual(
      [],
    );
  });
});

describe('GET /team/load', () => {
  it("shows each member's open tickets weighted by priority, hours this week and availability", async () => {
    const org = await makeOrganization();
    const [kim, lee, viewer, customer] = await Promise.all([
      makeUser('agent', null, { name: '가김' }),
      makeUser('agent', null, { name: '나이' }),
      makeUser('viewer'),
      makeUser('customer', org.id),
    ]);
    const team = await makeTeam({ organizationIds: [org.id], memberIds: [kim.id, lee.id] });
    await makeAway(lee.id, null);
    // kim: P1 + P2 + 2×P4 open (4+3+1+1 = 9), a resolved P1 (not counted).
    const open1 = await makeTicketRow(org, { assigneeId: kim.id, priority: 'P1' });
    await makeTicketRow(org, { assigneeId: kim.id, priority: 'P2', status: 'in_progress' });
    await makeTicketRow(org, { assigneeId: kim.id, priority: 'P4', status: 'new' });
    await makeTicketRow(org, { assigneeId: kim.id, priority: 'P4', status: 'waiting_vendor' });
    await makeTicketRow(org, { assigneeId: kim.id, priority: 'P1', status: 'resolved' });
    const monday = mondayOf(seoulToday());
    await makeTimeEntry(open1.id, kim.id, monday, 90);
    await makeTimeEntry(open1.id, kim.id, addDays(monday, 6), 30, 'B');
    await makeTimeEntry(open1.id, kim.id, addDays(monday, -1), 600);
    const res = await as(viewer).get(`/team/load?teamId=${team.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.weekStart).toBe(monday);
    expect(res.data.items).toEqual([
      {
        user: { id: kim.id, name: '가김' },
        teams: [{ id: team.id, name: team.name }],
        weightedLoad: 9,
        openCount: 4,
        openByPriority: { P1: 1, P2: 1, P3: 0, P4: 2 },
        minutesThisWeek: 120,
        deployedPercent: 0,
        availability: { status: 'active', awayUntil: null, note: '', isAvailable: true },
      },
      {
        user: { id: lee.id, name: '나이' },
        teams: [{ id: team.id, name: team.name }],
        weightedLoad: 0,
        openCount: 0,
        openByPriority: { P1: 0, P2: 0, P3: 0, P4: 0 },
        minutesThisWeek: 0,
        deployedPercent: 0,
        availability: { status: 'away', awayUntil: null, note: '휴가', isAvailable: false },
      },
    ]);
    expect((await as(customer).get('/team/load')).statusCode).toBe(403);
    const empty = await makeTeam({ organizationIds: [org.id], memberIds: [] });
    expect((await as(viewer).get(`/team/load?teamId=${empty.id}`)).data.items).toEqual([]);
    const split = await as(viewer).get(`/team/hours-split?from=2026-11-02&to=2026-11-08&teamId=${empty.id}`);
    expect(split.data.total.totalMinutes).toBe(0);
    expect((await as(viewer).get('/team/load?teamId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('GET /team/hours-split', () => {
  it('splits the team’s minutes into A, B and C per ISO week, with shares', async () => {
    const org = await makeOrganization();
    const [kim, lee, outsider, manager] = await Promise.all([
      makeUser('agent'),
      makeUser('agent'),
      makeUser('agent'),
      makeUser('manager'),
    ]);
    const team = await makeTeam({ organizationIds: [org.id], memberIds: [kim.id, lee.id] });
    const t = await makeTicketRow(org);
    // Week 2026-W45 (Mon 11-02 … Sun 11-08): A 120+60, B 60, C 0.  W46: nothing.  W47 (11-16 … 11-22): C 30, A 90.
    await makeTimeEntry(t.id, kim.id, '2026-11-02', 120, 'A');
    await makeTimeEntry(t.id, lee.id, '2026-11-08', 60, 'A');
    await makeTimeEntry(t.id, kim.id, '2026-11-05', 60, 'B');
    await makeTimeEntry(t.id, lee.id, '2026-11-16', 30, 'C');
    await makeTimeEntry(t.id, kim.id, '2026-11-22', 90, 'A');
    await makeTimeEntry(t.id, kim.id, '2026-11-23', 500, 'A'); // after `to`
    await makeTimeEntry(t.id, outsider.id, '2026-11-03', 999, 'B'); // not in the team
    const res = await as(manager).get(`/team/hours-split?from=2026-11-02&to=2026-11-22&teamId=${team.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.weeks).toEqual([
      {
        week: '2026-W45',
        weekStart: '2026-11-02',
        minutes: { A: 180, B: 60, C: 0 },
        totalMinutes: 240,
        share: { A: 0.75, B: 0.25, C: 0 },
      },
      {
        week: '2026-W46',
        weekStart: '2026-11-09',
        minutes: { A: 0, B: 0, C: 0 },
        totalMinutes: 0,
        share: { A: 0, B: 0, C: 0 },
      },
      {
        week: '2026-W47',
        weekStart: '2026-11-16',
        minutes: { A: 90, B: 0, C: 30 },
        totalMinutes: 120,
        share: { A: 0.75, B: 0, C: 0.25 },
      },
    ]);
    expect(res.data.total).toEqual({
      minutes: { A: 270, B: 60, C: 30 },
      totalMinutes: 360,
      share: { A: 0.75, B: 0.1667, C: 0.0833 },
    });
    const backwards = await as(manager).get('/team/hours-split?from=2026-11-22&to=2026-11-02');
    expect(backwards.statusCode).toBe(422);
    expect(backwards.data.errors[0]).toMatchObject({ path: 'to', in: 'query' });
  });

  it('labels ISO weeks across a year end', () => {
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });
});
