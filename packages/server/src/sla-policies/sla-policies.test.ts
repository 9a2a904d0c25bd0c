import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeCalendar, makeOrganization, makeSlaPolicy, makeUser } from '../test/factories.js';

const app = useApp();

const as = async (role: 'admin' | 'manager' | 'agent' | 'viewer') =>
  client(app, { cookie: (await makeUser(role)).cookie });
const paths = (res: TResponse): string[] => res.data.errors.map((e: { path: string }) => e.path).sort();
const name = () => `SLA ${Math.random().toString(36).slice(2, 8)}`;

const TARGETS = {
  P1: { firstResponse: 15, resolution: 120 },
  P2: { firstResponse: 30, resolution: 480 },
  P3: { firstResponse: 240, resolution: 1440 },
  P4: { firstResponse: 480, resolution: 4800 },
};

type TPolicy = { id: string; name: string; isDefault: boolean };

describe('SLA policies', () => {
  it('ships one default policy with targets for P1–P4 that pauses while waiting for the customer', async () => {
    const res = await (await as('viewer')).get('/sla-policies');
    expect(res.statusCode).toBe(200);
    const defaults = res.data.items.filter((p: TPolicy) => p.isDefault);
    expect(defaults).toHaveLength(1);
    expect(defaults[0]).toMatchObject({
      name: '표준 SLA',
      pauseStatuses: ['waiting_customer'],
      targets: { P1: { firstResponse: 30, resolution: 240 }, P4: { firstResponse: 480, resolution: 2400 } },
    });
    const one = await (await as('agent')).get(`/sla-policies/${defaults[0].id}`);
    expect(one.data).toEqual(defaults[0]);
    expect((await (await as('agent')).get(`/sla-policies/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('lets a manager write a policy, with the customer-wait pause by default, and audits it', async () => {
    const manager = await as('manager');
    const created = await manager.post('/sla-policies', { name: name(), targets: TARGETS });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      targets: TARGETS,
      pauseStatuses: ['waiting_customer'],
      atRiskRatio: 0.8,
      isDefault: false,
    });
    const patched = await manager.patch(`/sla-policies/${created.data.id}`, {
      pauseStatuses: ['waiting_customer', 'waiting_vendor'],
      targets: { ...TARGETS, P1: { firstResponse: 10, resolution: 60 } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.data.pauseStatuses).toEqual(['waiting_customer', 'waiting_vendor']);
    expect(patched.data.targets.P1).toEqual({ firstResponse: 10, resolution: 60 });
    const audit = await (await as('admin')).get(`/audit?entityType=sla_policy&entityId=${created.data.id}`);
    expect(audit.data.items.map((a: { action: string }) => a.action).sort()).toEqual(['create', 'update']);
  });

  it('refuses a name another policy has, naming the field', async () => {
    const admin = await as('admin');
    const existing = await makeSlaPolicy();
    const dup = await admin.post('/sla-policies', { name: existing.name, targets: TARGETS });
    expect(dup.statusCode).toBe(409);
    expect(paths(dup)).toEqual(['name']);
    const other = await makeSlaPolicy();
    const renamed = await admin.patch(`/sla-policies/${other.id}`, { name: existing.name });
    expect(renamed.statusCode).toBe(409);
    expect(paths(renamed)).toEqual(['name']);
    expect((await admin.patch(`/sla-policies/${other.id}`, { name: other.name })).statusCode).toBe(200);
  });

  it('keeps exactly one default: making a policy the default takes it from the other', async () => {
    const admin = await as('admin');
    const listDefaults = async () =>
      (await admin.get('/sla-policies')).data.items.filter((p: TPolicy) => p.isDefault);
    const [standard] = await listDefaults();
    // A twin of the standard policy, so that tickets created meanwhile by other tests get the same targets.
    const { id: _id, createdAt: _c, updatedAt: _u, ...definition } = standard;
    const twin = await admin.post('/sla-policies', { ...definition, name: name(), isDefault: true });
    expect(twin.statusCode).toBe(201);
    expect(twin.data.isDefault).toBe(true);
    const back = await admin.patch(`/sla-policies/${standard.id}`, { isDefault: true });
    expect(back.statusCode).toBe(200);
    expect((await listDefaults()).map((p: TPolicy) => p.id)).toEqual([standard.id]);
    expect((await admin.get(`/sla-policies/${twin.data.id}`)).data.isDefault).toBe(false);

    const unset = await admin.patch(`/sla-policies/${standard.id}`, { isDefault: false });
    expect(unset.statusCode).toBe(422);
    expect(paths(unset)).toEqual(['isDefault']);
    expect((await admin.patch(`/sla-policies/${twin.data.id}`, { isDefault: false })).statusCode).toBe(200);
  });

  it('answers bad input with a 400 that names the field', async () => {
    const admin = await as('admin');
    const post = (body: object) => admin.post('/sla-policies', { name: name(), targets: TARGETS, ...body });
    const { P4: _p4, ...threeTargets } = TARGETS;
    expect(paths(await post({ targets: threeTargets }))).toEqual(['targets.P4']);
    expect(paths(await post({ targets: { ...TARGETS, P2: { firstResponse: 0, resolution: 60 } } }))).toEqual([
      'targets.P2.firstResponse',
    ]);
    const backwards = await post({ targets: { ...TARGETS, P1: { firstResponse: 120, resolution: 60 } } });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards)).toEqual(['targets.P1.resolution']);
    expect(backwards.data.errors[0].message).toBe('resolution은 firstResponse보다 짧을 수 없습니다');
    expect(paths(await post({ pauseStatuses: ['closed'] }))).toEqual(['pauseStatuses.0']);
    expect(
      paths(await post({ escalations: [{ on: 'breached', clock: 'resolution', action: 'reassign_team' }] })),
    ).toEqual(['escalations.0.team']);
    expect(paths(await post({ name: '' }))).toEqual(['name']);
    const policy = await makeSlaPolicy();
    expect(paths(await admin.patch(`/sla-policies/${policy.id}`, { color: 'red' }))).toContain('color');
    expect((await admin.patch(`/sla-policies/${policy.id}`, {})).statusCode).toBe(400);
  });

  it('lets staff read policies, managers and admins write them, and customers nothing', async () => {
    const policy = await makeSlaPolicy();
    const org = await makeOrganization();
    const customer = client(app, { cookie: (await makeUser('customer', org.id)).cookie });
    expect((await customer.get('/sla-policies')).statusCode).toBe(403);
    expect((await customer.get(`/sla-policies/${policy.id}`)).statusCode).toBe(403);
    expect((await client(app).get('/sla-policies')).statusCode).toBe(401);
    for (const role of ['agent', 'viewer'] as const) {
      const api = await as(role);
      expect((await api.get(`/sla-policies/${policy.id}`)).statusCode).toBe(200);
      expect((await api.post('/sla-policies', { name: name(), targets: TARGETS })).statusCode).toBe(403);
      expect((await api.patch(`/sla-policies/${policy.id}`, { atRiskRatio: 0.5 })).statusCode).toBe(403);
    }
  });
});

describe('contracts point at a policy and a calendar', () => {
  it('records the policy, the calendar and whether P1 runs around the clock', async () => {
    const [org, policy, calendar] = await Promise.all([makeOrganization(), makeSlaPolicy(), makeCalendar()]);
    const manager = await as('manager');
    const created = await manager.post(`/organizations/${org.id}/contracts`, {
      name: '2026 AMS 운영 계약',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      slaPolicyId: policy.id,
      calendarKey: calendar.key,
      p1AroundTheClock: true,
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      slaPolicyId: policy.id,
      calendarKey: calendar.key,
      p1AroundTheClock: true,
    });
    const plain = await manager.post(`/organizations/${org.id}/contracts`, {
      name: '2027 AMS 운영 계약',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    });
    expect(plain.data).toMatchObject({
      slaPolicyId: null,
      calendarKey: 'kr-standard',
      p1AroundTheClock: false,
    });
    const patched = await manager.patch(`/contracts/${plain.data.id}`, {
      p1AroundTheClock: true,
      calendarKey: '24x7',
    });
    expect(patched.data).toMatchObject({ p1AroundTheClock: true, calendarKey: '24x7' });
    expect(
      (await manager.patch(`/contracts/${plain.data.id}`, { p1AroundTheClock: 'yes' })).data.errors[0].path,
    ).toBe('p1AroundTheClock');
  });

  it('refuses a policy or a calendar that does not exist, naming the field', async () => {
    const org = await makeOrganization();
    const manager = await as('manager');
    const body = { name: '2026 운영 계약', startsOn: '2026-01-01', endsOn: '2026-12-31' };
    const noPolicy = await manager.post(`/organizations/${org.id}/contracts`, {
      ...body,
      slaPolicyId: randomUUID(),
    });
    expect(noPolicy.statusCode).toBe(422);
    expect(paths(noPolicy)).toEqual(['slaPolicyId']);
    const noCalendar = await manager.post(`/organizations/${org.id}/contracts`, {
      ...body,
      calendarKey: 'kr-nowhere',
    });
    expect(noCalendar.statusCode).toBe(422);
    expect(paths(noCalendar)).toEqual(['calendarKey']);
    const contract = await manager.post(`/organizations/${org.id}/contracts`, body);
    const badPatch = await manager.patch(`/contracts/${contract.data.id}`, { calendarKey: 'kr-nowhere' });
    expect(badPatch.statusCode).toBe(422);
    expect(paths(badPatch)).toEqual(['calendarKey']);
    const badPolicy = await manager.patch(`/contracts/${contract.data.id}`, { slaPolicyId: randomUUID() });
    expect(paths(badPolicy)).toEqual(['slaPolicyId']);
    expect((await manager.patch(`/contracts/${contract.data.id}`, { slaPolicyId: null })).statusCode).toBe(
      200,
    );
  });
});
