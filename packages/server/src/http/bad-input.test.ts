import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { auditLog, organizations, ticketEvents, tickets } from '../db/schema.js';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeUser, makeWorld, type TTestUser } from '../test/factories.js';

const app = useApp();
const HANGUL = /[가-힣]/;

/** A request with a body sent exactly as given, under the content type given. */
async function raw(user: TTestUser | null, url: string, contentType: string, payload: string | Buffer) {
  const res = await app().inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { 'content-type': contentType, ...(user ? { cookie: user.cookie } : {}) },
    payload,
  });
  return Object.assign(res, { data: res.json() }) as TResponse;
}

function expectProblem(res: TResponse, status: number): void {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.data.status).toBe(status);
  expect(res.data.type).toBe(`https://hamkke.dev/problems/${status}`);
  expect(res.data.title).toEqual(expect.any(String));
}

const pathsOf = (res: TResponse): string[] => res.data.errors.map((e: { path: string }) => e.path);

/** What a failed request must not have written: the organization's tickets and numbers, the actor's audit rows. */
async function footprint(organizationId: string, actorId: string) {
  const [org] = await db
    .select({ seq: organizations.ticketSeq })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return {
    tickets: await db.$count(tickets, eq(tickets.organizationId, organizationId)),
    ticketSeq: org!.seq,
    audit: await db.$count(auditLog, eq(auditLog.actorId, actorId)),
    events: await db.$count(ticketEvents, eq(ticketEvents.actorId, actorId)),
  };
}

describe('malformed requests', () => {
  it('answers a body that is not JSON with 400 problem+json that says so', async () => {
    const w = await makeWorld();
    const res = await raw(w.agent, '/tickets', 'application/json', '{"title": "끝나지 않은');
    expectProblem(res, 400);
    expect(res.data.detail).toBe('본문이 올바른 JSON이 아닙니다');
    const empty = await raw(w.agent, '/tickets', 'application/json', '');
    expectProblem(empty, 400);
    expect(empty.data.detail).toBe('JSON 본문이 비어 있습니다');
  });

  it('answers a body of another type with 415, text/plain included', async () => {
    const w = await makeWorld();
    const json = JSON.stringify({ organizationId: w.org.id, title: '형식 확인' });
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const res = await raw(w.agent, '/tickets', type, type === 'application/xml' ? '<ticket/>' : json);
      expectProblem(res, 415);
      expect(res.data.detail).toContain('application/json');
    }
    expect(await db.$count(tickets, eq(tickets.organizationId, w.org.id))).toBe(0);
    const withCharset = await raw(w.agent, '/tickets', 'application/json; charset=utf-8', json);
    expect(withCharset.statusCode).toBe(201);
  });

  it('answers a body over 1 MB with 413', async () => {
    const w = await makeWorld();
    const res = await raw(
      w.agent,
      '/tickets',
      'application/json',
      JSON.stringify({ organizationId: w.org.id, title: '큰 본문', description: '가'.repeat(400_000) }),
    );
    expectProblem(res, 413);
    expect(res.data.detail).toBe('본문이 허용된 크기보다 큽니다');
    expect(await db.$count(tickets, eq(tickets.organizationId, w.org.id))).toBe(0);
  });

  it('names unknown fields', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const res = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: '알 수 없는 필드',
      severity: 'high',
      dueAt: 'tomorrow',
    });
    expectProblem(res, 400);
    expect(res.data.errors).toHaveLength(1);
    expect(res.data.errors[0].in).toBe('body');
    expect(res.data.errors[0].path.split(',').sort()).toEqual(['dueAt', 'severity']);
    expect(res.data.detail).toContain('severity');
    expect(res.data.detail).toContain('dueAt');
    const patch = await agent.patch(`/users/${w.agent.id}`, { nickname: '홍길동' });
    expectProblem(patch, 400);
    expect(patch.data.errors[0].path).toBe('nickname');
  });

  it('names the field of each wrong type, enum, length and date', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const ticket = await agent.post('/tickets', {
      organizationId: 'not-a-uuid',
      title: 42,
      impact: 'huge',
      type: 'question',
      module: 'XX',
      tags: ['가'.repeat(41)],
      plannedStart: 'tomorrow',
      sapNotes: ['12a'],
      transports: ['DEV900123'],
    });
    expectProblem(ticket, 400);
    expect(pathsOf(ticket).sort()).toEqual(
      [
        'impact',
        'module',
        'organizationId',
        'plannedStart',
        'sapNotes.0',
        'tags.0',
        'title',
        'transports.0',
        'type',
      ].sort(),
    );
    for (const e of ticket.data.errors) expect(e.in).toBe('body');

    const tooLong = await agent.post('/tickets', { organizationId: w.org.id, title: 'ㄱ'.repeat(201) });
    expect(pathsOf(tooLong)).toEqual(['title']);
    const blank = await agent.post('/tickets', { organizationId: w.org.id, title: '   ' });
    expect(pathsOf(blank)).toEqual(['title']);
    const noOffset = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: '일정',
      plannedStart: '2026-03-05 09:00',
    });
    expect(pathsOf(noOffset)).toEqual(['plannedStart']);
    const backwards = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: '일정',
      plannedStart: '2026-03-05T18:00:00+09:00',
      plannedEnd: '2026-03-05T09:00:00+09:00',
    });
    expect(pathsOf(backwards)).toEqual(['plannedEnd']);
    expect(backwards.data.errors[0].message).toBe('plannedEnd는 plannedStart보다 앞설 수 없습니다');

    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '시간 기록' })).data;
    for (const [body, field] of [
      [{ minutes: 0, date: '2026-03-02' }, 'minutes'],
      [{ minutes: 1.5, date: '2026-03-02' }, 'minutes'],
      [{ minutes: '30', date: '2026-03-02' }, 'minutes'],
      [{ minutes: 30, date: '2026-13-01' }, 'date'],
      [{ minutes: 30, date: '02.03.2026' }, 'date'],
      [{ minutes: 30, date: '2026-03-02', billable: 'yes' }, 'billable'],
      [{ minutes: 30 }, 'date'],
    ] as const) {
      const res = await agent.post(`/tickets/${t.id}/time-entries`, body);
      expectProblem(res, 400);
      expect(pathsOf(res)).toEqual([field]);
    }
    const yearZero = await agent.post(`/tickets/${t.id}/time-entries`, { minutes: 30, date: '0000-01-01' });
    expectProblem(yearZero, 400);
    expect(pathsOf(yearZero)).toEqual(['date']);
    expect(yearZero.data.errors[0].message).toBe('1년부터 9999년 사이의 날짜여야 합니다');
    for (const instant of ['0001-01-01T00:00:00+09:00', '9999-12-31T23:59:59-01:00']) {
      const outOfRange = await agent.patch(`/tickets/${t.id}`, { plannedStart: instant });
      expectProblem(outOfRange, 400);
      expect(pathsOf(outOfRange)).toEqual(['plannedStart']);
    }
    const edges = await agent.patch(`/tickets/${t.id}`, {
      plannedStart: '0001-01-01T00:00:00Z',
      plannedEnd: '9999-12-31T23:59:59Z',
    });
    expect(edges.statusCode).toBe(200);
    expect(edges.data.plannedEnd).toBe('9999-12-31T23:59:59.000Z');
    const oldQuery = await agent.get('/tickets?createdFrom=0000-01-01T00:00:00Z');
    expectProblem(oldQuery, 400);
    expect(oldQuery.data.errors[0]).toMatchObject({ path: 'createdFrom', in: 'query' });

    const badQuery = await agent.get('/tickets?status=bogus&limit=0');
    expectProblem(badQuery, 400);
    expect(pathsOf(badQuery).sort()).toEqual(['limit', 'status.0']);
    expect(badQuery.data.errors[0].in).toBe('query');
    const badPath = await agent.get('/users/not-a-uuid');
    expectProblem(badPath, 400);
    expect(badPath.data.errors).toEqual([{ path: 'id', message: expect.any(String), in: 'path' }]);
  });

  it('refuses text with a NUL character, naming the field, instead of failing on it', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const title = await agent.post('/tickets', { organizationId: w.org.id, title: '널\u0000문자' });
    expectProblem(title, 400);
    expect(title.data.errors).toEqual([
      { path: 'title', message: '텍스트에 NUL 문자(U+0000)를 넣을 수 없습니다', in: 'body' },
    ]);
    const tag = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: '태그',
      tags: ['ok', 'a\u0000'],
    });
    expect(pathsOf(tag)).toEqual(['tags.1']);
    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '댓글' })).data;
    const comment = await agent.post(
      `/tickets/${t.id}/comments`,
      { body: '본문\u0000' },
      { 'accept-language': 'en' },
    );
    expectProblem(comment, 400);
    expect(pathsOf(comment)).toEqual(['body']);
    const query = await client(app, { cookie: w.manager.cookie }).get('/audit?entityType=%00');
    expectProblem(query, 400);
    expect(query.data.errors[0]).toMatchObject({ path: 'entityType', in: 'query' });
    expect(await db.$count(tickets, eq(tickets.organizationId, w.org.id))).toBe(1);
  });

  it('writes nothing when the input is refused, whatever the reason', async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '기준 티켓' })).data;
    const before = await footprint(w.org.id, w.agent.id);

    const refused = [
      await raw(w.agent, '/tickets', 'application/json', '{'),
      await agent.post('/tickets', { organizationId: w.org.id, title: '' }),
      await agent.post('/tickets', { organizationId: w.org.id, title: '필드', unknown: 1 }),
      // Rules checked inside the transaction: a contract, system or requester of another organization.
      await agent.post('/tickets', {
        organizationId: w.org.id,
        title: '계약',
        contractId: other.contract.id,
      }),
      await agent.post('/tickets', { organizationId: w.org.id, title: '시스템', systemId: other.system.id }),
      await agent.post('/tickets', {
        organizationId: w.org.id,
        title: '요청자',
        requesterId: other.customer.id,
      }),
      await agent.post('/tickets', { organizationId: w.org.id, title: '담당자', assigneeId: w.customer.id }),
      await agent.patch(`/tickets/${t.id}`, { status: 'closed' }),
      await agent.patch(`/tickets/${t.id}`, { title: '낡은 버전', version: t.version + 5 }),
      await agent.patch(`/tickets/${t.id}`, { assigneeId: w.viewer.id }),
      await agent.patch(`/tickets/${t.id}`, {}),
      await agent.post(`/tickets/${t.id}/comments`, { body: '  ' }),
      await agent.post(`/tickets/${t.id}/time-entries`, { minutes: 2000, date: '2026-03-02' }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([
      400, 400, 400, 422, 422, 422, 422, 409, 409, 422, 400, 400, 400,
    ]);
    for (const r of refused) expect(r.headers['content-type']).toContain('application/problem+json');

    expect(await footprint(w.org.id, w.agent.id)).toEqual(before);
    const after = (await agent.get(`/tickets/${t.id}`)).data;
    expect(after.version).toBe(t.version);
    expect(after.status).toBe(t.status);
    expect(after.title).toBe('기준 티켓');
  });
});

describe('languages', () => {
  it('answers in Korean by default and in English to Accept-Language: en', async () => {
    const bad = { email: 'not-an-email', password: 'x' };
    const ko = await client(app).post('/auth/login', bad);
    expectProblem(ko, 400);
    expect(ko.data.title).toBe('잘못된 요청');
    expect(pathsOf(ko)).toEqual(['email']);
    expect(ko.data.errors[0].message).toMatch(HANGUL);

    for (const header of ['en', 'en-US,en;q=0.9', 'fr-FR, en;q=0.5']) {
      const en = await client(app).post('/auth/login', bad, { 'accept-language': header });
      expect(en.data.title).toBe('Bad request');
      expect(pathsOf(en)).toEqual(['email']);
      expect(en.data.errors[0].message).not.toMatch(HANGUL);
      expect(en.data.detail).not.toMatch(HANGUL);
    }
    const unknown = await client(app).post('/auth/login', bad, { 'accept-language': 'fr' });
    expect(unknown.data.title).toBe('잘못된 요청');

    const unauthorized = await client(app).get('/me', { 'accept-language': 'en' });
    expect(unauthorized.data.detail).toBe('Sign in first');
    expect((await client(app).get('/me')).data.detail).toBe('먼저 로그인하세요');
  });

  it('answers a signed-in user in the language of their profile', async () => {
    const w = await makeWorld();
    const english = await makeUser('agent', null, { locale: 'en' });
    const asEnglish = client(app, { cookie: english.cookie });
    const asKorean = client(app, { cookie: w.agent.cookie });

    const invalid = await asEnglish.post(
      '/tickets',
      { organizationId: w.org.id, title: 7 },
      {
        'accept-language': 'ko',
      },
    );
    expect(invalid.data.title).toBe('Bad request');
    expect(invalid.data.errors[0].message).not.toMatch(HANGUL);
    const invalidKo = await asKorean.post(
      '/tickets',
      { organizationId: w.org.id, title: 7 },
      {
        'accept-language': 'en',
      },
    );
    expect(invalidKo.data.title).toBe('잘못된 요청');
    expect(invalidKo.data.errors[0].message).toMatch(HANGUL);

    // A business rule (422) and a JSON syntax error speak the same language as validation.
    const rule = await asEnglish.post('/tickets', { title: '고객사 누락' });
    expectProblem(rule, 422);
    expect(rule.data.detail).toBe('Staff must name the organization');
    expect(rule.data.errors[0]).toMatchObject({
      path: 'organizationId',
      message: 'Staff must name the organization',
    });
    const ruleKo = await asKorean.post('/tickets', { title: '고객사 누락' });
    expect(ruleKo.data.detail).toBe('내부 직원은 고객사(organizationId)를 지정해야 합니다');
    expect(ruleKo.data.errors[0].message).toBe('내부 직원은 고객사(organizationId)를 지정해야 합니다');
    const syntax = await raw(english, '/tickets', 'application/json', '{');
    expect(syntax.data.detail).toBe('The body is not valid JSON');
    const notFound = await asEnglish.get('/tickets/00000000-0000-4000-8000-000000000000');
    expect(notFound.data.detail).toBe('The ticket was not found');
  });
});

describe('text and format', () => {
  it('stores Korean and emoji text exactly as given and returns it as JSON', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const title = '회계 전표 😀 👩‍💻 🇰🇷 𠜎 — 「월말」 마감';
    const decomposed = '한글 자모 분리'.normalize('NFD');
    const description = `${decomposed}\n\t들여쓰기\r\n<script>alert("x")</script> & 'quote' \\ \u00a0끝`;
    const created = await agent.post('/tickets', { organizationId: w.org.id, title, description });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.data.title).toBe(title);
    expect(created.data.description).toBe(description);
    expect(created.body).not.toContain('&lt;');

    const [row] = await db.select().from(tickets).where(eq(tickets.id, created.data.id));
    expect(row!.title).toBe(title);
    expect(row!.description).toBe(description);
    expect(row!.description.normalize('NFC')).not.toBe(row!.description);

    const read = await agent.get(`/tickets/${created.data.number}`, { accept: 'text/html' });
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.data.title).toBe(title);
    expect(read.data.description).toBe(description);

    const comment = await agent.post(`/tickets/${created.data.id}/comments`, { body: `답변 ${title}` });
    expect(comment.data.body).toBe(`답변 ${title}`);
    const timeline = await agent.get(`/tickets/${created.data.id}/timeline`);
    expect(timeline.data.items.at(-1).comment.body).toBe(`답변 ${title}`);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const user = await makeUser('agent');
    const api = await client(app, { cookie: user.cookie }).get('/no-such-thing');
    expectProblem(api, 404);
    expect(api.data.detail).toBe('GET /api/v1/no-such-thing');
    const outside = await app().inject({ method: 'GET', url: '/no-such-page?x=1' });
    expect(outside.statusCode).toBe(404);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(outside.json().detail).toBe('GET /no-such-page');
  });
});

describe('operations', () => {
  it('answers liveness, readiness and Prometheus metrics without sign-in', async () => {
    const w = await makeWorld();
    await client(app, { cookie: w.agent.cookie }).post('/tickets', {
      organizationId: w.org.id,
      title: '지표',
    });
    const health = await app().inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await app().inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });

    const metrics = await app().inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('# TYPE hamkke_http_requests_total counter');
    expect(metrics.body).toMatch(
      /^hamkke_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m,
    );
    expect(metrics.body).toMatch(
      /^hamkke_http_requests_total\{method="POST",route="\/api\/v1\/tickets",status="201"\} \d+$/m,
    );
    expect(metrics.body).toContain('# TYPE hamkke_tickets gauge');
    const newCount = /^hamkke_tickets\{status="new"\} (\d+)$/m.exec(metrics.body);
    expect(Number(newCount?.[1])).toBeGreaterThanOrEqual(1);
    for (const line of metrics.body.trim().split('\n')) {
      expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/);
    }
  });

  it('shows a ticket creation and change in the audit log with actor, source address, before and after', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '감사 기록 확인' })).data;
    await agent.patch(`/tickets/${t.id}`, { title: '감사 기록 확인 (수정)' });

    const res = await client(app, { cookie: w.manager.cookie }).get(
      `/audit?entityType=ticket&entityId=${t.id}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.data.items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);
    const [update, create] = res.data.items;
    expect(create.actor).toEqual({ id: w.agent.id, name: w.agent.name });
    expect(create.sourceAddress).toBe('127.0.0.1');
    expect(Date.parse(create.at)).not.toBeNaN();
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ id: t.id, number: t.number, title: '감사 기록 확인' });
    expect(update.before).toMatchObject({ title: '감사 기록 확인', version: 1 });
    expect(update.after).toMatchObject({ title: '감사 기록 확인 (수정)', version: 2 });

    expect((await agent.get('/audit')).statusCode).toBe(403);
    expect((await client(app, { cookie: w.customer.cookie }).get('/audit')).statusCode).toBe(403);
    expect((await client(app).get('/audit')).statusCode).toBe(401);
  });
});
