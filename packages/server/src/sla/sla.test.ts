import { addBusinessMinutes, KR_STANDARD } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/current.js';
import {
  calendarClosures,
  calendars,
  contracts,
  notifications,
  slaEscalations,
  slaPolicies,
  tickets,
} from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeContract, makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { sweepSla } from './sweep-sla.js';

const app = useApp();
const kst = (local: string) => new Date(`${local}+09:00`);
/** Moves this process's clock (Date only; timers stay real): the server runs in-process under app.inject. */
const at = (local: string) => vi.setSystemTime(kst(local));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SLA through a ticket’s life', () => {
  it('runs both clocks in business time, pauses while waiting for the customer, and recomputes on a new priority', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const customer = client(app, { cookie: w.customer.cookie });

    at('2026-11-16T09:00:00'); // Monday
    const created = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: 'FB60 송장 전기 오류',
      impact: 'high',
      urgency: 'medium',
      assigneeId: w.agent.id,
    });
    expect(created.data.priority).toBe('P2');
    const id: string = created.data.id;
    // Standard policy P2: first response in 60, resolution in 480 business minutes.
    expect(created.data.sla.calendarKey).toBe('kr-standard');
    expect(created.data.sla.response.dueAt).toBe(kst('2026-11-16T10:00:00').toISOString());
    expect(created.data.sla.resolution.dueAt).toBe(kst('2026-11-16T18:00:00').toISOString());

    at('2026-11-16T09:30:00');
    const half = (await agent.get(`/tickets/${id}`)).data.sla;
    expect(half.response).toMatchObject({ state: 'within', elapsedMinutes: 30, remainingMinutes: 30 });

    at('2026-11-16T09:50:00'); // past 80 % of 60 minutes
    await sweepSla(new Date());
    expect(
      (await agent.get(`/tickets?sla=at_risk&organizationId=${w.org.id}`)).data.items.map(
        (t: { id: string }) => t.id,
      ),
    ).toEqual([id]);

    at('2026-11-16T10:05:00');
    const breach = await sweepSla(new Date());
    expect(breach.fired).toBeGreaterThanOrEqual(1);
    expect((await sweepSla(new Date())).fired).toBe(0);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.ticketId, id), eq(notifications.kind, 'sla_breached')));
    expect(told.map((n) => n.userId)).toContain(w.agent.id);
    expect((await agent.get(`/tickets?sla=breached&organizationId=${w.org.id}`)).data.items).toHaveLength(1);

    at('2026-11-16T10:10:00');
    await agent.post(`/tickets/${id}/comments`, { body: '확인 중입니다.', visibility: 'public' });
    expect((await agent.get(`/tickets/${id}`)).data.sla.response.state).toBe('breached');

    at('2026-11-16T11:00:00');
    await agent.patch(`/tickets/${id}`, { status: 'waiting_customer' });
    at('2026-11-16T15:00:00');
    const paused = (await agent.get(`/tickets/${id}`)).data.sla.resolution;
    expect(paused.state).toBe('paused');
    expect(paused.elapsedMinutes).toBe(120);

    at('2026-11-17T09:00:00'); // Tuesday: the customer answers, the clock runs again
    await customer.post(`/tickets/${id}/comments`, { body: '요청하신 로그 첨부합니다.' });
    const resumed = (await agent.get(`/tickets/${id}`)).data;
    expect(resumed.status).toBe('in_progress');
    // 120 minutes used before the pause, 360 to go from Tuesday 09:00: 16:00.
    expect(resumed.sla.resolution).toMatchObject({
      state: 'within',
      dueAt: kst('2026-11-17T16:00:00').toISOString(),
    });

    at('2026-11-17T10:00:00');
    const raised = (await agent.patch(`/tickets/${id}`, { priority: 'P1' })).data;
    // P1: 240 minutes, plus the 360 paused: Tuesday 11:00.
    expect(raised.sla.resolution.dueAt).toBe(kst('2026-11-17T11:00:00').toISOString());
    const timeline = (await agent.get(`/tickets/${id}/timeline`)).data.items;
    const recomputed = timeline.find(
      (e: { kind: string; sla?: { reason: string } }) => e.kind === 'sla' && e.sla?.reason === 'recomputed',
    );
    expect(recomputed.sla).toMatchObject({
      cause: 'priority',
      resolutionDueAt: { to: kst('2026-11-17T11:00:00').toISOString() },
    });
    const customerTimeline = (await customer.get(`/tickets/${id}/timeline`)).data.items;
    expect(customerTimeline.some((e: { kind: string }) => e.kind === 'sla')).toBe(false);

    at('2026-11-17T10:30:00');
    expect((await agent.patch(`/tickets/${id}`, { status: 'resolved' })).data.sla.resolution.state).toBe(
      'met',
    );

    at('2026-11-17T14:00:00'); // the customer reopens: 10:30–14:00 is 150 paused minutes
    await customer.post(`/tickets/${id}/comments`, { body: '같은 오류가 다시 발생합니다.' });
    const reopened = (await agent.get(`/tickets/${id}`)).data;
    expect(reopened.status).toBe('open');
    expect(reopened.sla.resolution).toMatchObject({
      state: 'at_risk',
      dueAt: kst('2026-11-17T14:30:00').toISOString(),
    });
  });

  it('computes due times that agree with the core calendar, and none without a contract', async () => {
    const org = await makeOrganization();
    const agent = client(app, { cookie: (await makeUser('agent')).cookie });
    at('2026-09-23T17:00:00'); // the day before 추석
    expect(
      (await agent.post('/tickets', { organizationId: org.id, title: '계약 없음' })).data.sla.state,
    ).toBe('none');
    await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const t = (
      await agent.post('/tickets', {
        organizationId: org.id,
        title: '추석 직전 문의',
        impact: 'low',
        urgency: 'low',
      })
    ).data;
    expect(t.priority).toBe('P4');
    expect(t.sla.resolution.dueAt).toBe(
      addBusinessMinutes(new Date(t.createdAt), 2400, KR_STANDARD).toISOString(),
    );
    // 60 minutes on the 23rd, 추석 (24th–26th) and Sunday off, 420 on Monday the 28th: 17:00.
    expect(t.sla.response.dueAt).toBe(kst('2026-09-28T17:00:00').toISOString());
  });

  it('runs P1 around the clock where the contract says so', async () => {
    const org = await makeOrganization();
    await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31', p1AroundTheClock: true });
    const agent = client(app, { cookie: (await makeUser('agent')).cookie });
    at('2026-11-21T22:00:00'); // Saturday night
    const t = (
      await agent.post('/tickets', {
        organizationId: org.id,
        title: 'PRD 전체 로그인 불가',
        impact: 'high',
        urgency: 'high',
      })
    ).data;
    expect(t.sla.calendarKey).toBe('24x7');
    expect(t.sla.resolution.dueAt).toBe(kst('2026-11-22T02:00:00').toISOString());
  });
});

describe('SLA when the contract changes', () => {
  it('moves a P1 to the 24×7 calendar of its new contract and records the recompute', async () => {
    const org = await makeOrganization();
    const office = await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const roundTheClock = await makeContract(org.id, {
      name: '24시간 지원 계약',
      startsOn: '2026-06-01',
      endsOn: '2026-12-31',
      p1AroundTheClock: true,
    });
    const api = client(app, { cookie: (await makeUser('agent')).cookie });
    at('2026-11-20T17:00:00'); // Friday
    const t = (
      await api.post('/tickets', {
        organizationId: org.id,
        contractId: office.id,
        title: '출하 중단',
        impact: 'high',
        urgency: 'high',
      })
    ).data;
    expect(t.sla.calendarKey).toBe('kr-standard');
    expect(t.sla.resolution.dueAt).toBe(kst('2026-11-23T12:00:00').toISOString());
    const moved = (await api.patch(`/tickets/${t.id}`, { contractId: roundTheClock.id })).data;
    expect(moved.sla.calendarKey).toBe('24x7');
    expect(moved.sla.resolution.dueAt).toBe(kst('2026-11-20T21:00:00').toISOString());
    const events = (await api.get(`/tickets/${t.id}/timeline`)).data.items;
    expect(
      events.some(
        (e: { kind: string; sla?: { cause?: string } }) => e.kind === 'sla' && e.sla?.cause === 'contract',
      ),
    ).toBe(true);
  });
});

describe('SLA escalation job', () => {
  async function escalatingWorld() {
    const org = await makeOrganization();
    const [policy] = await db
      .insert(slaPolicies)
      .values({
        name: `긴급 에스컬레이션 ${org.code}`,
        targets: {
          P1: { firstResponse: 10, resolution: 60 },
          P2: { firstResponse: 10, resolution: 60 },
          P3: { firstResponse: 10, resolution: 60 },
          P4: { firstResponse: 10, resolution: 60 },
        },
        escalations: [
          { on: 'at_risk', clock: 'resolution', action: 'notify' },
          { on: 'breached', clock: 'resolution', action: 'raise_priority' },
          { on: 'breached', clock: 'resolution', action: 'reassign_team', team: 'Basis 긴급대응' },
        ],
      })
      .returning();
    await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31', slaPolicyId: policy!.id });
    const agent = await makeUser('agent');
    return { org, agent, api: client(app, { cookie: agent.cookie }) };
  }

  it('raises priority and hands the ticket to a team on breach, once, even with two sweeps at the same moment', async () => {
    const { org, agent, api } = await escalatingWorld();
    at('2026-11-18T09:00:00');
    const t = (
      await api.post('/tickets', {
        organizationId: org.id,
        title: '배치 잡 실패',
        impact: 'low',
        urgency: 'medium',
        assigneeId: agent.id,
      })
    ).data;
    expect(t.priority).toBe('P4');

    at('2026-11-18T12:30:00'); // after the 60-minute target, and the sweep was down meanwhile
    await Promise.all([sweepSla(new Date()), sweepSla(new Date())]);
    const fired = await db.select().from(slaEscalations).where(eq(slaEscalations.ticketId, t.id));
    expect(fired.map((f) => `${f.clock}:${f.kind}`).sort()).toEqual([
      'resolution:at_risk',
      'resolution:breached',
      'response:at_risk',
      'response:breached',
    ]);
    const after = (await api.get(`/tickets/${t.id}`)).data;
    expect(after.priority).toBe('P3');
    expect(after.team).toBe('Basis 긴급대응');
    expect(after.assignee).toBeNull();
    expect(after.sla.resolution.state).toBe('breached');
    const atRiskNotes = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.ticketId, t.id), eq(notifications.kind, 'sla_at_risk')));
    expect(atRiskNotes.map((n) => n.userId)).toContain(agent.id);
    expect(new Set(atRiskNotes.map((n) => n.userId)).size).toBe(atRiskNotes.length);

    await sweepSla(new Date());
    expect((await db.select().from(slaEscalations).where(eq(slaEscalations.ticketId, t.id))).length).toBe(4);
    expect((await api.get(`/tickets/${t.id}`)).data.priority).toBe('P3');
  });

  it('lets a ticket due at exactly the moment of the sweep go until the next one', async () => {
    const org = await makeOrganization();
    await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const api = client(app, { cookie: (await makeUser('agent')).cookie });
    at('2026-11-19T09:00:00');
    const t = (
      await api.post('/tickets', {
        organizationId: org.id,
        title: '정각 마감',
        impact: 'high',
        urgency: 'medium',
      })
    ).data;
    const due = kst('2026-11-19T10:00:00');
    expect(t.sla.response.dueAt).toBe(due.toISOString());
    await sweepSla(due);
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    // Not yet breached at the due instant itself, and not due again at that instant.
    expect(row!.responseState).toBe('at_risk');
    expect(row!.slaNextCheckAt!.getTime()).toBeGreaterThan(due.getTime());
    await sweepSla(new Date(due.getTime() + 1));
    const [after] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(after!.responseState).toBe('breached');
  });

  it('recomputes open tickets when their calendar changes, and says so on the timeline', async () => {
    const org = await makeOrganization();
    const key = `test-${org.code.toLowerCase()}`;
    const [calendar] = await db
      .insert(calendars)
      .values({ key, name: '테스트 달력', weeklyHours: KR_STANDARD.weeklyHours, usesPublicHolidays: true })
      .returning();
    await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31', calendarKey: key });
    const api = client(app, { cookie: (await makeUser('agent')).cookie });
    at('2026-11-18T17:00:00'); // Wednesday
    const t = (
      await api.post('/tickets', {
        organizationId: org.id,
        title: '창립기념일 전날 문의',
        impact: 'low',
        urgency: 'low',
      })
    ).data;
    // P4 responds in 480 minutes: 60 on Wednesday, 420 on Thursday.
    expect(t.sla.response.dueAt).toBe(kst('2026-11-19T17:00:00').toISOString());

    await db
      .insert(calendarClosures)
      .values({ calendarId: calendar!.id, date: '2026-11-19', name: '창립기념일' });
    await db
      .update(calendars)
      .set({ revision: calendar!.revision + 1 })
      .where(eq(calendars.id, calendar!.id));
    expect((await sweepSla(new Date())).recomputed).toBeGreaterThanOrEqual(1);
    const after = (await api.get(`/tickets/${t.id}`)).data;
    expect(after.sla.response.dueAt).toBe(kst('2026-11-20T17:00:00').toISOString());
    const events = (await api.get(`/tickets/${t.id}/timeline`)).data.items;
    expect(
      events.some(
        (e: { kind: string; sla?: { cause?: string } }) => e.kind === 'sla' && e.sla?.cause === 'calendar',
      ),
    ).toBe(true);
  });

  it('sorts by the resolution due time, tickets without an SLA last', async () => {
    const w = await makeWorld();
    await db
      .update(contracts)
      .set({ startsOn: '2026-01-01', endsOn: '2026-12-31' })
      .where(eq(contracts.id, w.contract.id));
    const api = client(app, { cookie: w.agent.cookie });
    at('2026-11-18T09:00:00');
    const low = (
      await api.post('/tickets', { organizationId: w.org.id, title: 'P4', impact: 'low', urgency: 'low' })
    ).data;
    const high = (
      await api.post('/tickets', { organizationId: w.org.id, title: 'P1', impact: 'high', urgency: 'high' })
    ).data;
    const none = (await api.post('/tickets', { organizationId: w.org.id, title: '없음' })).data;
    await db.update(tickets).set({ resolutionDueAt: null, slaState: 'none' }).where(eq(tickets.id, none.id));
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { items: { id: string }[]; nextCursor: string | null } } = await api.get(
        `/tickets?organizationId=${w.org.id}&sort=resolutionDueAt&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ids.push(...page.data.items.map((i) => i.id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(ids).toEqual([high.id, low.id, none.id]);
  });
});
