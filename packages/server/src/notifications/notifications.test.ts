import type { TRole } from '@hamkke/core';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { notifications } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';
import { notify } from './notify.js';

const app = useApp();

/** Three notifications for `userId`, a minute apart, the third the newest. */
async function threeFor(userId: string) {
  const at = (n: number) => new Date(Date.now() - (4 - n) * 60_000);
  await db
    .insert(notifications)
    .values([1, 2, 3].map((n) => ({ userId, kind: 'sla_at_risk', data: { n }, createdAt: at(n) })));
}

const ns = (items: { data: { n: number } }[]) => items.map((i) => i.data.n);

describe('notifications', () => {
  it('lists the caller’s own notifications, newest first, a page at a time', async () => {
    const [me, someoneElse] = await Promise.all([makeUser('manager'), makeUser('manager')]);
    await threeFor(me.id);
    await notify(db, [someoneElse.id], { kind: 'sla_breached', data: { n: 99 } });
    const api = client(app, { cookie: me.cookie });

    const first = await api.get('/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    expect(ns(first.data.items)).toEqual([3, 2]);
    expect(first.data.items[0]).toMatchObject({
      kind: 'sla_at_risk',
      ticketId: null,
      contractId: null,
      readAt: null,
    });
    expect(first.data.nextCursor).toEqual(expect.any(String));
    const second = await api.get(`/notifications?limit=2&cursor=${first.data.nextCursor}`);
    expect(ns(second.data.items)).toEqual([1]);
    expect(second.data.nextCursor).toBeNull();
  });

  it('marks one read, keeps it out of the unread list, and refuses someone else’s with 404', async () => {
    const [me, someoneElse] = await Promise.all([makeUser('agent'), makeUser('agent')]);
    await threeFor(me.id);
    await notify(db, [someoneElse.id], { kind: 'sla_breached' });
    const api = client(app, { cookie: me.cookie });
    const [newest] = (await api.get('/notifications')).data.items;

    expect((await api.post(`/notifications/${newest.id}/read`)).statusCode).toBe(204);
    const all = (await api.get('/notifications')).data.items;
    expect(all[0].readAt).toEqual(expect.any(String));
    // Reading it again changes nothing.
    expect((await api.post(`/notifications/${newest.id}/read`)).statusCode).toBe(204);
    expect((await api.get('/notifications')).data.items[0].readAt).toBe(all[0].readAt);
    expect(ns((await api.get('/notifications?unread=true')).data.items)).toEqual([2, 1]);
    expect(ns((await api.get('/notifications?unread=false')).data.items)).toEqual([3, 2, 1]);

    const theirs = (await client(app, { cookie: someoneElse.cookie }).get('/notifications')).data.items[0];
    const refused = await api.post(`/notifications/${theirs.id}/read`);
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(
      (await client(app, { cookie: someoneElse.cookie }).get('/notifications')).data.items[0].readAt,
    ).toBeNull();
  });

  it('marks them all read at once, and only the caller’s', async () => {
    const [me, someoneElse] = await Promise.all([makeUser('viewer'), makeUser('viewer')]);
    await Promise.all([threeFor(me.id), threeFor(someoneElse.id)]);
    const api = client(app, { cookie: me.cookie });
    expect((await api.post('/notifications/read-all')).statusCode).toBe(204);
    expect((await api.get('/notifications?unread=true')).data.items).toEqual([]);
    const theirs = await client(app, { cookie: someoneElse.cookie }).get('/notifications?unread=true');
    expect(theirs.data.items).toHaveLength(3);
  });

  it('gives every role its own notifications', async () => {
    const org = await makeOrganization();
    for (const role of ['admin', 'manager', 'agent', 'viewer', 'customer'] as TRole[]) {
      const user = await makeUser(role, org.id);
      // A kind every role receives (SLA warnings are for staff only).
      await notify(db, [user.id], { kind: 'ticket_resolved', data: { n: 1 } });
      const res = await client(app, { cookie: user.cookie }).get('/notifications');
      expect(res.statusCode, role).toBe(200);
      expect(ns(res.data.items), role).toEqual([1]);
    }
  });

  it('refuses a stranger’s request, a bad cursor and a bad limit', async () => {
    expect((await client(app).get('/notifications')).statusCode).toBe(401);
    const api = client(app, { cookie: (await makeUser('agent')).cookie });
    const cursor = await api.get('/notifications?cursor=not-a-cursor');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.data.errors[0].path).toBe('cursor');
    const limit = await api.get('/notifications?limit=0');
    expect(limit.statusCode).toBe(400);
    expect(limit.data.errors[0].path).toBe('limit');
    const unread = await api.get('/notifications?unread=yes');
    expect(unread.data.errors[0].path).toBe('unread');
  });
});
