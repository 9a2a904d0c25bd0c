import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { improvements, meetingDecisions, tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

async function makeMeeting(w: Awaited<ReturnType<typeof makeWorld>>) {
  const res = await as(w.agent).post('/meetings', {
    week: '2031-W07',
    heldAt: '2031-02-14T09:00:00+09:00',
    attendeeIds: [w.agent.id, w.manager.id, w.viewer.id],
    guests: ['외부 컨설턴트'],
    notes: '## 안건\n- P1 장애 회고',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.data;
}

describe('meeting records', () => {
  it('records a meeting with its attendees and notes, listed by week', async () => {
    const w = await makeWorld();
    const m = await makeMeeting(w);
    expect(m).toMatchObject({
      week: '2031-W07',
      heldAt: '2031-02-14T00:00:00.000Z',
      attendees: [
        { id: w.agent.id, name: w.agent.name },
        { id: w.manager.id, name: w.manager.name },
        { id: w.viewer.id, name: w.viewer.name },
      ],
      guests: ['외부 컨설턴트'],
      notes: '## 안건\n- P1 장애 회고',
      createdBy: { id: w.agent.id },
      decisions: [],
    });
    const list = await as(w.viewer).get('/meetings?week=2031-W07');
    expect(list.data.items.map((i: { id: string }) => i.id)).toContain(m.id);
    expect(
      (await as(w.viewer).get('/meetings?week=2031-W08')).data.items.map((i: { id: string }) => i.id),
    ).not.toContain(m.id);
    expect((await as(w.viewer).get(`/meetings/${m.id}`)).data).toMatchObject({ id: m.id, notes: m.notes });
    // The pack of the week carries it.
    const pack = await as(w.viewer).get('/meetings/weekly?week=2031-W07');
    expect(pack.data.meetings.map((i: { id: string }) => i.id)).toContain(m.id);
  });

  it('corrects the notes and attendees of a saved meeting, keeping its decisions and refusing viewers', async () => {
    const w = await makeWorld();
    const m = await makeMeeting(w);
    const decision = await as(w.manager).post(`/meetings/${m.id}/decisions`, {
      text: '월말 결산 체크리스트를 만든다',
      becomes: 'improvement',
    });
    expect(decision.statusCode, decision.body).toBe(201);
    const fixed = await as(w.manager).patch(`/meetings/${m.id}`, {
      notes: '## 안건\n- P1 장애 회고\n- 결산 준비',
      attendeeIds: [w.manager.id],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.data).toMatchObject({
      notes: '## 안건\n- P1 장애 회고\n- 결산 준비',
      attendees: [{ id: w.manager.id }],
      guests: ['외부 컨설턴트'],
      heldAt: '2031-02-14T00:00:00.000Z',
    });
    expect(fixed.data.decisions).toHaveLength(1);
    expect((await as(w.viewer).get(`/meetings/${m.id}`)).data.notes).toContain('결산 준비');
    expect((await as(w.viewer).patch(`/meetings/${m.id}`, { notes: 'x' })).statusCode).toBe(403);
    const bad = await as(w.manager).patch(`/meetings/${m.id}`, { attendeeIds: [w.customer.id] });
    expect(bad.statusCode).toBe(422);
    expect(bad.data.errors[0].path).toBe('attendeeIds');
    expect((await as(w.viewer).get(`/meetings/${m.id}`)).data.attendees).toHaveLength(1);
    const unknownField = await as(w.manager).patch(`/meetings/${m.id}`, { week: '2031-W08' });
    expect(unknownField.statusCode).toBe(400);
  });

  it('refuses customers as attendees, viewers and customers as writers, and unknown meetings', async () => {
    const w = await makeWorld();
    const body = { week: '2031-W07', heldAt: '2031-02-14T09:00:00+09:00' };
    const badAttendee = await as(w.manager).post('/meetings', { ...body, attendeeIds: [w.customer.id] });
    expect(badAttendee.statusCode).toBe(422);
    expect(badAttendee.data.errors[0].path).toBe('attendeeIds');
    const badWeek = await as(w.manager).post('/meetings', { ...body, week: '2031-7' });
    expect(badWeek.statusCode).toBe(400);
    expect(badWeek.data.errors[0].path).toBe('week');
    expect((await client(app).post('/meetings', body)).statusCode).toBe(401);
    expect((await as(w.viewer).post('/meetings', body)).statusCode).toBe(403);
    expect((await as(w.customer).post('/meetings', body)).statusCode).toBe(403);
    expect((await as(w.customer).get('/meetings')).statusCode).toBe(403);
    const m = await makeMeeting(w);
    expect((await as(w.customer).get(`/meetings/${m.id}`)).statusCode).toBe(403);
    expect((await as(w.viewer).get('/meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const decision = { text: '결정', becomes: 'improvement' };
    expect((await client(app).post(`/meetings/${m.id}/decisions`, decision)).statusCode).toBe(401);
    expect((await as(w.viewer).post(`/meetings/${m.id}/decisions`, decision)).statusCode).toBe(403);
    expect((await as(w.customer).post(`/meetings/${m.id}/decisions`, decision)).statusCode).toBe(403);
    expect(
      (await as(w.agent).post('/meetings/00000000-0000-4000-8000-000000000000/decisions', decision))
        .statusCode,
    ).toBe(404);
  });
});

describe('decisions', () => {
  it('becomes an improvement item of origin meeting_decision, linked to the decision', async () => {
    const w = await makeWorld();
    const m = await makeMeeting(w);
    const res = await as(w.agent).post(`/meetings/${m.id}/decisions`, {
      text: 'SM37 취소 잡 알림 자동화\n매주 월요일 점검 전 확인',
      becomes: 'improvement',
      ownerId: w.manager.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({
      meetingId: m.id,
      becomes: 'improvement',
      improvement: { title: 'SM37 취소 잡 알림 자동화', status: 'idea' },
      ticket: null,
      createdBy: { id: w.agent.id },
    });
    const item = await as(w.viewer).get(`/improvements/${res.data.improvement.id}`);
    expect(item.data).toMatchObject({
      origin: 'meeting_decision',
      kind: 'B',
      owner: { id: w.manager.id },
      decisions: [
        {
          id: res.data.id,
          meetingId: m.id,
          week: '2031-W07',
          text: 'SM37 취소 잡 알림 자동화\n매주 월요일 점검 전 확인',
        },
      ],
    });
    expect(item.data.description).toContain('2031-W07 주간 공유회의');
    expect((await as(w.viewer).get(`/meetings/${m.id}`)).data.decisions).toHaveLength(1);
  });

  it('becomes a ticket of the customer through ticket numbering, linked to the decision', async () => {
    const w = await makeWorld();
    const m = await makeMeeting(w);
    const res = await as(w.manager).post(`/meetings/${m.id}/decisions`, {
      text: '고객사에 인증서 만료 일정 공유 요청',
      becomes: 'ticket',
      organizationId: w.org.id,
      assigneeId: w.agent.id,
      systemId: w.system.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data).toMatchObject({ becomes: 'ticket', improvement: null, ticket: { status: 'new' } });
    const ticket = await as(w.agent).get(`/tickets/${res.data.ticket.id}`);
    expect(ticket.data).toMatchObject({
      type: 'request',
      title: '고객사에 인증서 만료 일정 공유 요청',
      organization: { id: w.org.id },
      assignee: { id: w.agent.id },
    });
    expect(ticket.data.number).toBe(res.data.ticket.number);
    const timeline = await as(w.agent).get(`/tickets/${res.data.ticket.id}/timeline`);
    expect(timeline.data.items.map((e: { kind: string }) => e.kind)).toContain('created');
  });

  it('writes nothing when what it becomes is refused', async () => {
    const w = await makeWorld();
    const m = await makeMeeting(w);
    const other = await makeOrganization();
    const customer = await makeUser('customer', other.id);
    const before = (await db.select().from(tickets).where(eq(tickets.organizationId, w.org.id))).length;
    const bad = await as(w.agent).post(`/meetings/${m.id}/decisions`, {
      text: '티켓으로',
      becomes: 'ticket',
      organizationId: w.org.id,
      assigneeId: customer.id,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.data.errors[0].path).toBe('assigneeId');
    const badOwner = await as(w.agent).post(`/meetings/${m.id}/decisions`, {
      text: '개선으로',
      becomes: 'improvement',
      ownerId: w.viewer.id,
    });
    expect(badOwner.statusCode).toBe(422);
    expect(badOwner.data.errors[0].path).toBe('ownerId');
    const noOrg = await as(w.agent).post(`/meetings/${m.id}/decisions`, {
      text: '티켓으로',
      becomes: 'ticket',
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noOrg.statusCode).toBe(422);
    expect(noOrg.data.errors[0].path).toBe('organizationId');
    const unknownKind = await as(w.agent).post(`/meetings/${m.id}/decisions`, {
      text: 'x',
      becomes: 'article',
    });
    expect(unknownKind.statusCode).toBe(400);
    expect((await db.select().from(tickets).where(eq(tickets.organizationId, w.org.id))).length).toBe(before);
    expect(await db.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, m.id))).toEqual([]);
    expect(await db.select().from(improvements).where(eq(improvements.title, '개선으로'))).toEqual([]);
  });
});
