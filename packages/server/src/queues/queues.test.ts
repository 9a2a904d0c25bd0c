import { randomUUID } from 'node:crypto';
import { OPEN_STATUSES } from '@hamkke/core';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';

const app = useApp();

describe('GET /queues', () => {
  it("counts an agent's open tickets, a team's and a customer's, leaving resolved work out", async () => {
    const [org, agent, manager, viewer] = await Promise.all([
      makeOrganization(),
      makeUser('agent'),
      makeUser('manager'),
      makeUser('viewer'),
    ]);
    const team = `Team ${randomUUID().slice(0, 8)}`;
    const api = client(app, { cookie: manager.cookie });
    const create = async (body: object) => {
      const res = await api.post('/tickets', { organizationId: org.id, title: 'FB01 전기 오류', ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.data as { id: string };
    };
    await create({ assigneeId: agent.id, team });
    const waiting = await create({ assigneeId: agent.id, team });
    const done = await create({ assigneeId: agent.id, team });
    await create({});
    expect((await api.patch(`/tickets/${waiting.id}`, { status: 'waiting_customer' })).statusCode).toBe(200);
    expect((await api.patch(`/tickets/${done.id}`, { status: 'resolved' })).statusCode).toBe(200);

    const mine = await client(app, { cookie: agent.cookie }).get('/queues');
    expect(mine.statusCode).toBe(200);
    expect(mine.data.mine).toBe(2);
    expect(mine.data.teams).toContainEqual({ team, count: 2 });
    expect(mine.data.organizations).toContainEqual({ id: org.id, name: org.name, code: org.code, count: 3 });
    expect(mine.data.unassigned).toBeGreaterThanOrEqual(1);
    expect(mine.data.waitingCustomer).toBeGreaterThanOrEqual(1);

    // A team's queue opens the list of exactly those tickets: the count and the list agree.
    const teamList = await api.get(
      `/tickets?team=${encodeURIComponent(team)}&status=${OPEN_STATUSES.join(',')}&organizationId=${org.id}`,
    );
    expect(teamList.statusCode).toBe(200);
    expect(teamList.data.items).toHaveLength(2);
    expect(teamList.data.items.every((t: { team: string }) => t.team === team)).toBe(true);
    const noTeam = await api.get(`/tickets?team=none&organizationId=${org.id}`);
    expect(noTeam.data.items).toHaveLength(1);
    expect(noTeam.data.items[0].team).toBeNull();
    const tooLong = await api.get(`/tickets?team=${'팀'.repeat(61)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.data.errors[0].path).toBe('team');

    // The viewer reads the same queues; nothing is theirs.
    const read = await client(app, { cookie: viewer.cookie }).get('/queues');
    expect(read.statusCode).toBe(200);
    expect(read.data.mine).toBe(0);
    expect(read.data.organizations).toContainEqual({ id: org.id, name: org.name, code: org.code, count: 3 });
  });

  it('is for staff: a customer user is refused with 403, no session with 401', async () => {
    const org = await makeOrganization();
    const customer = await makeUser('customer', org.id);
    expect((await client(app, { cookie: customer.cookie }).get('/queues')).statusCode).toBe(403);
    expect((await client(app).get('/queues')).statusCode).toBe(401);
  });

  it('counts through a partial index of open tickets, never the whole table', async () => {
    // On a test-sized table the planner rightly prefers a sequential scan; with that ruled out it must
    // find an index holding open tickets only (tickets_open_queue_idx, or the team load's
    // tickets_open_assignee_idx: both cover exactly the open statuses), not walk all tickets.
    const text = await db.transaction(async (tx) => {
      await tx.execute('SET LOCAL enable_seqscan = off');
      const plan = await tx.execute<{ 'QUERY PLAN': string }>(
        `EXPLAIN (COSTS OFF) SELECT team, count(*) FROM tickets
          WHERE status IN ('new', 'open', 'in_progress', 'waiting_customer', 'waiting_vendor')
          GROUP BY GROUPING SETS ((), (team), (organization_id))`,
      );
      return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(text).toMatch(/tickets_open_(queue|assignee)_idx/);
  });
});
