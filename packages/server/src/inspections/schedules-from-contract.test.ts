import { describe, expect, it } from 'vitest';
import { makePrimaryAgent } from '../teams/teams.fixtures.js';
import { client, useApp } from '../test/api.js';
import { makeSystem, makeWorld } from '../test/factories.js';
import { makeTemplate } from './inspections.fixtures.js';

const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

type TSchedule = { id: string; systemId: string | null; status: string; recurrence: unknown; name: string };

describe('schedules from a contract’s inspection cadence', () => {
  it('creates one Basis schedule per PRD system, follows cadence changes, pauses on none, leaves managers’ own alone', async () => {
    const w = await makeWorld();
    const second = await makeSystem(w.org.id, { sid: 'PR2', client: null });
    await makeSystem(w.org.id, { sid: 'QAS', tier: 'QAS' });
    await makeSystem(w.org.id, { sid: 'OLD', isActive: false });
    await makePrimaryAgent(w.org.id, w.agent.id, 'BC');
    const manager = as(w.manager);
    const created = await manager.post(`/organizations/${w.org.id}/contracts`, {
      name: '2027 운영 계약',
      startsOn: '2027-01-01',
      endsOn: '2028-12-31',
      services: ['support', 'inspection'],
      inspectionCadence: 'monthly',
      calendarKey: 'kr-standard',
    });
    expect(created.statusCode, created.body).toBe(201);
    const contractId = created.data.id;
    const list = async (): Promise<TSchedule[]> =>
      (await manager.get(`/inspection-schedules?contractId=${contractId}`)).data.items;

    const generated = await list();
    expect(generated.map((s) => s.systemId).sort()).toEqual([w.system.id, second.id].sort());
    const [basis] = (await manager.get('/inspection-templates')).data.items.filter(
      (t: { name: string }) => t.name === 'SAP Basis 월간 정기 점검',
    );
    expect(basis).toBeDefined();
    for (const s of generated) {
      expect(s).toMatchObject({
        status: 'active',
        recurrence: { kind: 'monthly', day: 20 },
        assigneeId: w.agent.id,
        calendarKey: 'kr-standard',
        startsOn: '2027-01-01',
        endsOn: '2028-12-31',
        templateId: basis.id,
      });
    }
    // 20 January 2027 is a Wednesday.
    expect((generated[0] as unknown as { nextOccurrence: { dueOn: string } }).nextOccurrence.dueOn).toBe(
      '2027-01-20',
    );
    expect(generated.find((s) => s.systemId === second.id)!.name).toBe('PR2 월간 Basis 정기 점검');

    // A manager's own schedule on the same contract.
    const { template } = await makeTemplate();
    const own = await manager.post('/inspection-schedules', {
      contractId,
      templateId: template.id,
      name: '보안 점검',
      recurrence: { kind: 'monthly', day: 5 },
      startsOn: '2027-01-01',
    });
    expect(own.statusCode, own.body).toBe(201);

    expect(
      (await manager.patch(`/contracts/${contractId}`, { inspectionCadence: 'quarterly' })).statusCode,
    ).toBe(200);
    let now = await list();
    expect(now).toHaveLength(3);
    for (const s of now.filter((s) => s.id !== own.data.id))
      expect(s).toMatchObject({
        status: 'active',
        recurrence: { kind: 'quarterly', monthOfQuarter: 3, day: 20 },
      });
    expect(now.find((s) => s.id === own.data.id)).toMatchObject({ recurrence: { kind: 'monthly', day: 5 } });

    expect((await manager.patch(`/contracts/${contractId}`, { inspectionCadence: 'none' })).statusCode).toBe(
      200,
    );
    now = await list();
    expect(
      now
        .filter((s) => s.status === 'paused')
        .map((s) => s.id)
        .sort(),
    ).toEqual(generated.map((s) => s.id).sort());
    expect(now.find((s) => s.id === own.data.id)!.status).toBe('active');

    // Back to monthly: the same schedules resume, none is added twice.
    expect(
      (await manager.patch(`/contracts/${contractId}`, { inspectionCadence: 'monthly' })).statusCode,
    ).toBe(200);
    now = await list();
    expect(now).toHaveLength(3);
    expect(now.every((s) => s.status === 'active')).toBe(true);

    // Dropping the inspection service pauses them too.
    expect((await manager.patch(`/contracts/${contractId}`, { services: ['support'] })).statusCode).toBe(200);
    expect((await list()).filter((s) => s.status === 'paused')).toHaveLength(2);
  });

  it('makes none without the inspection service or with cadence none', async () => {
    const w = await makeWorld();
    const manager = as(w.manager);
    for (const body of [
      { services: ['support'], inspectionCadence: 'monthly' },
      { services: ['support', 'inspection'], inspectionCadence: 'none' },
    ]) {
      const c = await manager.post(`/organizations/${w.org.id}/contracts`, {
        name: '계약',
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        ...body,
      });
      expect(c.statusCode, c.body).toBe(201);
      expect((await manager.get(`/inspection-schedules?contractId=${c.data.id}`)).data.items).toEqual([]);
    }
  });
});
