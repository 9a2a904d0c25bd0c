import { localDateIn } from '@hamkke/core';
import { describe, expect, it } from 'vitest';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeContract, makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { actorOf } from '../test/scene.js';
import { getContractUsage } from './get-contract-usage.js';
import { presentContractUsage } from './present-usage.js';

const app = useApp();

type TEntry = { minutes: number; date: string; billable?: boolean; workClass?: 'A' | 'B' | 'C' };

function ok(res: TResponse, status = 201) {
  if (res.statusCode !== status) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.data;
}

/** A customer with a contract (10 h a month through 2030) and an agent who works its tickets. */
async function setUp(monthlyHours = 10) {
  const w = await makeWorld();
  const contract = await makeContract(w.org.id, {
    startsOn: '2025-01-01',
    endsOn: '2030-12-31',
    monthlyHours,
  });
  const agentApi = client(app, { cookie: w.agent.cookie });
  const managerApi = client(app, { cookie: w.manager.cookie });
  const openTicket = async (contractId = contract.id) =>
    ok(
      await agentApi.post('/tickets', {
        organizationId: w.org.id,
        contractId,
        title: 'MIGO 입고 전기 오류',
        assigneeId: w.agent.id,
      }),
    ) as { id: string };
  const log = async (ticketId: string, e: TEntry) =>
    ok(await agentApi.post(`/tickets/${ticketId}/time-entries`, e));
  const usage = (month?: string, api = managerApi) =>
    api.get(`/contracts/${contract.id}/usage${month ? `?month=${month}` : ''}`);
  return { ...w, contract, agentApi, managerApi, openTicket, log, usage };
}

/** The manager's contract-hour notifications for one contract (every manager hears of every contract). */
async function alertsOf(api: ReturnType<typeof client>, contractId: string) {
  const res = await api.get('/notifications?limit=200');
  expect(res.statusCode).toBe(200);
  type TItem = { kind: string; ticketId: string; contractId: string; data: Record<string, unknown> };
  return (res.data.items as TItem[]).filter(
    (n) => n.kind === 'contract_hours' && n.contractId === contractId,
  );
}

const byThreshold = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Number(a.thresholdPercent) - Number(b.thresholdPercent);

describe('contract hours per month', () => {
  it('sums the billable and non-billable time of the month by work class, leaving other months and contracts out', async () => {
    const s = await setUp();
    const [first, second] = [await s.openTicket(), await s.openTicket()];
    const other = await makeContract(s.org.id, { startsOn: '2025-01-01', endsOn: '2030-12-31' });
    const elsewhere = await s.openTicket(other.id);
    await s.log(first.id, { minutes: 120, date: '2025-11-03', workClass: 'A' });
    await s.log(second.id, { minutes: 90, date: '2025-11-28', workClass: 'B' });
    await s.log(first.id, { minutes: 45, date: '2025-11-10', workClass: 'C', billable: false });
    await s.log(first.id, { minutes: 60, date: '2025-12-01' });
    await s.log(first.id, { minutes: 30, date: '2025-10-31' });
    await s.log(elsewhere.id, { minutes: 300, date: '2025-11-05' });

    const res = await s.usage('2025-11');
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({
      contractId: s.contract.id,
      month: '2025-11',
      entitledHours: 10,
      usedHours: 3.5,
      billableHours: 3.5,
      nonBillableHours: 0.8,
      remainingHours: 6.5,
      percentUsed: 35,
      byWorkClass: { A: 2, B: 1.5, C: 0.8 },
      // A past month ends where it stands.
      forecastHours: 3.5,
      businessDays: { elapsed: 20, total: 20 },
      alerts: [],
    });
    expect((await s.usage('2025-12')).data).toMatchObject({
      usedHours: 1,
      byWorkClass: { A: 1, B: 0, C: 0 },
    });
  });

  it('forecasts a future month at 0 and gives a month outside the contract no entitlement', async () => {
    const s = await setUp();
    const future = await s.usage('2030-06');
    expect(future.data).toMatchObject({ entitledHours: 10, usedHours: 0, forecastHours: 0, percentUsed: 0 });
    expect(future.data.businessDays.elapsed).toBe(0);
    const before = await s.usage('2024-06');
    expect(before.data).toMatchObject({ entitledHours: 0, remainingHours: 0, percentUsed: null });
  });

  it('lets the remaining hours go negative once the entitlement is overrun', async () => {
    const s = await setUp(1);
    const ticket = await s.openTicket();
    await s.log(ticket.id, { minutes: 150, date: '2025-09-15' });
    expect((await s.usage('2025-09')).data).toMatchObject({ remainingHours: -1.5, percentUsed: 250 });
  });

  it('forecasts the current month at the pace so far, in business days of the contract calendar', async () => {
    const s = await setUp();
    const ticket = await s.openTicket();
    await s.log(ticket.id, { minutes: 210, date: '2025-11-03' });
    // 2025-11-14 12:00 in Seoul: 10 of November's 20 business days have passed, 3.5 h used → 7 h.
    const now = new Date('2025-11-14T03:00:00Z');
    const usage = await getContractUsage(actorOf(s.manager), s.contract.id, {}, now);
    expect(usage.month).toBe('2025-11');
    expect(usage.pace).toEqual({ phase: 'current', elapsed: 10, total: 20 });
    expect(presentContractUsage(usage).forecastHours).toBe(7);
  });

  it('answers for the current month in Seoul when no month is given', async () => {
    const s = await setUp();
    const res = await s.usage();
    expect(res.statusCode).toBe(200);
    expect(res.data.month).toBe(localDateIn('Asia/Seoul', new Date()).slice(0, 7));
  });

  it('shows the customer their own contract’s usage and hides it from another organization', async () => {
    const s = await setUp();
    const own = client(app, { cookie: s.customer.cookie });
    expect((await s.usage('2025-11', own)).statusCode).toBe(200);
    const stranger = client(app, {
      cookie: (await makeUser('customer', (await makeOrganization()).id)).cookie,
    });
    const res = await s.usage('2025-11', stranger);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a month that is not YYYY-MM, naming the month', async () => {
    const s = await setUp();
    for (const month of ['2025-13', '2025-1', '202511', '0000-01']) {
      const res = await s.usage(month);
      expect(res.statusCode, month).toBe(400);
      expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(['month']);
    }
  });
});

describe('contract hour alerts', () => {
  it('tells the managers and the assignee once at 80 % and once at 100 % of the billable hours', async () => {
    const s = await setUp(2);
    const ticket = await s.openTicket();
    // Non-billable time does not consume the entitlement.
    await s.log(ticket.id, { minutes: 200, date: '2025-08-04', billable: false });
    await s.log(ticket.id, { minutes: 90, date: '2025-08-04' });
    expect(await alertsOf(s.managerApi, s.contract.id)).toEqual([]);
    await s.log(ticket.id, { minutes: 6, date: '2025-08-05' }); // 96 of 120 minutes: 80 %
    await s.log(ticket.id, { minutes: 10, date: '2025-08-06' });
    await s.log(ticket.id, { minutes: 14, date: '2025-08-07' }); // 120 minutes: 100 %
    await s.log(ticket.id, { minutes: 30, date: '2025-08-08' });

    const heard = await alertsOf(s.managerApi, s.contract.id);
    expect(heard.map((n) => n.data).sort(byThreshold)).toEqual([
      { month: '2025-08', thresholdPercent: 80, usedHours: 1.6, entitledHours: 2 },
      { month: '2025-08', thresholdPercent: 100, usedHours: 2, entitledHours: 2 },
    ]);
    expect(heard.every((n) => n.ticketId === ticket.id)).toBe(true);
    const assignee = client(app, { cookie: s.agent.cookie });
    expect((await alertsOf(assignee, s.contract.id)).map((n) => n.data).sort(byThreshold)).toEqual(
      heard.map((n) => n.data).sort(byThreshold),
    );

    const usage = (await s.usage('2025-08')).data;
    expect(usage.alerts.map((a: { thresholdPercent: number }) => a.thresholdPercent)).toEqual([80, 100]);
    expect((await s.usage('2025-09')).data.alerts).toEqual([]);
    const admin = client(app, { cookie: s.admin.cookie });
    const audit = await admin.get(`/audit?entityType=contract_hours&entityId=${s.contract.id}`);
    expect(audit.data.items).toHaveLength(2);
  });

  it('alerts each threshold once when many entries cross it at the same moment', async () => {
    const s = await setUp(10);
    const tickets = await Promise.all([1, 2, 3, 4, 5].map(() => s.openTicket()));
    await s.log(tickets[0]!.id, { minutes: 450, date: '2025-07-01' }); // 75 %
    // Ten entries of 20 minutes on five tickets at once: 450 → 650 minutes, past 80 % and 100 %.
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.agentApi.post(`/tickets/${tickets[i % 5]!.id}/time-entries`, { minutes: 20, date: '2025-07-02' }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const heard = await alertsOf(s.managerApi, s.contract.id);
    expect(heard.map((n) => n.data).sort(byThreshold)).toMatchObject([
      { thresholdPercent: 80 },
      { thresholdPercent: 100 },
    ]);
    expect((await s.usage('2025-07')).data.alerts).toHaveLength(2);
  });

  it('alerts when two entries cross a threshold together though neither does alone', async () => {
    const s = await setUp(10);
    const [a, b] = await Promise.all([s.openTicket(), s.openTicket()]);
    await s.log(a!.id, { minutes: 440, date: '2025-06-02' });
    // 440 + 20 + 20 = 480 minutes: 80 % only with both.
    await Promise.all([
      s.log(a!.id, { minutes: 20, date: '2025-06-03' }),
      s.log(b!.id, { minutes: 20, date: '2025-06-03' }),
    ]);
    expect((await alertsOf(s.managerApi, s.contract.id)).map((n) => n.data.thresholdPercent)).toEqual([80]);
  });

  it('never alerts on a contract without monthly hours', async () => {
    const s = await setUp(0);
    const ticket = await s.openTicket();
    await s.log(ticket.id, { minutes: 600, date: '2025-05-06' });
    expect(await alertsOf(s.managerApi, s.contract.id)).toEqual([]);
    expect((await s.usage('2025-05')).data).toMatchObject({ usedHours: 10, percentUsed: null, alerts: [] });
  });
});
