import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeWorld } from '../test/factories.js';

const app = useApp();

type TItem = {
  id: string;
  kind: string;
  at: string;
  actor: { id: string; name: string } | null;
  visibility: string;
  changes?: { field: string; from: unknown; to: unknown }[];
  comment?: { body: string; visibility: string; author: { id: string } | null };
  timeEntry?: { minutes: number; date: string; billable: boolean; workClass: string; note: string };
};

/** The ticket's timeline as the given person sees it. */
async function timelineOf(cookie: string, ticketId: string): Promise<TItem[]> {
  const res = await client(app, { cookie }).get(`/tickets/${ticketId}/timeline`);
  expect(res.statusCode).toBe(200);
  return res.data.items;
}

const statusChanges = (items: TItem[]) =>
  items.flatMap((i) => (i.changes ?? []).filter((c) => c.field === 'status').map((c) => [c.from, c.to]));

/** A world with one ticket the customer opened and an agent works on. */
async function ticketInWork() {
  const w = await makeWorld();
  const customer = client(app, { cookie: w.customer.cookie });
  const agent = client(app, { cookie: w.agent.cookie });
  const created = await customer.post('/tickets', { title: 'MIRO 송장 전기 오류', module: 'MM' });
  expect(created.statusCode).toBe(201);
  return {
    ...w,
    customerApi: customer,
    agentApi: agent,
    ticket: created.data as { id: string; number: string },
  };
}

describe('ticket timeline', () => {
  it('records replies, notes, time and changes in order, each with actor and time', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    const reply = await w.agentApi.post(`/tickets/${t}/comments`, { body: '확인 중입니다.' });
    expect(reply.statusCode).toBe(201);
    expect(reply.data.visibility).toBe('public');
    expect(reply.data.author).toEqual({ id: w.agent.id, name: w.agent.name });
    const note = await w.agentApi.post(`/tickets/${t}/comments`, {
      body: 'OBYC 계정 결정 누락 의심',
      visibility: 'internal',
    });
    expect(note.statusCode).toBe(201);
    const time = await w.agentApi.post(`/tickets/${t}/time-entries`, {
      minutes: 45,
      date: '2026-03-02',
      billable: false,
      workClass: 'B',
      note: '원인 분석',
    });
    expect(time.statusCode).toBe(201);
    expect(time.data).toMatchObject({ minutes: 45, date: '2026-03-02', billable: false, workClass: 'B' });
    const defaults = await w.agentApi.post(`/tickets/${t}/time-entries`, { minutes: 15, date: '2026-03-03' });
    expect(defaults.data).toMatchObject({ billable: true, workClass: 'A', note: '' });
    const changed = await w.agentApi.patch(`/tickets/${t}`, {
      status: 'in_progress',
      assigneeId: w.agent.id,
    });
    expect(changed.statusCode).toBe(200);

    const items = await timelineOf(w.agent.cookie, t);
    expect(items.map((i) => i.kind)).toEqual([
      'created',
      'comment',
      'comment',
      'time_entry',
      'time_entry',
      'changed',
    ]);
    expect(items[0]!.actor).toEqual({ id: w.customer.id, name: w.customer.name });
    for (const item of items.slice(1)) expect(item.actor).toEqual({ id: w.agent.id, name: w.agent.name });
    const times = items.map((i) => Date.parse(i.at));
    expect(times.every((ms) => Number.isFinite(ms))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    expect(items[1]!.comment).toMatchObject({ body: '확인 중입니다.', visibility: 'public' });
    expect(items[2]!.visibility).toBe('internal');
    expect(items[2]!.comment).toMatchObject({ body: 'OBYC 계정 결정 누락 의심', visibility: 'internal' });
    expect(items[3]!.visibility).toBe('internal');
    expect(items[3]!.timeEntry).toMatchObject({
      minutes: 45,
      date: '2026-03-02',
      billable: false,
      workClass: 'B',
      note: '원인 분석',
    });
    expect(items[5]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'new', to: 'in_progress' },
        { field: 'assignee', from: null, to: { id: w.agent.id, name: w.agent.name } },
      ]),
    );
  });

  it('keeps each work class A, B and C of a time entry', async () => {
    const w = await ticketInWork();
    for (const workClass of ['A', 'B', 'C']) {
      const res = await w.agentApi.post(`/tickets/${w.ticket.id}/time-entries`, {
        minutes: 30,
        date: '2026-03-04',
        workClass,
      });
      expect(res.statusCode).toBe(201);
    }
    const entries = (await timelineOf(w.agent.cookie, w.ticket.id)).filter((i) => i.kind === 'time_entry');
    expect(entries.map((i) => i.timeEntry!.workClass)).toEqual(['A', 'B', 'C']);
    const wrong = await w.agentApi.post(`/tickets/${w.ticket.id}/time-entries`, {
      minutes: 30,
      date: '2026-03-04',
      workClass: 'D',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.data.errors[0].path).toBe('workClass');
  });

  it('hides internal notes, time entries and changes of internal fields from the customer', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    await w.agentApi.post(`/tickets/${t}/comments`, { body: '고객 공개 답변' });
    await w.agentApi.post(`/tickets/${t}/comments`, {
      body: '비공개 메모: 고객 설정 오류',
      visibility: 'internal',
    });
    await w.agentApi.post(`/tickets/${t}/time-entries`, { minutes: 60, date: '2026-03-02' });
    // Internal fields only: the customer must not learn of the change at all.
    await w.agentApi.patch(`/tickets/${t}`, {
      tags: ['월말마감'],
      team: 'FI/CO',
      plannedStart: '2026-03-05T09:00:00+09:00',
      plannedEnd: '2026-03-05T18:00:00+09:00',
    });
    // A mixed change: the customer sees the status, not the tag.
    await w.agentApi.patch(`/tickets/${t}`, { status: 'in_progress', tags: ['월말마감', '긴급'] });

    const staffView = await timelineOf(w.agent.cookie, t);
    expect(staffView.map((i) => i.kind)).toEqual([
      'created',
      'comment',
      'comment',
      'time_entry',
      'changed',
      'changed',
    ]);
    expect(staffView[4]!.visibility).toBe('internal');
    expect(staffView[4]!.changes!.map((c) => c.field).sort()).toEqual(
      ['plannedEnd', 'plannedStart', 'tags', 'team'].sort(),
    );

    const customerView = await timelineOf(w.customer.cookie, t);
    expect(customerView.map((i) => i.kind)).toEqual(['created', 'comment', 'changed']);
    expect(customerView.every((i) => i.visibility === 'public')).toBe(true);
    expect(customerView[1]!.comment!.body).toBe('고객 공개 답변');
    expect(customerView[2]!.changes).toEqual([{ field: 'status', from: 'new', to: 'in_progress' }]);
    const raw = JSON.stringify(customerView);
    for (const secret of ['비공개 메모', '월말마감', 'FI/CO', 'timeEntry', 'plannedStart']) {
      expect(raw).not.toContain(secret);
    }
  });

  it('lets no customer write an internal note or log time', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    const note = await w.customerApi.post(`/tickets/${t}/comments`, {
      body: '몰래 메모',
      visibility: 'internal',
    });
    expect(note.statusCode).toBe(403);
    expect(note.headers['content-type']).toContain('application/problem+json');
    expect(note.data.detail).toBe('고객은 내부 메모를 작성할 수 없습니다');
    const time = await w.customerApi.post(`/tickets/${t}/time-entries`, { minutes: 30, date: '2026-03-02' });
    expect(time.statusCode).toBe(403);
    const viewerNote = await client(app, { cookie: w.viewer.cookie }).post(`/tickets/${t}/comments`, {
      body: '열람자 메모',
      visibility: 'internal',
    });
    expect(viewerNote.statusCode).toBe(403);
    expect((await timelineOf(w.agent.cookie, t)).map((i) => i.kind)).toEqual(['created']);
  });

  it('moves a waiting ticket back to the team when the customer replies', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    await w.agentApi.patch(`/tickets/${t}`, { status: 'in_progress', assigneeId: w.agent.id });
    await w.agentApi.patch(`/tickets/${t}`, { status: 'waiting_customer' });
    const reply = await w.customerApi.post(`/tickets/${t}/comments`, {
      body: '요청하신 화면 캡처 첨부합니다',
    });
    expect(reply.statusCode).toBe(201);
    expect((await w.customerApi.get(`/tickets/${t}`)).data.status).toBe('in_progress');

    const items = await timelineOf(w.customer.cookie, t);
    const last = items.at(-1)!;
    expect(last.kind).toBe('changed');
    expect(last.actor!.id).toBe(w.customer.id);
    expect(last.changes).toEqual([{ field: 'status', from: 'waiting_customer', to: 'in_progress' }]);
    expect(items.at(-2)!.kind).toBe('comment');
  });

  it('moves an unassigned waiting ticket back to open when the customer replies', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    await w.agentApi.patch(`/tickets/${t}`, { status: 'open' });
    await w.agentApi.patch(`/tickets/${t}`, { status: 'waiting_customer' });
    await w.customerApi.post(`/tickets/${t}/comments`, { body: '답변 드립니다' });
    expect((await w.agentApi.get(`/tickets/${t}`)).data.status).toBe('open');
    expect(statusChanges(await timelineOf(w.agent.cookie, t)).at(-1)).toEqual(['waiting_customer', 'open']);
  });

  it('reopens a resolved ticket when the customer replies', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    await w.agentApi.patch(`/tickets/${t}`, { status: 'in_progress', assigneeId: w.agent.id });
    const resolved = await w.agentApi.patch(`/tickets/${t}`, { status: 'resolved' });
    expect(resolved.data.resolvedAt).not.toBeNull();
    await w.customerApi.post(`/tickets/${t}/comments`, { body: '같은 오류가 다시 발생합니다' });
    const after = await w.customerApi.get(`/tickets/${t}`);
    expect(after.data.status).toBe('open');
    expect(after.data.resolvedAt).toBeNull();
    expect(after.data.version).toBe(resolved.data.version + 1);
    expect(statusChanges(await timelineOf(w.customer.cookie, t)).at(-1)).toEqual(['resolved', 'open']);
  });

  it('leaves the status alone when staff reply to a waiting ticket', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    await w.agentApi.patch(`/tickets/${t}`, { status: 'in_progress' });
    await w.agentApi.patch(`/tickets/${t}`, { status: 'waiting_customer' });
    await w.agentApi.post(`/tickets/${t}/comments`, { body: '추가 자료 부탁드립니다' });
    expect((await w.agentApi.get(`/tickets/${t}`)).data.status).toBe('waiting_customer');
  });

  it('refuses a public reply to a closed ticket but still takes an internal note', async () => {
    const w = await ticketInWork();
    const t = w.ticket.id;
    await w.agentApi.patch(`/tickets/${t}`, { status: 'in_progress' });
    await w.agentApi.patch(`/tickets/${t}`, { status: 'resolved' });
    await w.agentApi.patch(`/tickets/${t}`, { status: 'closed' });
    const byCustomer = await w.customerApi.post(`/tickets/${t}/comments`, { body: '추가 문의' });
    expect(byCustomer.statusCode).toBe(409);
    expect(byCustomer.headers['content-type']).toContain('application/problem+json');
    const byAgent = await w.agentApi.post(`/tickets/${t}/comments`, { body: '종료 후 답변' });
    expect(byAgent.statusCode).toBe(409);
    const note = await w.agentApi.post(`/tickets/${t}/comments`, {
      body: '사후 메모',
      visibility: 'internal',
    });
    expect(note.statusCode).toBe(201);
    expect((await w.agentApi.get(`/tickets/${t}`)).data.status).toBe('closed');
    const comments = (await timelineOf(w.agent.cookie, t)).filter((i) => i.kind === 'comment');
    expect(comments.map((i) => i.comment!.body)).toEqual(['사후 메모']);
  });

  it("answers 404 for another organization's timeline", async () => {
    const w = await ticketInWork();
    const other = await makeWorld();
    const res = await client(app, { cookie: other.customer.cookie }).get(`/tickets/${w.ticket.id}/timeline`);
    expect(res.statusCode).toBe(404);
    expect((await client(app).get(`/tickets/${w.ticket.id}/timeline`)).statusCode).toBe(401);
  });
});
