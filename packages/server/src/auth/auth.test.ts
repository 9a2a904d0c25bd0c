import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { users } from '../db/schema.js';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld, PASSWORD } from '../test/factories.js';
import { ensureAdmin } from '../users/ensure-admin.js';
import { SESSION_COOKIE } from './auth-hook.js';
import { MAX_FAILURES } from './login.js';

const app = useApp();

/** The `name=value` pair of the session cookie the response sets, as a browser would send it back. */
function sessionCookieOf(res: TResponse): string {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  return `${SESSION_COOKIE}=${cookie!.value}`;
}

const login = (email: string, password: string, headers?: Record<string, string>) =>
  client(app).post('/auth/login', { email, password }, headers);

describe('sign-in', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await makeUser('agent');
    const res = await login(user.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.data.id).toBe(user.id);
    expect(res.data).not.toHaveProperty('passwordHash');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//i);

    const me = await client(app, { cookie: sessionCookieOf(res) }).get('/me');
    expect(me.statusCode).toBe(200);
    expect(me.data.id).toBe(user.id);
    expect(me.data.email).toBe(user.email);
  });

  it('refuses a wrong password with 401 problem+json and no cookie', async () => {
    const user = await makeUser('agent');
    const res = await login(user.email, 'not the password at all');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.data.status).toBe(401);
    expect(res.data.detail).toBe('이메일 또는 비밀번호가 올바르지 않습니다');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const res = await login(`nobody-${Date.now()}@example.com`, PASSWORD, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(401);
    expect(res.data.detail).toBe('Wrong e-mail or password');
  });

  it(`locks the e-mail out with 429 and Retry-After after ${MAX_FAILURES} failures, even for the right password`, async () => {
    const user = await makeUser('agent');
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await login(user.email, `wrong password ${i}`)).statusCode).toBe(401);
    }
    const locked = await login(user.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.data.detail).toContain(String(retryAfter));
    expect(locked.headers['set-cookie']).toBeUndefined();

    // Another user is not locked out by someone else's failures.
    const other = await makeUser('agent');
    expect((await login(other.email, PASSWORD)).statusCode).toBe(200);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const user = await makeUser('agent');
    for (let i = 0; i < MAX_FAILURES - 1; i++) await login(user.email, 'wrong password');
    expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await login(user.email, 'wrong password');
    expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('stores the password as an argon2id hash, never in clear', async () => {
    const admin = await makeUser('admin');
    const created = await client(app, { cookie: admin.cookie }).post('/users', {
      email: `new-${Date.now()}@example.com`,
      name: '신규 상담원',
      role: 'agent',
      password: '새 비밀번호는 충분히 길다',
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).not.toHaveProperty('password');
    expect(created.data).not.toHaveProperty('passwordHash');
    const [row] = await db.select().from(users).where(eq(users.id, created.data.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row!.passwordHash).not.toContain('새 비밀번호');
    expect((await login(created.data.email, '새 비밀번호는 충분히 길다')).statusCode).toBe(200);
  });

  it('ends the session on logout, so the cookie no longer works', async () => {
    const user = await makeUser('agent');
    const cookie = sessionCookieOf(await login(user.email, PASSWORD));
    const me = client(app, { cookie });
    expect((await me.get('/me')).statusCode).toBe(200);
    const out = await me.post('/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
    const after = await me.get('/me');
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 401 without a session', async () => {
    const res = await client(app).get('/me');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await client(app, { cookie: `${SESSION_COOKIE}=forged` }).get('/me')).statusCode).toBe(401);
  });

  it('shuts a deactivated user out of the session they already have, and of signing in again', async () => {
    const admin = await makeUser('admin');
    const org = await makeOrganization();
    const customer = await makeUser('customer', org.id);
    const them = client(app, { cookie: customer.cookie });
    expect((await them.get('/me')).statusCode).toBe(200);

    const off = await client(app, { cookie: admin.cookie }).patch(`/users/${customer.id}`, {
      isActive: false,
    });
    expect(off.statusCode).toBe(200);
    expect(off.data.isActive).toBe(false);
    expect((await them.get('/me')).statusCode).toBe(401);
    expect((await them.post('/tickets', { title: '비활성 사용자의 요청' })).statusCode).toBe(401);
    expect((await login(customer.email, PASSWORD)).statusCode).toBe(401);
  });
  it('ends every other session when users change their own password, and keeps the one they used', async () => {
    const agent = await makeUser('agent');
    const other = sessionCookieOf(await login(agent.email, PASSWORD));
    const changed = await client(app, { cookie: agent.cookie }).patch(`/users/${agent.id}`, {
      password: 'a brand new passphrase',
    });
    expect(changed.statusCode).toBe(200);
    expect((await client(app, { cookie: agent.cookie }).get('/me')).statusCode).toBe(200);
    expect((await client(app, { cookie: other }).get('/me')).statusCode).toBe(401);
    expect((await login(agent.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(agent.email, 'a brand new passphrase')).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('shows the secret once, acts as the user with Bearer, lists without the secret, and stops on revoke', async () => {
    const w = await makeWorld();
    const mine = client(app, { cookie: w.agent.cookie });
    const past = await mine.post('/tokens', { name: '만료됨', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(422);
    expect(past.data.errors[0].path).toBe('expiresAt');
    const created = await mine.post('/tokens', { name: 'ERP 연동' });
    expect(created.statusCode).toBe(201);
    expect(created.data.name).toBe('ERP 연동');
    expect(created.data.token).toMatch(/^hk_/);
    const secret: string = created.data.token;

    const bearer = client(app, { token: secret });
    const me = await bearer.get('/me');
    expect(me.statusCode).toBe(200);
    expect(me.data.id).toBe(w.agent.id);
    const ticket = await bearer.post('/tickets', { organizationId: w.org.id, title: '토큰으로 등록' });
    expect(ticket.statusCode).toBe(201);

    const list = await mine.get('/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0].id).toBe(created.data.id);
    expect(list.data.items[0]).not.toHaveProperty('token');
    expect(list.data.items[0].lastUsedAt).not.toBeNull();
    expect(list.body).not.toContain(secret);

    const revoked = await mine.delete(`/tokens/${created.data.id}`);
    expect(revoked.statusCode).toBe(204);
    const after = await bearer.get('/me');
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect((await mine.get('/tokens')).data.items[0].revokedAt).not.toBeNull();
    expect((await mine.delete(`/tokens/${created.data.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for someone else's token and leaves it working", async () => {
    const owner = await makeUser('agent');
    const other = await makeUser('admin');
    const created = await client(app, { cookie: owner.cookie }).post('/tokens', { name: '남의 토큰' });
    const theirs = client(app, { cookie: other.cookie });
    expect((await theirs.delete(`/tokens/${created.data.id}`)).statusCode).toBe(404);
    expect((await theirs.get('/tokens')).data.items).toEqual([]);
    expect((await client(app, { token: created.data.token }).get('/me')).statusCode).toBe(200);
  });

  it('refuses an invalid token even when a valid session cookie comes along', async () => {
    const user = await makeUser('agent');
    const res = await client(app, { cookie: user.cookie, token: 'hk_forged' }).get('/me');
    expect(res.statusCode).toBe(401);
  });

  it('stops the token of a deactivated user', async () => {
    const admin = await makeUser('admin');
    const user = await makeUser('agent');
    const created = await client(app, { cookie: user.cookie }).post('/tokens', { name: '배치' });
    await client(app, { cookie: admin.cookie }).patch(`/users/${user.id}`, { isActive: false });
    expect((await client(app, { token: created.data.token }).get('/me')).statusCode).toBe(401);
  });
});

describe('cross-site request protection', () => {
  const ticketOf = (orgId: string) => ({ organizationId: orgId, title: '교차 사이트 확인' });

  it('refuses a cookie-authenticated write that the browser marks as cross-site', async () => {
    const w = await makeWorld();
    const res = await client(app, { cookie: w.agent.cookie }).post('/tickets', ticketOf(w.org.id), {
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.data.detail).toContain('교차 사이트');
  });

  it('refuses a cookie-authenticated write from a foreign origin', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const res = await agent.post('/tickets', ticketOf(w.org.id), { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    // A sandboxed frame or a file says `null`; a look-alike host or another port is another origin.
    for (const origin of [
      'null',
      'http://localhost:80.evil.example',
      'http://localhost:8080',
      'https://localhost:80',
    ]) {
      expect((await agent.post('/tickets', ticketOf(w.org.id), { origin })).statusCode).toBe(403);
    }
    // The logout form of a foreign page must not end the session either.
    expect((await agent.post('/auth/logout', {}, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await agent.get('/me')).statusCode).toBe(200);
    const list = await agent.get(`/tickets?organizationId=${w.org.id}`);
    expect(list.data.items).toEqual([]);
  });

  it('lets through a write from the app’s own origin, a same-origin fetch and a non-browser client', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    // Under app.inject the request arrives for Host localhost:80 over http.
    const own = await agent.post('/tickets', ticketOf(w.org.id), { origin: 'http://localhost:80' });
    expect(own.statusCode).toBe(201);
    const sameOrigin = await agent.post('/tickets', ticketOf(w.org.id), {
      origin: 'http://localhost:80',
      'sec-fetch-site': 'same-origin',
    });
    expect(sameOrigin.statusCode).toBe(201);
    const neither = await agent.post('/tickets', ticketOf(w.org.id));
    expect(neither.statusCode).toBe(201);
  });

  it('lets a bearer-token write through whatever its Origin says', async () => {
    const w = await makeWorld();
    const created = await client(app, { cookie: w.agent.cookie }).post('/tokens', { name: '외부 연동' });
    const res = await client(app, { token: created.data.token }).post('/tickets', ticketOf(w.org.id), {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(res.statusCode).toBe(201);
  });

  it('lets a cross-site read through, which changes nothing', async () => {
    const user = await makeUser('agent');
    const res = await client(app, { cookie: user.cookie }).get('/me', { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(200);
  });
});

describe('first administrator', () => {
  it('creates no admin on a database that already has users', async () => {
    await makeUser('agent');
    const email = `bootstrap-${Date.now()}@example.com`;
    expect(await ensureAdmin(email, 'a long enough password')).toBeNull();
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });
});
