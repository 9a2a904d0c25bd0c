import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { csatSurveys, tickets } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';

const app = useApp();

/**
 * A hand-made month of surveys for one organization. Sent in Seoul time:
 *   #  sent (KST)          agent  module  rating   note
 *   1  2026-09-30 23:30    kim    FI      5
 *   2  2026-10-01 00:30    kim    FI      4
 *   3  2026-10-15 10:00    kim    MM      2
 *   4  2026-10-20 10:00    lee    MM      —        not answered
 *   5  2026-10-21 10:00    lee    —       1
 *   6  2026-10-22 10:00    lee    MM      —        superseded: never counted
 * By month: 2026-09 sent 1, 1 response, avg 5; 2026-10 sent 4, 3 responses (4, 2, 1), avg 2.33.
 * By agent (Oct only): kim sent 2 (4, 2) avg 3; lee sent 2, 1 response (1), rate 0.5, avg 1.
 * By module (all): FI 2 sent (5, 4) avg 4.5; MM 2 sent, 1 response (2) avg 2; none 1 sent (1).
 */
async function makeFixture() {
  const org = await makeOrganization();
  const requester = await makeUser('customer', org.id);
  const [kim, lee] = await Promise.all([
    makeUser('agent', null, { name: '김상담' }),
    makeUser('agent', null, { name: '이상담' }),
  ]);
  const [ticket] = await db
    .insert(tickets)
    .values({
      number: `${org.code}-000001`,
      organizationId: org.id,
      type: 'inquiry',
      title: '만족도 집계용',
      impact: 'low',
      urgency: 'low',
      priority: 'P4',
      channel: 'portal',
    })
    .returning();
  const kst = (local: string) => new Date(`${local}+09:00`);
  const rows: [string, string, string | null, number | null, boolean][] = [
    ['2026-09-30T23:30:00', kim.id, 'FI', 5, false],
    ['2026-10-01T00:30:00', kim.id, 'FI', 4, false],
    ['2026-10-15T10:00:00', kim.id, 'MM', 2, false],
    ['2026-10-20T10:00:00', lee.id, 'MM', null, false],
    ['2026-10-21T10:00:00', lee.id, null, 1, false],
    ['2026-10-22T10:00:00', lee.id, 'MM', null, true],
  ];
  await db.insert(csatSurveys).values(
    rows.map(([sent, agentId, module, rating, isSuperseded], i) => ({
      ticketId: ticket!.id,
      organizationId: org.id,
      requesterId: requester.id,
      agentId,
      module,
      tokenHash: `fixture-${org.id}-${i}`,
      sentAt: kst(sent),
      expiresAt: new Date(kst(sent).getTime() + 14 * 86_400_000),
      supersededAt: isSuperseded ? kst(sent) : null,
      answeredAt: rating === null ? null : kst(sent),
      rating,
    })),
  );
  return { org, kim, lee };
}

describe('satisfaction results', () => {
  it('groups by month in Seoul time with responses, rate, average and distribution', async () => {
    const { org } = await makeFixture();
    const manager = client(app, { cookie: (await makeUser('manager')).cookie });
    const res = await manager.get(`/csat/summary?groupBy=month&organizationId=${org.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.data.rows).toEqual([
      {
        key: '2026-09',
        label: '2026-09',
        sent: 1,
        responses: 1,
        responseRate: 1,
        average: 5,
        distribution: [0, 0, 0, 0, 1],
      },
      {
        key: '2026-10',
        label: '2026-10',
        sent: 4,
        responses: 3,
        responseRate: 0.75,
        average: 2.33,
        distribution: [1, 1, 0, 1, 0],
      },
    ]);
    expect(res.data.total).toMatchObject({
      sent: 5,
      responses: 4,
      responseRate: 0.8,
      average: 3,
      distribution: [1, 1, 0, 1, 1],
    });
  });

  it('groups by agent over a date range and by module', async () => {
    const { org, kim, lee } = await makeFixture();
    const viewer = client(app, { cookie: (await makeUser('viewer')).cookie });
    const byAgent = await viewer.get(
      `/csat/summary?groupBy=agent&organizationId=${org.id}&from=2026-10-01&to=2026-10-31`,
    );
    expect(byAgent.statusCode).toBe(200);
    const agents = Object.fromEntries(byAgent.data.rows.map((r: { key: string }) => [r.key, r]));
    expect(agents[kim.id]).toMatchObject({
      label: '김상담',
      sent: 2,
      responses: 2,
      responseRate: 1,
      average: 3,
    });
    expect(agents[lee.id]).toMatchObject({
      label: '이상담',
      sent: 2,
      responses: 1,
      responseRate: 0.5,
      average: 1,
    });
    const byModule = await viewer.get(`/csat/summary?groupBy=module&organizationId=${org.id}`);
    expect(
      byModule.data.rows.map((r: { key: string | null; sent: number; average: number | null }) => [
        r.key,
        r.sent,
        r.average,
      ]),
    ).toEqual([
      ['FI', 2, 4.5],
      ['MM', 2, 2],
      [null, 1, 1],
    ]);
    const byOrg = await viewer.get(`/csat/summary?groupBy=organization&organizationId=${org.id}`);
    expect(byOrg.data.rows).toEqual([
      expect.objectContaining({ key: org.id, label: org.name, sent: 5, responses: 4 }),
    ]);
  });

  it('is for staff only and names a reversed range', async () => {
    const { org } = await makeFixture();
    const customer = await makeUser('customer', org.id);
    expect((await client(app, { cookie: customer.cookie }).get('/csat/summary')).statusCode).toBe(403);
    const manager = client(app, { cookie: (await makeUser('manager')).cookie });
    const bad = await manager.get('/csat/summary?from=2026-10-31&to=2026-10-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].path).toBe('to');
    expect((await manager.get('/csat/summary?groupBy=team')).statusCode).toBe(400);
  });
});
