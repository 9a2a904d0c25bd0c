import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../auth/secrets.js';
import { db } from '../db/current.js';
import { auditLog, csatSurveys, notifications } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { latestSurveyLink, makeResolvedTicket } from './csat.fixtures.js';

const app = useApp();

/** Opens the survey page as a browser (or a mail scanner) would. */
const page = (path: string, headers: Record<string, string> = {}) =>
  app().inject({ method: 'GET', url: path, headers });
/** Submits the survey form as the browser does. */
const submit = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  app().inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(form).toString(),
  });

const surveysOf = (ticketId: string) =>
  db.select().from(csatSurveys).where(eq(csatSurveys.ticketId, ticketId));

afterEach(() => {
  vi.useRealTimers();
});

describe('the survey sent on resolution', () => {
  it('notifies the customer requester with a link that expires in 14 days, and stores only its hash', async () => {
    const { ticket, link } = await makeResolvedTicket(app);
    expect(link).not.toBeNull();
    expect(link!.url).toMatch(/\/csat\/[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(link!.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const [survey] = await surveysOf(ticket.id);
    expect(survey!.tokenHash).toBe(sha256(link!.token));
    expect(JSON.stringify(survey)).not.toContain(link!.token);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, survey!.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('sends nothing when the requester is staff or there is none', async () => {
    const staffAsked = await makeResolvedTicket(app, { requesterId: undefined });
    expect(await surveysOf(staffAsked.ticket.id)).toEqual([]);
    expect(staffAsked.link).toBeNull();
  });
});

describe('the survey page (no sign-in)', () => {
  it('shows the title and the preselected rating, records nothing on GET, and records the POST once', async () => {
    const { ticket, link } = await makeResolvedTicket(app);
    const shown = await page(`${link!.path}?rating=4`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toContain('text/html');
    expect(shown.headers['referrer-policy']).toBe('no-referrer');
    expect(shown.body).toContain('MIRO 송장 전기 오류 &lt;긴급&gt;');
    expect(shown.body).not.toContain('<긴급>');
    expect(shown.body).toMatch(/value="4" required checked/);
    expect(shown.body).toContain('<html lang="ko">');
    // A mail scanner's second look changes nothing either.
    await page(`${link!.path}?rating=1`);
    expect((await surveysOf(ticket.id))[0]!.answeredAt).toBeNull();

    const sent = await submit(link!.path, { rating: '4', comment: '빠른 처리 감사합니다' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('감사합니다');
    const [survey] = await surveysOf(ticket.id);
    expect(survey).toMatchObject({ rating: 4, comment: '빠른 처리 감사합니다', answeredVia: 'page' });

    const again = await submit(link!.path, { rating: '1' });
    expect(again.statusCode).toBe(410);
    expect((await surveysOf(ticket.id))[0]!.rating).toBe(4);
    const reopened = await page(link!.path);
    expect(reopened.statusCode).toBe(410);
    expect(reopened.body).toContain('4 / 5');
  });

  it('speaks English to an English browser', async () => {
    const { link } = await makeResolvedTicket(app);
    const shown = await page(link!.path, { 'accept-language': 'en-US,en;q=0.9' });
    expect(shown.body).toContain('<html lang="en">');
    expect(shown.body).toContain('How satisfied are you');
  });

  it('answers a tampered or made-up link with a clear 404 page', async () => {
    const { link } = await makeResolvedTicket(app);
    const last = link!.token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `/csat/${link!.token.slice(0, -1)}${last}`;
    for (const path of [tampered, '/csat/not-a-token', `${link!.path}x`]) {
      const res = await page(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).toContain('만족도 조사를 찾을 수 없습니다');
      expect((await submit(path, { rating: '5' })).statusCode).toBe(404);
    }
    expect((await client(app).post(`${tampered.replace('/csat', '/csat')}`, { rating: 5 })).statusCode).toBe(
      404,
    );
  });

  it('refuses an answer after 14 days with 410, on the page and over the API', async () => {
    const { ticket, link } = await makeResolvedTicket(app);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 14 * 86_400_000 + 60_000);
    const res = await page(`${link!.path}?rating=5`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('기간이 지났습니다');
    expect((await submit(link!.path, { rating: '5' })).statusCode).toBe(410);
    const api = await client(app).post(`/csat/${link!.token}`, { rating: 5 });
    expect(api.statusCode).toBe(410);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await surveysOf(ticket.id))[0]!.answeredAt).toBeNull();
  });

  it('asks again for a missing rating or an overlong comment, keeping what was typed', async () => {
    const { link } = await makeResolvedTicket(app);
    const noRating = await submit(link!.path, { comment: '의견만 남깁니다' });
    expect(noRating.statusCode).toBe(400);
    expect(noRating.body).toContain('1점부터 5점 중 하나를 선택하세요');
    expect(noRating.body).toContain('의견만 남깁니다');
    const long = await client(app).post(`/csat/${link!.token}`, { rating: 3, comment: '가'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.data.errors[0].path).toBe('comment');
    const huge = await submit(link!.path, { rating: '3', comment: '가'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
  });
});

describe('reopen and a second resolution', () => {
  it('withdraws the open survey on reopen and sends a new one on the next resolution', async () => {
    const { w, agent, ticket, link } = await makeResolvedTicket(app);
    const customer = client(app, { cookie: w.customer.cookie });
    expect((await customer.patch(`/tickets/${ticket.id}`, { status: 'open' })).statusCode).toBe(200);
    const reopened = await page(link!.path);
    expect(reopened.statusCode).toBe(410);
    expect(reopened.body).toContain('다시 열렸습니다');

    await agent.patch(`/tickets/${ticket.id}`, { status: 'resolved' });
    const second = await latestSurveyLink(w.customer.id);
    expect(second!.token).not.toBe(link!.token);
    expect((await page(link!.path)).body).toContain('새 만족도 조사로 대체');
    expect((await client(app).get(`/csat/${second!.token}`)).data.state).toBe('open');
    const answered = await client(app).post(`/csat/${second!.token}`, { rating: 5 });
    expect(answered.statusCode).toBe(200);
    expect(answered.data).toMatchObject({ state: 'answered', rating: 5, ticketNumber: ticket.number });
    const rows = await surveysOf(ticket.id);
    expect(rows.filter((r) => r.supersededAt !== null)).toHaveLength(1);
    expect(rows.filter((r) => r.answeredAt !== null)).toHaveLength(1);
  });
});

describe('rating signed in', () => {
  it('lets only the requester rate, once: a colleague and staff 403, another organization 404', async () => {
    const { w, colleague, ticket, link } = await makeResolvedTicket(app);
    const rate = (cookie: string) =>
      client(app, { cookie }).post(`/tickets/${ticket.id}/rating`, { rating: 4 });
    expect((await rate(colleague.cookie)).statusCode).toBe(403);
    expect((await rate(w.agent.cookie)).statusCode).toBe(403);
    expect((await rate(w.manager.cookie)).statusCode).toBe(403);
    const other = await makeResolvedTicket(app);
    expect((await rate(other.w.customer.cookie)).statusCode).toBe(404);
    const mine = await rate(w.customer.cookie);
    expect(mine.statusCode).toBe(200);
    expect(mine.data).toMatchObject({ state: 'answered', rating: 4 });
    const again = await rate(w.customer.cookie);
    expect(again.statusCode).toBe(409);
    expect(again.data.detail).toContain('이미 응답한');
    // The mail link of the same resolution is spent too.
    expect((await page(link!.path)).statusCode).toBe(410);
  });
});

describe('a low rating', () => {
  it('notifies every manager and leaves an internal note on the timeline that the customer never sees', async () => {
    const { w, ticket, link } = await makeResolvedTicket(app);
    const res = await submit(link!.path, { rating: '2', comment: '답변이 늦었습니다' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('관리자가 확인');
    const [alert] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.manager.id), eq(notifications.ticketId, ticket.id)));
    expect(alert).toMatchObject({
      kind: 'csat_low',
      data: expect.objectContaining({ rating: 2, comment: '답변이 늦었습니다' }),
    });
    const staff = await client(app, { cookie: w.manager.cookie }).get(`/tickets/${ticket.id}/timeline`);
    expect(staff.body).toContain('만족도 2/5');
    expect(staff.body).toContain('답변이 늦었습니다');
    const [survey] = await surveysOf(ticket.id);
    const answered = await db.select().from(auditLog).where(eq(auditLog.entityId, survey!.id));
    expect(answered.map((a) => a.action).sort()).toEqual(['answer', 'create']);
    expect(answered.find((a) => a.action === 'answer')!.after).toMatchObject({ rating: 2, via: 'page' });
    const customer = await client(app, { cookie: w.customer.cookie }).get(`/tickets/${ticket.id}/timeline`);
    expect(customer.statusCode).toBe(200);
    expect(customer.body).not.toContain('만족도 2/5');
  });

  it('leaves managers alone for a rating of 3 or more', async () => {
    const { w, ticket, link } = await makeResolvedTicket(app);
    await client(app).post(`/csat/${link!.token}`, { rating: 3 });
    const alerts = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.manager.id), eq(notifications.ticketId, ticket.id)));
    expect(alerts).toEqual([]);
  });
});
