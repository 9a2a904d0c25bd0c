import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { addDays, seoulToday } from './iso-week.js';
import { makeDeployment, makePrimaryAgent, makeTeam, makeTicketRow } from './teams.fixtures.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

describe('deployments', () => {
  it('puts a person on a project and shows it on the calendar of who is where', async () => {
    const w = await makeWorld();
    const kim = await makeUser('agent', null, { name: '김투입' });
    const res = await as(w.manager).post('/team/deployments', {
      userId: kim.id,
      project: 'S/4HANA 전환',
      organizationId: w.org.id,
      startsOn: '2027-01-04',
      endsOn: '2027-03-31',
      sharePercent: 60,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({
      person: { id: kim.id, name: '김투입' },
      organization: { id: w.org.id },
      sharePercent: 60,
    });
    const calendar = await as(w.viewer).get(
      `/team/deployments?from=2027-03-01&to=2027-03-31&userId=${kim.id}`,
    );
    expect(calendar.data.items.map((d: { id: string }) => d.id)).toEqual([res.data.id]);
    expect(
      (await as(w.viewer).get(`/team/deployments?from=2027-04-01&to=2027-04-30&userId=${kim.id}`)).data.items,
    ).toEqual([]);

    const tooMuch = await as(w.manager).post('/team/deployments', {
      userId: kim.id,
      project: '추가 프로젝트',
      startsOn: '2027-03-01',
      endsOn: '2027-05-31',
      sharePercent: 50,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.data.errors[0].path).toBe('sharePercent');
    const backwards = await as(w.manager).patch(`/team/deployments/${res.data.id}`, { endsOn: '2026-12-31' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.data.errors[0].path).toBe('endsOn');
    expect(
      (
        await as(w.agent).post('/team/deployments', {
          userId: kim.id,
          project: 'x',
          startsOn: '2027-01-01',
          endsOn: '2027-01-02',
          sharePercent: 10,
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(w.manager).delete(`/team/deployments/${res.data.id}`)).statusCode).toBe(204);
  });

  it('takes no new tickets from someone deployed full-time, and halves the time of someone half on a project', async () => {
    const org = await makeOrganization();
    const [creator, full, half, other] = await Promise.all([
      makeUser('agent'),
      makeUser('agent', null, { name: '전일투입' }),
      makeUser('agent', null, { name: '반투입' }),
      makeUser('agent', null, { name: '상주' }),
    ]);
    const today = seoulToday();
    await makeDeployment(full.id, addDays(today, -3), addDays(today, 30), 100);
    await makeDeployment(half.id, today, today, 50);
    await makePrimaryAgent(org.id, full.id);
    await makeTeam({ organizationIds: [org.id], memberIds: [full.id, half.id, other.id] });
    // half: load 2 at half time (score 4); other: load 3 (score 3).
    await makeTicketRow(org, { assigneeId: half.id, priority: 'P3' });
    await makeTicketRow(org, { assigneeId: other.id, priority: 'P2' });
    const res = await as(creator).post('/tickets', { organizationId: org.id, title: 'VF01 청구 오류' });
    expect(res.data.assignee.id).toBe(other.id);
    const timeline = await as(creator).get(`/tickets/${res.data.id}/timeline`);
    const explanation = timeline.data.items[1].changes.find(
      (c: { field: string }) => c.field === 'assignment',
    ).to;
    expect(explanation.reason.ko).toContain('전일투입(프로젝트 투입)');
    expect(explanation.candidates).toEqual([
      expect.objectContaining({ id: other.id, score: 3, deployedPercent: 0 }),
      expect.objectContaining({ id: half.id, score: 4, deployedPercent: 50 }),
    ]);
    const load = await as(creator).get('/team/load');
    const halfLoad = load.data.items.find((i: { user: { id: string } }) => i.user.id === half.id);
    expect(halfLoad.deployedPercent).toBe(50);
  });

  it('lists what the deployed person hands over: open tickets and their customers’ special notes', async () => {
    const w = await makeWorld();
    const kim = await makeUser('agent');
    const slotOrg = await makeOrganization({ specialNotes: '분기 마감 주간 변경 금지' });
    await makePrimaryAgent(slotOrg.id, kim.id, 'SD');
    const open = await makeTicketRow(w.org, { assigneeId: kim.id, priority: 'P2', title: 'MM 재고 불일치' });
    await makeTicketRow(w.org, { assigneeId: kim.id, status: 'closed' });
    const deployment = await makeDeployment(kim.id, '2027-01-04', '2027-02-26', 100);
    const res = await as(w.manager).get(`/team/deployments/${deployment.id}/handover`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.tickets).toEqual([
      {
        id: open.id,
        number: open.number,
        title: 'MM 재고 불일치',
        status: 'open',
        priority: 'P2',
        organization: { id: w.org.id, name: w.org.name },
      },
    ]);
    const byId = new Map(res.data.customers.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(w.org.id)).toMatchObject({ specialNotes: w.org.specialNotes, primaryAgentModules: [] });
    expect(byId.get(slotOrg.id)).toMatchObject({
      specialNotes: '분기 마감 주간 변경 금지',
      primaryAgentModules: ['SD'],
    });
    expect((await as(w.customer).get(`/team/deployments/${deployment.id}/handover`)).statusCode).toBe(403);
  });
});

describe('handover', () => {
  it('hands an open ticket to a colleague with a note, on the timeline, and the colleague acknowledges it', async () => {
    const w = await makeWorld();
    const [kim, lee] = await Promise.all([
      makeUser('agent', null, { name: '김인계' }),
      makeUser('agent', null, { name: '이인수' }),
    ]);
    const ticket = await makeTicketRow(w.org, { assigneeId: kim.id, priority: 'P2' });
    const closed = await makeTicketRow(w.org, { assigneeId: kim.id, status: 'closed' });
    const deployment = await makeDeployment(kim.id, '2027-01-04', '2027-02-26', 100);
    const url = `/team/deployments/${deployment.id}/handover-items`;
    const note = '고객 담당자 박 과장, 월말 전 이관 필요';
    const res = await as(kim).post(url, { ticketId: ticket.id, toUserId: lee.id, note });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({
      from: { id: kim.id, name: '김인계' },
      to: { id: lee.id, name: '이인수' },
      note,
      acknowledgedAt: null,
    });
    const view = await as(w.manager).get(`/tickets/${ticket.id}`);
    expect(view.data.assignee.id).toBe(lee.id);
    const timeline = await as(w.manager).get(`/tickets/${ticket.id}/timeline`);
    const last = timeline.data.items.at(-1);
    expect(last.visibility).toBe('internal');
    expect(last.changes).toContainEqual({
      field: 'assignee',
      from: { id: kim.id, name: '김인계' },
      to: { id: lee.id, name: '이인수' },
    });
    expect(JSON.stringify(last.changes)).toContain(note);

    const again = await as(kim).post(url, { ticketId: ticket.id, toUserId: lee.id, note });
    expect(again.statusCode).toBe(409);
    expect(again.data.errors[0].path).toBe('ticketId');
    expect((await as(kim).post(url, { ticketId: closed.id, toUserId: lee.id, note })).statusCode).toBe(409);
    expect((await as(w.agent).post(url, { ticketId: ticket.id, toUserId: lee.id, note })).statusCode).toBe(
      403,
    );

    const pending = await as(lee).get(`/team/handover-items?toUserId=${lee.id}&isPending=true`);
    expect(pending.data.items.map((i: { id: string }) => i.id)).toEqual([res.data.id]);
    expect((await as(kim).post(`/team/handover-items/${res.data.id}/acknowledge`)).statusCode).toBe(403);
    const ack = await as(lee).post(`/team/handover-items/${res.data.id}/acknowledge`);
    expect(ack.data.acknowledgedAt).not.toBeNull();
    expect((await as(lee).get(`/team/handover-items?toUserId=${lee.id}&isPending=true`)).data.items).toEqual(
      [],
    );
  });
});
