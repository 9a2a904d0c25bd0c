import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, PASSWORD } from '../test/factories.js';

const app = useApp();

describe('users', () => {
  it('lets an admin create a customer user who can then sign in', async () => {
    const org = await makeOrganization();
    const admin = client(app, { cookie: (await makeUser('admin')).cookie });
    const email = `Kim.${Date.now()}@Hanbit.example`;
    const created = await admin.post('/users', {
      email,
      name: '김현업',
      role: 'customer',
      organizationId: org.id,
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    expect(created.data.email).toBe(email.toLowerCase());
    expect(created.data).not.toHaveProperty('passwordHash');
    const login = await client(app).post('/auth/login', { email, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.data.organizationId).toBe(org.id);
  });

  it('requires an organization for a customer user and none for staff', async () => {
    const admin = client(app, { cookie: (await makeUser('admin')).cookie });
    const noOrg = await admin.post('/users', {
      email: `c${Date.now()}@x.example`,
      name: '고객',
      role: 'customer',
    });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.data.errors[0].path).toBe('organizationId');
  });

  it('refuses a duplicate e-mail whatever its case', async () => {
    const existing = await makeUser('agent');
    const admin = client(app, { cookie: (await makeUser('admin')).cookie });
    const dup = await admin.post('/users', {
      email: existing.email.toUpperCase(),
      name: '중복',
      role: 'agent',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.errors[0].path).toBe('email');
  });

  it('keeps a deactivated user and their history, and lets everyone change their own language', async () => {
    const agent = await makeUser('agent');
    const admin = client(app, { cookie: (await makeUser('admin')).cookie });
    const me = client(app, { cookie: agent.cookie });
    expect((await me.patch(`/users/${agent.id}`, { locale: 'en' })).data.locale).toBe('en');
    expect((await me.patch(`/users/${agent.id}`, { role: 'admin' })).statusCode).toBe(403);
    const off = await admin.patch(`/users/${agent.id}`, { isActive: false });
    expect(off.data.isActive).toBe(false);
    expect((await admin.get(`/users/${agent.id}`)).data.name).toBe(agent.name);
    expect((await me.get('/me')).statusCode).toBe(401);
  });
});
