import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeUser } from '../test/factories.js';
import { makeDashboardFixture } from './dashboards.fixtures.js';

const app = useApp();

/** The ticket list's click-through filters (dashboards/ticket-list-filters.ts) over the dashboard fixture. */
describe('ticket list: dashboard click-through filters', () => {
  it('each filter keeps exactly the tickets it names, and its negation the others', async () => {
    const f = await makeDashboardFixture();
    const agent = client(app, { cookie: (await makeUser('agent')).cookie });
    const listed = async (query: string) => {
      const res = await agent.get(`/tickets?organizationId=${f.org.id}&limit=200&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.data.items as { number: string }[]).map((t) => t.number).sort();
    };
    const n = (...ts: { number: string }[]) => ts.map((t) => t.number).sort();
    const { t1, t2, t3, t4, t5, t6 } = f;
    const old = `createdTo=${encodeURIComponent('2026-11-01T00:00:00+09:00')}`;
    expect(await listed(`${old}&isReopened=true`)).toEqual(n(t2));
    expect(await listed(`${old}&isReopened=false`)).toEqual(n(t1, t3, t4, t5, t6));
    expect(await listed(`${old}&isFirstContact=true`)).toEqual(n(t1));
    expect(await listed(`${old}&isFirstContact=false`)).toEqual(n(t2, t3, t4, t5, t6));
    expect(await listed('resolutionSla=breached')).toEqual(n(t2, t5));
    expect(await listed(`openAt=${encodeURIComponent('2026-10-13T12:00:00+09:00')}`)).toEqual(n(t3, t5));
    expect(await listed('csatRating=5')).toEqual(n(t1));
    expect(await listed('csatRating=1,2,3,4,5')).toEqual(n(t1, t2));
    expect(await listed('workedFrom=2026-09-01&workedTo=2026-09-30')).toEqual(n(t3));
    expect(await listed('workClass=B')).toEqual(n(t2));
    expect(await listed(`ids=${t1.id},${t4.id}`)).toEqual(n(t1, t4));
  });

  it('refuses malformed values naming the field', async () => {
    const agent = client(app, { cookie: (await makeUser('agent')).cookie });
    for (const [query, field] of [
      ['ids=not-a-uuid', 'ids'],
      ['isReopened=yes', 'isReopened'],
      ['csatRating=6', 'csatRating'],
      ['workedFrom=2026-13-01', 'workedFrom'],
      ['openAt=yesterday', 'openAt'],
    ]) {
      const res = await agent.get(`/tickets?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.data.errors), query).toContain(field);
    }
  });
});
