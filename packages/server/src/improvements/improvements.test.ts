import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { auditLog, ticketEvents } from '../db/schema.js';
import { makeTicketRow, makeTimeEntry } from '../teams/teams.fixtures.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });
const kst = (local: string) => new Date(`${local}+09:00`);

async function statusEvent(ticketId: string, at: string, from: string, to: string) {
  await db.insert(ticketEvents).values({
    ticketId,
    kind: 'changed',
    visibility: 'public',
    data: { changes: [{ field: 'status', from, to }] },
    createdAt: kst(at),
  });
}

/**
 * A hand-checked month at one customer, module MM; window 2026-10-01 … 2026-10-31 (Seoul).
 *   #  type      created (KST)      resolved (KST)     hours  logged  events
 *   1  inquiry   10-05 09:00        10-05 13:00         4      90     resolved 10-05
 *   2  inquiry   10-10 09:00        10-14 09:00        96      30+60  resolved 10-12, reopened 10-13, resolved 10-14
 *   3  incident  09-30 22:00        10-01 00:30         2.5   600     resolved 10-01, closed 10-03 (no reopen)
 *   4  inquiry   10-20 10:00        11-01 00:10       278.1667  —     (resolved after the window)
 *   5  inquiry   10-31 23:59        —                                  (open)
 *   +  an FI ticket of the customer and an MM ticket of another customer, both inside the window: never counted.
 * A ticket's resolution time runs to its last resolution (resolvedAt).
 * October: mean resolution (4 + 96 + 2.5) / 3 = 34.1667 h; reopen rate 1/3; hours per inquiry (90+90)/60/2 = 1.5;
 * tickets per week: 4 created (#1, #2, #4, #5) × 7 / 31 days = 0.9032. November: mean resolution 278.1667 h (#4).
 */
async function makeMonth() {
  const org = await makeOrganization();
  const other = await makeOrganization();
  const agent = await makeUser('agent');
  const mm = { module: 'MM' };
  const t1 = await makeTicketRow(org, {
    ...mm,
    status: 'resolved',
    createdAt: kst('2026-10-05T09:00:00'),
    resolvedAt: kst('2026-10-05T13:00:00'),
  });
  const t2 = await makeTicketRow(org, {
    ...mm,
    status: 'resolved',
    createdAt: kst('2026-10-10T09:00:00'),
    resolvedAt: kst('2026-10-14T09:00:00'),
  });
  const t3 = await makeTicketRow(org, {
    ...mm,
    type: 'incident',
    status: 'closed',
    createdAt: kst('2026-09-30T22:00:00'),
    resolvedAt: kst('2026-10-01T00:30:00'),
  });
  await makeTicketRow(org, {
    ...mm,
    status: 'resolved',
    createdAt: kst('2026-10-20T10:00:00'),
    resolvedAt: kst('2026-11-01T00:10:00'),
  });
  await makeTicketRow(org, { ...mm, createdAt: kst('2026-10-31T23:59:00') });
  await makeTicketRow(org, { ...mm, createdAt: kst('2026-11-01T00:00:00') });
  await makeTicketRow(org, {
    module: 'FI',
    status: 'resolved',
    createdAt: kst('2026-10-06T09:00:00'),
    resolvedAt: kst('2026-10-06T10:00:00'),
  });
  await makeTicketRow(other, {
    ...mm,
    status: 'resolved',
    createdAt: kst('2026-10-06T09:00:00'),
    resolvedAt: kst('2026-10-06T10:00:00'),
  });
  await makeTimeEntry(t1.id, agent.id, '2026-10-05', 90);
  await makeTimeEntry(t2.id, agent.id, '2026-10-11', 30);
  await makeTimeEntry(t2.id, agent.id, '2026-10-12', 60);
  await makeTimeEntry(t3.id, agent.id, '2026-10-01', 600);
  await statusEvent(t1.id, '2026-10-05T13:00:00', 'in_progress', 'resolved');
  await statusEvent(t2.id, '2026-10-12T09:00:00', 'in_progress', 'resolved');
  await statusEvent(t2.id, '2026-10-13T09:00:00', 'resolved', 'open');
  await statusEvent(t2.id, '2026-10-14T09:00:00', 'open', 'resolved');
  await statusEvent(t3.id, '2026-10-01T00:30:00', 'in_progress', 'resolved');
  await statusEvent(t3.id, '2026-10-03T09:00:00', 'resolved', 'closed');
  return { org, other, agent };
}

const OCTOBER = { baselineFrom: '2026-10-01', baselineTo: '2026-10-31' };

describe('the improvement register', () => {
  it('moves an item only along idea → planned → doing → measuring → done, with dropped and steps back', async () => {
    const w = await makeWorld();
    const created = await as(w.agent).post('/improvements', {
      title: 'MM 입고 오류 FAQ 정비',
      kind: 'B',
      origin: 'recurring_incident',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ status: 'idea', owner: { id: w.agent.id }, version: 1 });
    const id = created.data.id;
    const step = (status: string) => as(w.agent).patch(`/improvements/${id}`, { status });
    const skip = await step('doing');
    expect(skip.statusCode).toBe(409);
    expect(skip.data.errors[0].path).toBe('status');
    for (const status of [
      'planned',
      'idea',
      'planned',
      'doing',
      'planned',
      'doing',
      'measuring',
      'doing',
      'measuring',
      'done',
    ])
      expect((await step(status)).statusCode, status).toBe(200);
    for (const status of ['measuring', 'dropped', 'idea']) expect((await step(status)).statusCode).toBe(409);

    const other = (
      await as(w.manager).post('/improvements', {
        title: '회고 방식 개선',
        kind: 'C',
        origin: 'retrospective',
      })
    ).data;
    expect((await as(w.manager).patch(`/improvements/${other.id}`, { status: 'dropped' })).data.status).toBe(
      'dropped',
    );
    expect((await as(w.manager).patch(`/improvements/${other.id}`, { status: 'idea' })).data.status).toBe(
      'idea',
    );
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'improvement'), eq(auditLog.entityId, id)));
    expect(audits).toHaveLength(11); // the create and ten steps
  });

  it('refuses a stale version, a viewer and a customer, and names bad fields', async () => {
    const w = await makeWorld();
    const item = (
      await as(w.agent).post('/improvements', { title: '점검 체크리스트', kind: 'B', origin: 'problem' })
    ).data;
    await as(w.agent).patch(`/improvements/${item.id}`, { title: '점검 체크리스트 v2', version: 1 });
    const stale = await as(w.agent).patch(`/improvements/${item.id}`, { title: '충돌', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await as(w.viewer).get(`/improvements/${item.id}`)).statusCode).toBe(200);
    expect((await as(w.viewer).patch(`/improvements/${item.id}`, { title: '뷰어' })).statusCode).toBe(403);
    expect((await as(w.customer).get('/improvements')).statusCode).toBe(403);
    const badKind = await as(w.agent).post('/improvements', { title: 'x', kind: 'A', origin: 'problem' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('kind');
    const badWindow = await as(w.agent).post('/improvements', {
      title: 'x',
      kind: 'B',
      origin: 'problem',
      baselineFrom: '2026-10-31',
      baselineTo: '2026-10-01',
    });
    expect(badWindow.statusCode).toBe(422);
    expect(badWindow.data.errors[0].path).toBe('baselineTo');
    const badLink = await as(w.agent).post('/improvements', {
      title: 'x',
      kind: 'B',
      origin: 'problem',
      ticketIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badLink.data.errors[0].path).toBe('ticketIds');
  });

  it('links tickets and lists by status and kind', async () => {
    const w = await makeWorld();
    const t = await makeTicketRow(w.org, { title: '반복 장애: MIGO 덤프' });
    const item = await as(w.agent).post('/improvements', {
      title: `MIGO 덤프 재발 방지 ${w.org.code}`,
      kind: 'B',
      origin: 'recurring_incident',
      ticketIds: [t.id],
    });
    expect(item.data.tickets).toEqual([{ id: t.id, number: t.number, title: '반복 장애: MIGO 덤프' }]);
    const list = await as(w.viewer).get('/improvements?status=idea&kind=B');
    expect(list.data.items.map((i: { id: string }) => i.id)).toContain(item.data.id);
    expect(
      (await as(w.viewer).get('/improvements?kind=C')).data.items.map((i: { id: string }) => i.id),
    ).not.toContain(item.data.id);
  });
});

describe('improvement metrics against a hand-checked month', () => {
  const metricOf = async (kind: string, scope: { organizationId: string | null; module: string | null }) => {
    const manager = await makeUser('manager');
    const item = await as(manager).post('/improvements', {
      title: `지표 ${kind}`,
      kind: 'B',
      origin: 'meeting_decision',
      metric: { kind, ...scope },
      ...OCTOBER,
    });
    expect(item.statusCode, item.body).toBe(201);
    const res = await as(manager).get(`/improvements/${item.data.id}/metric`);
    expect(res.statusCode, res.body).toBe(200);
    return res.data.before;
  };

  it('computes mean resolution time in wall-clock hours', async () => {
    const { org } = await makeMonth();
    expect(await metricOf('mean_resolution_hours', { organizationId: org.id, module: 'MM' })).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      value: 34.1667,
      sample: 3,
    });
  });

  it('computes the reopen rate of the tickets resolved in the window', async () => {
    const { org } = await makeMonth();
    expect(await metricOf('reopen_rate', { organizationId: org.id, module: 'MM' })).toMatchObject({
      value: 0.3333,
      sample: 3,
    });
  });

  it('computes hours logged per inquiry resolved in the window', async () => {
    const { org } = await makeMonth();
    expect(await metricOf('hours_per_inquiry', { organizationId: org.id, module: 'MM' })).toMatchObject({
      value: 1.5,
      sample: 2,
    });
  });

  it('computes tickets created per week', async () => {
    const { org } = await makeMonth();
    expect(await metricOf('tickets_per_week', { organizationId: org.id, module: 'MM' })).toMatchObject({
      value: 0.9032,
      sample: 4,
    });
    // The whole customer: the FI ticket too.
    expect(await metricOf('tickets_per_week', { organizationId: org.id, module: null })).toMatchObject({
      sample: 5,
    });
  });

  it('stores the value before on entering doing, the value after on done, and recomputes on request', async () => {
    const { org } = await makeMonth();
    const manager = await makeUser('manager');
    const api = as(manager);
    const item = (
      await api.post('/improvements', {
        title: 'MM 처리 시간 단축',
        kind: 'B',
        origin: 'meeting_decision',
        metric: { kind: 'mean_resolution_hours', organizationId: org.id, module: 'MM' },
        targetValue: 12,
        ...OCTOBER,
      })
    ).data;
    const url = `/improvements/${item.id}`;
    await api.patch(url, { status: 'planned' });
    const doing = await api.patch(url, { status: 'doing' });
    expect(doing.data).toMatchObject({ baselineValue: 34.1667, targetValue: 12, afterValue: null });
    expect(doing.data.baselineComputedAt).not.toBeNull();
    const measuring = await api.patch(url, {
      status: 'measuring',
      measureFrom: '2026-11-01',
      measureTo: '2026-11-30',
    });
    expect(measuring.data.measureFrom).toBe('2026-11-01');
    const done = await api.patch(url, { status: 'done' });
    expect(done.data).toMatchObject({ status: 'done', baselineValue: 34.1667, afterValue: 278.1667 });

    // A ticket found later in the baseline window: GET recomputes without storing; POST baseline stores.
    await makeTicketRow(org, {
      module: 'MM',
      status: 'resolved',
      createdAt: kst('2026-10-07T09:00:00'),
      resolvedAt: kst('2026-10-07T10:00:00'),
    });
    const live = await api.get(`${url}/metric`);
    expect(live.data.before).toMatchObject({ value: 25.875, sample: 4 });
    expect(live.data.after).toMatchObject({
      value: 278.1667,
      sample: 1,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect((await api.get(url)).data.baselineValue).toBe(34.1667);
    const stored = await api.post(`${url}/baseline`);
    expect(stored.data.baselineValue).toBe(25.875);
  });

  it('answers an item without a metric with a named field', async () => {
    const manager = await makeUser('manager');
    const item = (
      await as(manager).post('/improvements', { title: '지표 없음', kind: 'C', origin: 'retrospective' })
    ).data;
    const res = await as(manager).get(`/improvements/${item.id}/metric`);
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0].path).toBe('metric');
  });

  it('rejects a metric of an unknown organization', async () => {
    const manager = await makeUser('manager');
    const other = await makeOrganization();
    const res = await as(manager).post('/improvements', {
      title: '잘못된 지표',
      kind: 'B',
      origin: 'problem',
      metric: { kind: 'reopen_rate', organizationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0].path).toBe('metric.organizationId');
    expect(other.id).toBeTruthy();
  });
});
