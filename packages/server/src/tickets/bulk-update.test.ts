import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeScene } from '../test/scene.js';

const app = useApp();

describe('POST /tickets/bulk', () => {
  it('assigns several tickets at once, each answered on its own', async () => {
    const s = await makeScene(app);
    const agent = client(app, { cookie: s.agent.cookie });
    const second = await agent.post('/tickets', { organizationId: s.org.id, title: 'VL02N 출고 오류' });
    const res = await agent.post('/tickets/bulk', {
      ids: [s.ticket.id, second.data.id],
      change: { assigneeId: s.staffMember.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.items).toEqual([
      { id: s.ticket.id, isOk: true, number: s.ticket.number, problem: null },
      { id: second.data.id, isOk: true, number: second.data.number, problem: null },
    ]);
    for (const id of [s.ticket.id, second.data.id])
      expect((await agent.get(`/tickets/${id}`)).data.assignee.id).toBe(s.staffMember.id);
  });

  it('leaves a ticket that refuses the change as it was and says why, in Korean, while the others change', async () => {
    const s = await makeScene(app);
    const agent = client(app, { cookie: s.agent.cookie });
    const closed = await agent.post('/tickets', { organizationId: s.org.id, title: 'MIRO 송장 오류' });
    expect((await agent.patch(`/tickets/${closed.data.id}`, { status: 'cancelled' })).statusCode).toBe(200);
    const res = await agent.post(
      '/tickets/bulk',
      { ids: [s.ticket.id, closed.data.id], change: { status: 'in_progress' } },
      { 'accept-language': 'ko' },
    );
    expect(res.statusCode).toBe(200);
    const [ok, refused] = res.data.items;
    expect(ok).toMatchObject({ id: s.ticket.id, isOk: true });
    expect(refused).toMatchObject({ id: closed.data.id, isOk: false, problem: { status: 409 } });
    expect(refused.problem.detail).toContain('상태를');
    expect((await agent.get(`/tickets/${closed.data.id}`)).data.status).toBe('cancelled');
    expect((await agent.get(`/tickets/${s.ticket.id}`)).data.status).toBe('in_progress');
  });

  it('answers a ticket of no organization it can see as not found, and refuses viewers', async () => {
    const s = await makeScene(app);
    const res = await client(app, { cookie: s.agent.cookie }).post('/tickets/bulk', {
      ids: ['00000000-0000-4000-8000-000000000001'],
      change: { status: 'open' },
    });
    expect(res.data.items[0]).toMatchObject({ isOk: false, problem: { status: 404 } });
    const viewer = await client(app, { cookie: s.viewer.cookie }).post('/tickets/bulk', {
      ids: [s.ticket.id],
      change: { status: 'open' },
    });
    expect(viewer.statusCode).toBe(403);
  });

  it('refuses an empty change and a repeated ticket with 400 naming the field', async () => {
    const s = await makeScene(app);
    const agent = client(app, { cookie: s.agent.cookie });
    const empty = await agent.post('/tickets/bulk', { ids: [s.ticket.id], change: {} });
    expect(empty.statusCode).toBe(400);
    const twice = await agent.post('/tickets/bulk', {
      ids: [s.ticket.id, s.ticket.id],
      change: { status: 'open' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.data.errors[0].path).toBe('ids');
  });
});
