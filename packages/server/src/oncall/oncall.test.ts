import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { auditLog } from '../db/schema.js';
import { makeTeam } from '../teams/teams.fixtures.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { makeRotation } from './oncall.fixtures.js';

const app = useApp({ HAMKKE_PUBLIC_URL: 'https://hamkke.example.co.kr' });
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

type TShift = {
  rotationId: string;
  person: { id: string };
  start: string;
  end: string;
  overrideId: string | null;
};

/** A team covering a fresh customer, with three people who will take turns. */
async function teamWorld() {
  const w = await makeWorld();
  const [kim, lee, park] = await Promise.all([
    makeUser('agent', null, { name: '김당직' }),
    makeUser('agent', null, { name: '이당직' }),
    makeUser('agent', null, { name: '박당직' }),
  ]);
  const team = await makeTeam({ organizationIds: [w.org.id], memberIds: [kim.id, lee.id, park.id] });
  return { ...w, kim, lee, park, team };
}

describe('on-call rotations', () => {
  it('lets a manager set up a rotation that staff read, and audits it', async () => {
    const w = await teamWorld();
    const created = await as(w.manager).post('/oncall/rotations', {
      name: 'SCM 주간 당직',
      teamId: w.team.id,
      memberIds: [w.lee.id, w.kim.id, w.park.id],
      startsOn: '2026-11-02',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({
      name: 'SCM 주간 당직',
      team: { id: w.team.id, name: w.team.name },
      shiftDays: 7,
      handoverWeekday: 1,
      handoverTime: '09:00',
      timeZone: 'Asia/Seoul',
    });
    // The order is the rotation's, not alphabetical.
    expect(created.data.members.map((m: { name: string }) => m.name)).toEqual(['이당직', '김당직', '박당직']);
    const read = await as(w.viewer).get(`/oncall/rotations/${created.data.id}`);
    expect(read.statusCode).toBe(200);
    expect(
      (await as(w.agent).get('/oncall/rotations')).data.items.map((r: { id: string }) => r.id),
    ).toContain(created.data.id);
    const patched = await as(w.admin).patch(`/oncall/rotations/${created.data.id}`, {
      memberIds: [w.park.id],
      handoverTime: '18:30',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data.members).toEqual([{ id: w.park.id, name: '박당직' }]);
    expect(patched.data.handoverTime).toBe('18:30');
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'oncall_rotation'), eq(auditLog.entityId, created.data.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect((await as(w.manager).delete(`/oncall/rotations/${created.data.id}`)).statusCode).toBe(204);
    expect((await as(w.manager).get(`/oncall/rotations/${created.data.id}`)).statusCode).toBe(404);
  });

  it('answers 401 without a session, 403 to customers and to staff who may not write, 404 for an unknown rotation', async () => {
    const w = await teamWorld();
    const rotation = await makeRotation({ teamId: w.team.id, memberIds: [w.kim.id] });
    const anonymous = client(app);
    expect((await anonymous.get('/oncall/rotations')).statusCode).toBe(401);
    expect((await anonymous.get('/oncall/now')).statusCode).toBe(401);
    const body = { name: 'x', teamId: null, startsOn: '2026-11-02' };
    for (const user of [w.customer, w.viewer, w.agent]) {
      expect((await as(user).post('/oncall/rotations', body)).statusCode).toBe(403);
      expect((await as(user).patch(`/oncall/rotations/${rotation.id}`, { name: 'y' })).statusCode).toBe(403);
      expect((await as(user).delete(`/oncall/rotations/${rotation.id}`)).statusCode).toBe(403);
      const override = {
        userId: w.lee.id,
        startsAt: '2026-12-01T09:00:00+09:00',
        endsAt: '2026-12-02T09:00:00+09:00',
      };
      expect((await as(user).post(`/oncall/rotations/${rotation.id}/overrides`, override)).statusCode).toBe(
        403,
      );
    }
    // Customers see nothing of the on-call plan, not even reads.
    for (const url of ['/oncall/rotations', `/oncall/rotations/${rotation.id}`, '/oncall/now']) {
      expect((await as(w.customer).get(url)).statusCode).toBe(403);
    }
    const otherCustomer = await makeUser('customer', (await makeOrganization()).id);
    expect((await as(otherCustomer).get(`/oncall/rotations/${rotation.id}/overrides`)).statusCode).toBe(403);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await as(w.viewer).get(`/oncall/rotations/${missing}`)).statusCode).toBe(404);
    expect((await as(w.manager).patch(`/oncall/rotations/${missing}`, { name: 'y' })).statusCode).toBe(404);
    expect((await as(w.manager).delete(`/oncall/overrides/${missing}`)).statusCode).toBe(404);
    const override = {
      userId: w.lee.id,
      startsAt: '2026-12-01T09:00:00+09:00',
      endsAt: '2026-12-02T09:00:00+09:00',
    };
    expect((await as(w.manager).post(`/oncall/rotations/${missing}/overrides`, override)).statusCode).toBe(
      404,
    );
  });

  it('names the field and the rule for bad input, and allows one rotation per team', async () => {
    const w = await teamWorld();
    const customer = w.customer;
    const bad = await as(w.manager).post('/oncall/rotations', {
      name: '당직',
      teamId: w.team.id,
      memberIds: [w.kim.id, w.kim.id],
      handoverWeekday: 7,
      handoverTime: '25:00',
      startsOn: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.data.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['memberIds', 'handoverWeekday', 'handoverTime', 'startsOn']),
    );
    const notStaff = await as(w.manager).post('/oncall/rotations', {
      name: '당직',
      teamId: w.team.id,
      memberIds: [customer.id],
      startsOn: '2026-11-02',
    });
    expect(notStaff.statusCode).toBe(422);
    expect(notStaff.data.errors[0].path).toBe('memberIds');
    const first = await as(w.manager).post('/oncall/rotations', {
      name: '당직',
      teamId: w.team.id,
      memberIds: [w.kim.id],
      startsOn: '2026-11-02',
    });
    expect(first.statusCode).toBe(201);
    const second = await as(w.manager).post('/oncall/rotations', {
      name: '당직 2',
      teamId: w.team.id,
      startsOn: '2026-11-02',
    });
    expect(second.statusCode).toBe(409);
    expect(second.data.errors[0].path).toBe('teamId');
    const override = await as(w.manager).post(`/oncall/rotations/${first.data.id}/overrides`, {
      userId: w.lee.id,
      startsAt: '2026-12-02T09:00:00+09:00',
      endsAt: '2026-12-01T09:00:00+09:00',
    });
    expect(override.statusCode).toBe(400);
    expect(override.data.errors[0].path).toBe('endsAt');
    const schedule = await as(w.agent).get(
      '/oncall/schedule?from=2026-12-01T00:00:00%2B09:00&to=2026-11-01T00:00:00%2B09:00',
    );
    expect(schedule.statusCode).toBe(400);
    expect(schedule.data.errors[0].path).toBe('to');
  });
});

describe('the on-call schedule', () => {
  it('rotates weekly in order, and an override wins for its period', async () => {
    const w = await teamWorld();
    const rotation = await as(w.manager).post('/oncall/rotations', {
      name: '주간 당직',
      teamId: w.team.id,
      memberIds: [w.kim.id, w.lee.id, w.park.id],
      startsOn: '2026-11-02',
    });
    // 이당직 is sick on Wednesday 11 Nov from 18:00 to Thursday 09:00; 박당직 covers.
    const override = await as(w.manager).post(`/oncall/rotations/${rotation.data.id}/overrides`, {
      userId: w.park.id,
      forUserId: w.lee.id,
      startsAt: '2026-11-11T18:00:00+09:00',
      endsAt: '2026-11-12T09:00:00+09:00',
      note: '병가',
    });
    expect(override.statusCode, override.body).toBe(201);
    expect(override.data).toMatchObject({
      person: { name: '박당직' },
      forPerson: { name: '이당직' },
      note: '병가',
    });
    const res = await as(w.viewer).get(
      `/oncall/schedule?from=${encodeURIComponent('2026-11-02T00:00:00+09:00')}&to=${encodeURIComponent('2026-11-23T12:00:00+09:00')}&rotationId=${rotation.data.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const seoul = (iso: string) =>
      new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
    const names = new Map([w.kim, w.lee, w.park].map((u) => [u.id, u.name]));
    expect(
      res.data.items.map((s: TShift) => [
        names.get(s.person.id),
        seoul(s.start),
        seoul(s.end),
        s.overrideId !== null,
      ]),
    ).toEqual([
      ['김당직', '2026-11-02T09:00', '2026-11-09T09:00', false],
      ['이당직', '2026-11-09T09:00', '2026-11-11T18:00', false],
      ['박당직', '2026-11-11T18:00', '2026-11-12T09:00', true],
      ['이당직', '2026-11-12T09:00', '2026-11-16T09:00', false],
      ['박당직', '2026-11-16T09:00', '2026-11-23T09:00', false],
      ['김당직', '2026-11-23T09:00', '2026-11-23T12:00', false],
    ]);
    const listed = await as(w.agent).get(
      `/oncall/rotations/${rotation.data.id}/overrides?from=2026-11-01T00:00:00Z`,
    );
    expect(listed.data.items.map((o: { id: string }) => o.id)).toEqual([override.data.id]);
    expect((await as(w.manager).delete(`/oncall/overrides/${override.data.id}`)).statusCode).toBe(204);
    const after = await as(w.viewer).get(
      `/oncall/schedule?from=${encodeURIComponent('2026-11-11T20:00:00+09:00')}&to=${encodeURIComponent('2026-11-11T21:00:00+09:00')}&rotationId=${rotation.data.id}`,
    );
    expect(after.data.items.map((s: TShift) => s.person.id)).toEqual([w.lee.id]);
  });

  it('tells who is on call now and who is next', async () => {
    const w = await teamWorld();
    const rotation = await makeRotation({
      teamId: w.team.id,
      memberIds: [w.kim.id, w.lee.id],
      shiftDays: 1,
      startsOn: '2026-01-01',
    });
    const res = await as(w.agent).get('/oncall/now');
    expect(res.statusCode).toBe(200);
    const mine = res.data.items.find((i: { rotation: { id: string } }) => i.rotation.id === rotation.id);
    expect(mine.rotation.team).toEqual({ id: w.team.id, name: w.team.name });
    const now = Date.now();
    expect(new Date(mine.current.start).getTime()).toBeLessThanOrEqual(now);
    expect(new Date(mine.current.end).getTime()).toBeGreaterThan(now);
    expect([w.kim.id, w.lee.id]).toContain(mine.current.person.id);
    expect(mine.next.person.id).not.toBe(mine.current.person.id);
    expect(mine.next.start).toBe(mine.current.end);
  });
});

describe('on-call shifts in the calendar feeds', () => {
  it("puts a person's own shifts in their feed, and the team's in the team feed", async () => {
    const w = await teamWorld();
    const startsOn = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
    await as(w.manager).post('/oncall/rotations', {
      name: `당직 ${w.org.code}`,
      teamId: w.team.id,
      memberIds: [w.kim.id, w.lee.id],
      startsOn,
    });
    const feed = await as(w.kim).post('/me/calendar-feed');
    expect(feed.statusCode, feed.body).toBe(201);
    const text = (await app().inject({ method: 'GET', url: new URL(feed.data.url).pathname })).body;
    const unfolded = text.replace(/\r\n /g, '');
    const summaries = [...unfolded.matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1]);
    expect(summaries.length).toBeGreaterThan(1);
    for (const s of summaries) expect(s).toBe(`[당직] 김당직 · 당직 ${w.org.code}`);
    expect(unfolded).toContain('CATEGORIES:당직');
    expect(unfolded).toContain('URL:https://hamkke.example.co.kr/oncall');
    const teamFeed = await as(w.manager).post('/team-calendar-feeds', { team: w.team.name });
    const teamText = (
      await app().inject({ method: 'GET', url: new URL(teamFeed.data.url).pathname })
    ).body.replace(/\r\n /g, '');
    expect(teamText).toContain('[당직] 김당직');
    expect(teamText).toContain('[당직] 이당직');
  });
});
