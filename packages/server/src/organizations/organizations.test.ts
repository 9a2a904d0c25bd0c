import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';

const app = useApp();
const code = () => `O${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

describe('organizations, systems and contracts', () => {
  it('registers a customer with special notes and keeps them from its own users', async () => {
    const manager = client(app, { cookie: (await makeUser('manager')).cookie });
    const created = await manager.post('/organizations', {
      name: '대성화학',
      code: code().toLowerCase(),
      specialNotes: '결산 주간 이관 금지',
    });
    expect(created.statusCode).toBe(201);
    expect(created.data.code).toMatch(/^O[A-Z0-9]+$/);
    expect(created.data.specialNotes).toBe('결산 주간 이관 금지');
    const customer = await makeUser('customer', created.data.id);
    const seen = await client(app, { cookie: customer.cookie }).get(`/organizations/${created.data.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.data.name).toBe('대성화학');
    expect(seen.data).not.toHaveProperty('specialNotes');
  });

  it('refuses a second organization with the same code, naming the field', async () => {
    const org = await makeOrganization();
    const manager = client(app, { cookie: (await makeUser('manager')).cookie });
    const dup = await manager.post('/organizations', { name: '중복', code: org.code });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.errors[0].path).toBe('code');
  });

  it('lets an agent keep the special notes current but not rename the customer', async () => {
    const org = await makeOrganization();
    const agent = client(app, { cookie: (await makeUser('agent')).cookie });
    const notes = await agent.patch(`/organizations/${org.id}`, {
      specialNotes: 'MM 담당자 변경: 이OO 대리',
    });
    expect(notes.statusCode).toBe(200);
    expect(notes.data.specialNotes).toBe('MM 담당자 변경: 이OO 대리');
    expect((await agent.patch(`/organizations/${org.id}`, { name: '다른 이름' })).statusCode).toBe(403);
  });

  it('keeps the CMDB: systems with SID, tier, client and modules, unique per SID and client', async () => {
    const org = await makeOrganization();
    const agent = client(app, { cookie: (await makeUser('agent')).cookie });
    const body = {
      sid: 'prd',
      tier: 'PRD',
      client: '100',
      product: 'S/4HANA',
      release: '2023',
      modules: ['FI', 'CO'],
    };
    const created = await agent.post(`/organizations/${org.id}/systems`, body);
    expect(created.statusCode).toBe(201);
    expect(created.data.sid).toBe('PRD');
    expect((await agent.post(`/organizations/${org.id}/systems`, body)).statusCode).toBe(409);
    const bad = await agent.post(`/organizations/${org.id}/systems`, {
      ...body,
      client: '1000',
      modules: ['XX'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['client', 'modules.0']);
    const list = await agent.get(`/organizations/${org.id}/systems`);
    expect(list.data.items).toHaveLength(1);
    const patched = await agent.patch(`/systems/${created.data.id}`, { release: '2023 FPS02' });
    expect(patched.data.release).toBe('2023 FPS02');
  });

  it('records contracts with a period that must not run backwards', async () => {
    const org = await makeOrganization();
    const manager = client(app, { cookie: (await makeUser('manager')).cookie });
    const created = await manager.post(`/organizations/${org.id}/contracts`, {
      name: '2026 AMS 운영 계약',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      services: ['support', 'inspection', 'monthly_report'],
      monthlyHours: 120,
      inspectionCadence: 'monthly',
    });
    expect(created.statusCode).toBe(201);
    expect(created.data.calendarKey).toBe('kr-standard');
    expect(created.data.monthlyHours).toBe(120);
    const backwards = await manager.post(`/organizations/${org.id}/contracts`, {
      name: 'x',
      startsOn: '2026-12-31',
      endsOn: '2026-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.data.errors[0].path).toBe('endsOn');
    const patchBackwards = await manager.patch(`/contracts/${created.data.id}`, { endsOn: '2025-06-30' });
    expect(patchBackwards.statusCode).toBe(422);
    expect(patchBackwards.data.errors[0].path).toBe('endsOn');
    expect((await manager.get(`/contracts/${created.data.id}`)).data.endsOn).toBe('2026-12-31');
  });
});
