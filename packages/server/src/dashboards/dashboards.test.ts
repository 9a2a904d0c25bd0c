import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { timeEntries } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeUser } from '../test/factories.js';
import { makeDashboardFixture } from './dashboards.fixtures.js';

const app = useApp();
type TFixture = Awaited<ReturnType<typeof makeDashboardFixture>>;

async function setUp() {
  const f = await makeDashboardFixture();
  const manager = client(app, { cookie: (await makeUser('manager')).cookie });
  const range = `organizationId=${f.org.id}&from=2026-10-05&to=2026-10-18`;
  const get = async (figure: string, extra = '') => {
    const res = await manager.get(`/dashboards/${figure}?${range}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.data;
  };
  /** The ticket numbers the list shows for a click-through query string. */
  const listed = async (query: string) => {
    const res = await manager.get(`/tickets?${query}&limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.data.items as { number: string }[]).map((t) => t.number).sort();
  };
  return { f, manager, get, listed };
}
const numbers = (...ts: TFixture['t1'][]) => ts.map((t) => t.number).sort();

describe('dashboard figures against the hand-checked fortnight', () => {
  it('flow: created, resolved and backlog per week, and the tickets behind each', async () => {
    const { f, get, listed } = await setUp();
    const flow = await get('flow');
    expect(
      flow.points.map((p: Record<string, unknown>) => [
        p.period,
        p.start,
        p.end,
        p.created,
        p.resolved,
        p.backlog,
      ]),
    ).toEqual([
      ['2026-W41', '2026-10-05', '2026-10-11', 2, 1, 2],
      ['2026-W42', '2026-10-12', '2026-10-18', 3, 2, 2],
    ]);
    expect(flow.total).toEqual({ created: 5, resolved: 3 });
    const [w41, w42] = flow.points;
    expect(await listed(w41.tickets.created)).toEqual(numbers(f.t1, f.t2));
    expect(await listed(w41.tickets.resolved)).toEqual(numbers(f.t1));
    expect(await listed(w41.tickets.backlog)).toEqual(numbers(f.t2, f.t5));
    expect(await listed(w42.tickets.created)).toEqual(numbers(f.t3, f.t4, f.t6));
    expect(await listed(w42.tickets.backlog)).toEqual(numbers(f.t3, f.t6));
    const monthly = await get('flow', '&granularity=month');
    expect(monthly.points).toMatchObject([
      { period: '2026-10', start: '2026-10-05', end: '2026-10-18', created: 5 },
    ]);
  });

  it('sla: attainment per week, per priority and in total', async () => {
    const { f, get, listed } = await setUp();
    const sla = await get('sla');
    expect(sla.total.response).toEqual({ met: 2, breached: 1, rate: 0.6667 });
    expect(sla.total.resolution).toEqual({ met: 1, breached: 1, rate: 0.5 });
    expect(
      sla.points.map((p: { response: unknown; resolution: unknown }) => [p.response, p.resolution]),
    ).toEqual([
      [
        { met: 1, breached: 1, rate: 0.5 },
        { met: 1, breached: 1, rate: 0.5 },
      ],
      [
        { met: 1, breached: 0, rate: 1 },
        { met: 0, breached: 0, rate: null },
      ],
    ]);
    const p2 = sla.byPriority.find((p: { priority: string }) => p.priority === 'P2');
    expect(p2.response).toEqual({ met: 0, breached: 1, rate: 0 });
    expect(sla.byPriority.find((p: { priority: string }) => p.priority === 'P4').response.rate).toBeNull();
    expect(await listed(sla.total.tickets.responseMet)).toEqual(numbers(f.t1, f.t3));
    expect(await listed(p2.tickets.responseBreached)).toEqual(numbers(f.t2));
  });

  it('times: median and 90th percentile of response and resolution minutes', async () => {
    const { f, get, listed } = await setUp();
    const times = await get('times');
    expect(times.total.response).toEqual({ count: 3, medianMinutes: 60, p90Minutes: 120 });
    expect(times.total.resolution).toEqual({ count: 3, medianMinutes: 10080, p90Minutes: 23040 });
    expect(times.points[0].response).toEqual({ count: 2, medianMinutes: 30, p90Minutes: 120 });
    expect(times.points[1].resolution).toEqual({ count: 2, medianMinutes: 10080, p90Minutes: 23040 });
    expect(await listed(times.points[1].tickets.resolution)).toEqual(numbers(f.t2, f.t5));
  });

  it('reopen rate and first-contact resolution of the tickets resolved in each week', async () => {
    const { f, get, listed } = await setUp();
    const reopen = await get('reopen');
    expect(reopen.total).toMatchObject({ count: 1, total: 3, rate: 0.3333 });
    expect(reopen.points.map((p: { count: number; total: number }) => [p.count, p.total])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(await listed(reopen.total.tickets.count)).toEqual(numbers(f.t2));
    expect(await listed(reopen.total.tickets.total)).toEqual(numbers(f.t1, f.t2, f.t5));
    const fcr = await get('first-contact');
    expect(fcr.total).toMatchObject({ count: 1, total: 3, rate: 0.3333 });
    expect(fcr.points.map((p: { rate: number }) => p.rate)).toEqual([1, 0]);
    expect(await listed(fcr.total.tickets.count)).toEqual(numbers(f.t1));
  });

  it('satisfaction per week, customer, agent and module (superseded surveys left out)', async () => {
    const { f, get, listed } = await setUp();
    const csat = await get('satisfaction');
    expect(csat.total).toMatchObject({ sent: 3, responses: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
    expect(csat.points.map((p: { sent: number; average: number }) => [p.sent, p.average])).toEqual([
      [1, 5],
      [2, 2],
    ]);
    const kim = csat.byAgent.find((r: { key: string }) => r.key === f.kim.id);
    expect(kim).toMatchObject({ label: '김대시', sent: 2, responses: 1, responseRate: 0.5, average: 5 });
    expect(csat.byModule.find((r: { key: string }) => r.key === 'FI')).toMatchObject({
      sent: 2,
      average: 3.5,
    });
    expect(csat.byOrganization).toMatchObject([{ key: f.org.id, sent: 3 }]);
    expect(await listed(kim.tickets)).toEqual(numbers(f.t1, f.t5));
    expect(await listed(csat.points[1].tickets)).toEqual(numbers(f.t2, f.t5));
  });

  it('hours against the contract, load per person, A/B/C split', async () => {
    const { f, get, listed } = await setUp();
    const hours = await get('hours');
    expect(hours.points).toMatchObject([
      {
        period: '2026-10',
        minutes: 150,
        billableMinutes: 60,
        hours: 2.5,
        entitledHours: 10,
        usedShare: 0.25,
      },
    ]);
    expect(await listed(hours.points[0].tickets)).toEqual(numbers(f.t1, f.t2));
    const load = await get('load', `&teamId=${f.team.id}`);
    const of = (id: string) => load.points.find((p: { user: { id: string } }) => p.user.id === id);
    expect(of(f.kim.id)).toMatchObject({ weightedLoad: 2, openCount: 1 });
    expect(of(f.lee.id)).toMatchObject({ weightedLoad: 3, openCount: 1 });
    expect(await listed(of(f.kim.id).tickets)).toEqual(numbers(f.t3));
    const abc = await get('abc', `&teamId=${f.team.id}`);
    expect(abc.points.map((p: { minutes: unknown }) => p.minutes)).toEqual([
      { A: 60, B: 0, C: 0 },
      { A: 0, B: 90, C: 0 },
    ]);
    expect(abc.total.share).toEqual({ A: 0.4, B: 0.6, C: 0 });
    // The A/B/C link lists tickets with time of that class in the week, of any customer: narrow to ours.
    expect(await listed(`${abc.points[1].tickets.B}&organizationId=${f.org.id}`)).toEqual(numbers(f.t2));
  });

  it('recurring problems and improvement items with their effect', async () => {
    const { f, get, listed } = await setUp();
    const recurring = await get('recurring');
    expect(recurring.points).toHaveLength(1);
    expect(recurring.points[0]).toMatchObject({ count: 3, module: 'SD' });
    expect(await listed(recurring.points[0].tickets)).toEqual(numbers(...f.recurring));
    const improvements = await get('improvements');
    expect(improvements.points).toMatchObject([
      { id: f.improvement.id, metric: 'mean_resolution_hours', targetValue: 100, change: -0.25 },
    ]);
    expect(improvements.points[0].before.value).toBe(200);
    expect(improvements.points[0].after.value).toBe(150);
    expect(await listed(improvements.points[0].after.tickets)).toEqual(numbers(f.t1, f.t2, f.t5));
  });
});

describe('dashboard rollups follow every write', () => {
  it('hours follow a time entry changed or removed directly in the database', async () => {
    const { f, get } = await setUp();
    await db.update(timeEntries).set({ minutes: 30 }).where(eq(timeEntries.ticketId, f.t1.id));
    await db.delete(timeEntries).where(eq(timeEntries.ticketId, f.t2.id));
    expect((await get('hours')).points[0]).toMatchObject({ minutes: 30, billableMinutes: 30 });
  });
});

describe('dashboard filters, CSV and roles', () => {
  it('narrows by module and team', async () => {
    const { f, get } = await setUp();
    expect((await get('flow', '&module=FI')).total).toEqual({ created: 3, resolved: 2 });
    expect((await get('flow', '&module=MM')).total).toEqual({ created: 2, resolved: 0 });
    expect((await get('flow', `&teamId=${f.team.id}`)).total).toEqual({ created: 5, resolved: 3 });
    // Hours: the module of the tickets the time was logged on; the team's members' time.
    expect((await get('hours', '&module=FI')).points[0]).toMatchObject({ minutes: 150, entitledHours: 10 });
    expect((await get('hours', '&module=MM')).points[0]).toMatchObject({ minutes: 0, usedShare: 0 });
    expect((await get('hours', `&teamId=${f.team.id}`)).points[0]).toMatchObject({ minutes: 150 });
    const reopenFi = await get('reopen', '&module=FI');
    expect(reopenFi.total).toMatchObject({ count: 1, total: 2, rate: 0.5 });
  });

  it('answers CSV with a BOM, a header and one row per point, by format or Accept', async () => {
    const { f, manager } = await setUp();
    const url = `/dashboards/flow?organizationId=${f.org.id}&from=2026-10-05&to=2026-10-18`;
    const res = await manager.get(`${url}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('hamkke-flow-2026-10-05-2026-10-18.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'series,period,start,end,created,resolved,backlog,tickets.created,tickets.resolved,tickets.backlog',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 7).join(','))).toEqual([
      'points,2026-W41,2026-10-05,2026-10-11,2,1,2',
      'points,2026-W42,2026-10-12,2026-10-18,3,2,2',
      'total,,,,5,3,',
    ]);
    const accepted = await manager.get(
      `/dashboards/satisfaction?organizationId=${f.org.id}&from=2026-10-05&to=2026-10-18`,
      {
        accept: 'text/csv',
      },
    );
    expect(accepted.headers['content-type']).toMatch(/^text\/csv/);
    expect(accepted.body).toContain('byAgent');
    expect(accepted.body).toContain('김대시');
  });

  it('is for staff: 401 without a session, 403 for customers, 200 for a viewer; bad input names the field', async () => {
    const { f } = await setUp();
    const url = `/dashboards/sla?organizationId=${f.org.id}`;
    expect((await client(app).get(url)).statusCode).toBe(401);
    expect((await client(app, { cookie: f.requester.cookie }).get(url)).statusCode).toBe(403);
    const viewer = client(app, { cookie: (await makeUser('viewer')).cookie });
    const fallback = await viewer.get(url);
    expect(fallback.statusCode).toBe(200);
    // Without a period: the 12 weeks (84 Seoul days) ending today.
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(Date.parse(today) - 83 * 86_400_000).toISOString().slice(0, 10);
    expect(fallback.data.scope).toMatchObject({ from, to: today, granularity: 'week' });
    const backwards = await viewer.get('/dashboards/flow?from=2026-10-18&to=2026-10-05');
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.data.errors)).toContain('to');
    expect((await viewer.get('/dashboards/flow?from=2020-01-01&to=2026-10-05')).statusCode).toBe(422);
    expect((await viewer.get('/dashboards/flow?granularity=day')).statusCode).toBe(400);
    expect((await viewer.get(`/dashboards/load?teamId=${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});
