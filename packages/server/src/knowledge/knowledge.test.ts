import { INTERNAL_NOTES_MARKER } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { auditLog } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeSystem, makeUser, makeWorld } from '../test/factories.js';
import { makeArticle, makeCase } from './knowledge.fixtures.js';

const app = useApp();

const auditActions = async (articleId: string) =>
  (
    await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, articleId)))
      .orderBy(auditLog.id)
  ).map((r) => r.action);

describe('articles', () => {
  it('keeps every edit as a new version, each readable, and audits every write', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const article = await makeArticle(app, w.agent, {
      title: 'FB60 전기 시 세금코드 오류',
      body: '## 해결\n세금코드 V1을 선택합니다.',
      modules: ['FI'],
      status: 'draft',
      visibility: 'internal',
    });
    expect(article).toMatchObject({ version: 1, code: expect.stringMatching(/^KB-\d+$/), useCount: 0 });

    const second = await agent.patch(`/articles/${article.id}`, { version: 1, body: '## 해결\n세금코드 V2' });
    expect(second.statusCode).toBe(200);
    expect(second.data.version).toBe(2);
    const third = await agent.patch(`/articles/${article.code}`, {
      version: 2,
      status: 'published',
      tags: ['세금'],
    });
    expect(third.data).toMatchObject({ version: 3, status: 'published', tags: ['세금'] });
    expect(third.data.publishedAt).not.toBeNull();

    const history = await agent.get(`/articles/${article.id}/versions`);
    expect(history.data.items.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    expect(history.data.items[0].body).toContain('V1');
    expect(history.data.items[0].editedBy).toEqual({ id: w.agent.id, name: w.agent.name });
    const first = await agent.get(`/articles/${article.id}/versions/1`);
    expect(first.data).toMatchObject({
      version: 1,
      status: 'draft',
      body: '## 해결\n세금코드 V1을 선택합니다.',
    });
    expect((await agent.get(`/articles/${article.id}/versions/9`)).statusCode).toBe(404);
    expect(await auditActions(article.id)).toEqual(['create', 'update', 'update']);
  });

  it('refuses an edit from a stale version with 409 in Korean and English, changing nothing', async () => {
    const w = await makeWorld();
    const [a, b] = [w.agent, w.manager].map((u) => client(app, { cookie: u.cookie }));
    const article = await makeArticle(app, w.agent, { title: 'MIGO 입고 취소 방법' });
    expect(
      (await a.patch(`/articles/${article.id}`, { version: 1, title: 'MIGO 입고 취소(102)' })).statusCode,
    ).toBe(200);
    const stale = await b.patch(`/articles/${article.id}`, { version: 1, title: '덮어쓰기' });
    expect(stale.statusCode).toBe(409);
    expect(stale.data.errors[0].path).toBe('version');
    expect(stale.data.detail).toContain('버전');
    const englishUser = await makeUser('agent', null, { locale: 'en' });
    const english = await client(app, { cookie: englishUser.cookie }).patch(`/articles/${article.id}`, {
      version: 1,
      title: '덮어쓰기',
    });
    expect(english.data.detail).toContain('version 2');
    expect((await a.get(`/articles/${article.id}`)).data).toMatchObject({
      title: 'MIGO 입고 취소(102)',
      version: 2,
    });
    expect((await a.patch(`/articles/${article.id}`, { title: '버전 없음' })).statusCode).toBe(400);
  });

  it('lets viewers read but not write, and names the rule broken by bad input', async () => {
    const w = await makeWorld();
    const viewer = client(app, { cookie: w.viewer.cookie });
    const agent = client(app, { cookie: w.agent.cookie });
    const article = await makeArticle(app, w.agent, { title: 'VA01 가격결정 오류', visibility: 'internal' });
    expect((await viewer.get(`/articles/${article.id}`)).statusCode).toBe(200);
    expect((await viewer.post('/articles', { title: '열람자 문서' })).statusCode).toBe(403);
    expect((await viewer.patch(`/articles/${article.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);

    const empty = await agent.post('/articles', { title: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.data.errors[0].path).toBe('title');
    const module = await agent.post('/articles', { title: '모듈 오류', modules: ['XX'] });
    expect(module.statusCode).toBe(400);
    expect(module.data.errors[0].path).toBe('modules.0');
    const other = await makeSystem((await makeOrganization()).id);
    const foreign = await agent.post('/articles', {
      title: '다른 고객사 시스템',
      organizationId: w.org.id,
      systemIds: [other.id],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.data.errors[0].path).toBe('systemIds');
    const noOrg = await agent.post('/articles', {
      title: '없는 고객사',
      organizationId: crypto.randomUUID(),
    });
    expect(noOrg.statusCode).toBe(422);
    expect((await agent.get('/articles/KB-999999999')).statusCode).toBe(404);
    for (const url of [
      '/articles/전표',
      `/articles/${article.id}/versions/0`,
      `/articles/${article.id}/versions/99999999999`,
    ]) {
      const res = await agent.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const huge = await agent.patch(`/articles/${article.id}`, { version: 99999999999, title: '큰 버전' });
    expect(huge.statusCode).toBe(400);
    expect(huge.data.errors[0].path).toBe('version');
  });
});

describe('customers and articles', () => {
  it('shows a customer published public articles, general or their own, and nothing else', async () => {
    const w = await makeWorld();
    const otherOrg = await makeOrganization();
    const otherCustomer = await makeUser('customer', otherOrg.id);
    const general = await makeArticle(app, w.agent, { title: '비밀번호 초기화 방법 (SU01)' });
    const own = await makeArticle(app, w.agent, {
      title: '자사 결산 일정',
      organizationId: w.org.id,
      systemIds: [w.system.id],
    });
    const theirs = await makeArticle(app, w.agent, { title: '타사 결산 일정', organizationId: otherOrg.id });
    const internal = await makeArticle(app, w.agent, { title: '내부 점검 절차', visibility: 'internal' });
    const draft = await makeArticle(app, w.agent, { title: '작성 중 문서', status: 'draft' });
    const archived = await makeArticle(app, w.agent, { title: '폐기 문서', status: 'archived' });

    const me = client(app, { cookie: w.customer.cookie });
    for (const a of [general, own]) expect((await me.get(`/articles/${a.id}`)).statusCode).toBe(200);
    for (const a of [theirs, internal, draft, archived]) {
      const res = await me.get(`/articles/${a.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('결산');
    }
    const listed = (await me.get('/articles?limit=200')).data.items.map((a: { id: string }) => a.id);
    expect(listed).toEqual(expect.arrayContaining([general.id, own.id]));
    for (const a of [theirs, internal, draft, archived]) expect(listed).not.toContain(a.id);
    const ownSeen = (await me.get(`/articles/${own.id}`)).data;
    expect(ownSeen.systemIds).toEqual([w.system.id]);
    expect(ownSeen.useCount).toBe(0);
    expect((await me.get(`/articles/${own.id}/versions`)).statusCode).toBe(404);
    expect((await me.patch(`/articles/${own.id}`, { version: 1, title: '고객 수정' })).statusCode).toBe(403);
    expect((await me.post('/articles', { title: '고객 작성' })).statusCode).toBe(403);

    const them = client(app, { cookie: otherCustomer.cookie });
    expect((await them.get(`/articles/${own.id}`)).statusCode).toBe(404);
    expect((await them.get(`/articles/${theirs.id}`)).statusCode).toBe(200);
  });

  it('suggests matching public articles while a customer writes, scoped to their organization', async () => {
    const w = await makeWorld();
    const orgB = await makeOrganization();
    const customerB = await makeUser('customer', orgB.id);
    // The customer's own program name: other tests' (and the demo's) articles never hold it.
    const program = `ZMM_PO_${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const general = await makeArticle(app, w.agent, {
      title: `ME21N 구매오더 저장 시 M7 021 오류 해결 ${program}`,
      body: '구매오더 저장 시 메시지 M7 021 이 나오면 자재 마스터의 단위를 확인합니다.',
      modules: ['MM'],
    });
    const forA = await makeArticle(app, w.agent, {
      title: `구매오더 승인 전략 (A사 전용) ${program}`,
      body: 'ME21N 구매오더 저장 후 승인 대기 상태를 확인하는 방법',
      organizationId: w.org.id,
    });
    const forB = await makeArticle(app, w.agent, {
      title: `구매오더 출력 양식 (B사 전용) ${program}`,
      body: 'ME21N 구매오더 저장 후 출력 양식',
      organizationId: orgB.id,
    });
    const internal = await makeArticle(app, w.agent, {
      title: `ME21N 구매오더 저장 오류 내부 분석 ${program}`,
      body: '구매오더 저장 오류의 내부 원인',
      visibility: 'internal',
    });
    const draft = await makeArticle(app, w.agent, {
      title: `ME21N 구매오더 저장 초안 ${program}`,
      status: 'draft',
    });
    const unrelated = await makeArticle(app, w.agent, { title: 'FB60 송장 전기 방법' });

    const inquiry = `ME21N에서 구매오더를 저장하면 M7 021 오류가 납니다 (${program})`;
    const suggest = async (user: { cookie: string }) =>
      (
        await client(app, { cookie: user.cookie }).get(
          `/articles/suggest?q=${encodeURIComponent(inquiry)}&limit=10`,
        )
      ).data.items.map((a: { id: string }) => a.id) as string[];

    // The general article holds the most of the inquiry's words, so it comes before the others.
    const forCustomerA = await suggest(w.customer);
    expect(forCustomerA).toContain(forA.id);
    expect(forCustomerA.indexOf(general.id)).toBeGreaterThanOrEqual(0);
    expect(forCustomerA.indexOf(general.id)).toBeLessThan(forCustomerA.indexOf(forA.id));
    const forCustomerB = await suggest(customerB);
    expect(forCustomerB).toContain(forB.id);
    expect(forCustomerB.indexOf(general.id)).toBeGreaterThanOrEqual(0);
    expect(forCustomerB.indexOf(general.id)).toBeLessThan(forCustomerB.indexOf(forB.id));
    for (const never of [internal.id, draft.id, unrelated.id]) {
      expect(forCustomerA).not.toContain(never);
      expect(forCustomerB).not.toContain(never);
    }
    expect(forCustomerA).not.toContain(forB.id);
    expect(forCustomerB).not.toContain(forA.id);

    const res = await client(app, { cookie: w.customer.cookie }).get(
      `/articles/suggest?q=${encodeURIComponent(inquiry)}`,
    );
    const offered = res.data.items.find((a: { id: string }) => a.id === general.id);
    expect(offered).toMatchObject({ code: general.code, modules: ['MM'] });
    expect(offered.snippet).toContain('M7 021');
    expect((await client(app, { cookie: w.customer.cookie }).get('/articles/suggest?q=')).statusCode).toBe(
      400,
    );
  });

  it('counts deflections per article and month for staff, reported by customers only', async () => {
    const w = await makeWorld();
    const colleague = await makeUser('customer', w.org.id);
    const article = await makeArticle(app, w.agent, { title: 'SAP GUI 로그온 패드 설정' });
    const internal = await makeArticle(app, w.agent, { title: '내부 문서', visibility: 'internal' });
    const customer = client(app, { cookie: w.customer.cookie });
    const first = await customer.post(`/articles/${article.id}/deflections`, {
      query: '로그온 패드 서버 추가',
    });
    expect(first.statusCode).toBe(201);
    const month = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 7);
    expect(first.data).toEqual({ articleId: article.id, month, count: 1 });
    const second = await client(app, { cookie: colleague.cookie }).post(
      `/articles/${article.code}/deflections`,
    );
    expect(second.data.count).toBe(2);
    expect((await customer.post(`/articles/${internal.id}/deflections`)).statusCode).toBe(404);
    expect(
      (await client(app, { cookie: w.agent.cookie }).post(`/articles/${article.id}/deflections`)).statusCode,
    ).toBe(403);

    const stats = await client(app, { cookie: w.viewer.cookie }).get(`/articles/${article.id}/deflections`);
    expect(stats.data).toEqual({ articleId: article.id, total: 2, months: [{ month, count: 2 }] });
    expect((await customer.get(`/articles/${article.id}/deflections`)).statusCode).toBe(404);
    const ofMonth = await client(app, { cookie: w.manager.cookie }).get(
      `/articles/deflections?month=${month}`,
    );
    expect(ofMonth.data.month).toBe(month);
    expect(ofMonth.data.items).toContainEqual({
      articleId: article.id,
      code: article.code,
      title: article.title,
      count: 2,
    });
    expect(
      (await client(app, { cookie: w.manager.cookie }).get('/articles/deflections?month=2026-13')).statusCode,
    ).toBe(400);
    expect((await customer.get('/articles/deflections')).statusCode).toBe(403);
    expect(await auditActions(article.id)).toEqual(['create', 'deflect', 'deflect']);
  });
});

describe('articles from tickets', () => {
  const ticketText = {
    title: 'ST22 덤프 다수 발생 (TSV_TNEW_PAGE_ALLOC_FAILED)',
    description: '오전 점검 중 PRD에서 TSV_TNEW_PAGE_ALLOC_FAILED 덤프가 12건 확인되었습니다.',
    internalNote: 'Z 리포트가 전체 기간 조회로 내부 테이블 과다 적재. 고객사 담당자 교체 예정.',
    publicReply: '조회 기간을 필수 입력으로 바꾸어 이관했습니다. 이후 동일 덤프는 없습니다.',
    customerReply: '오늘 오전에도 발생했습니다.',
  };

  it('drafts an internal article prefilled from a resolved ticket, linked to it', async () => {
    const w = await makeWorld();
    const ticket = await makeCase(
      app,
      w.agent,
      { organizationId: w.org.id, module: 'BC', systemId: w.system.id, ...ticketText },
      w.customer,
    );
    const agent = client(app, { cookie: w.agent.cookie });
    const res = await agent.post(`/tickets/${ticket.number}/article-draft`, {});
    expect(res.statusCode).toBe(201);
    const draft = res.data;
    expect(draft).toMatchObject({
      title: ticketText.title,
      status: 'draft',
      visibility: 'internal',
      language: 'ko',
      modules: ['BC'],
      systemIds: [w.system.id],
      organizationId: w.org.id,
      sourceTicketId: ticket.id,
      useCount: 1,
    });
    const body: string = draft.body;
    const section = (name: string) => body.split(`## ${name}`)[1]!.split('\n## ')[0]!;
    expect(section('질문')).toContain(ticketText.description);
    expect(section('원인')).toContain(ticketText.internalNote);
    expect(section('원인')).toContain(INTERNAL_NOTES_MARKER);
    expect(section('해결')).toContain(ticketText.publicReply);
    expect(body).not.toContain(ticketText.customerReply);
    expect(section('참고')).toContain(ticket.number);

    const links = await agent.get(`/tickets/${ticket.id}/articles`);
    expect(links.data.items.map((l: { articleId: string }) => l.articleId)).toEqual([draft.id]);

    // The copied internal notes keep it from being made public until they are removed.
    const publish = await agent.patch(`/articles/${draft.id}`, { version: 1, visibility: 'public' });
    expect(publish.statusCode).toBe(409);
    expect(publish.data.errors[0].path).toBe('body');
    const cleaned = body
      .replace(INTERNAL_NOTES_MARKER, '')
      .replace(ticketText.internalNote, '내부 테이블 과다 적재');
    const ok = await agent.patch(`/articles/${draft.id}`, {
      version: 1,
      visibility: 'public',
      status: 'published',
      body: cleaned,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('keeps internal notes out of a public draft, and drafts only from resolved tickets', async () => {
    const w = await makeWorld();
    const ticket = await makeCase(app, w.agent, { organizationId: w.org.id, ...ticketText });
    const agent = client(app, { cookie: w.agent.cookie });
    const res = await agent.post(`/tickets/${ticket.id}/article-draft`, {
      visibility: 'public',
      isGeneral: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ visibility: 'public', organizationId: null, systemIds: [], tags: [] });
    expect(res.data.body).not.toContain('과다 적재');
    expect(res.data.body).not.toContain(INTERNAL_NOTES_MARKER);
    expect(res.data.body).toContain(ticketText.publicReply);

    const open = await makeCase(app, w.agent, {
      organizationId: w.org.id,
      title: '진행 중 문의',
      isOpen: true,
    });
    const refused = await agent.post(`/tickets/${open.id}/article-draft`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.data.errors[0].path).toBe('status');
    expect(
      (await client(app, { cookie: w.customer.cookie }).post(`/tickets/${ticket.id}/article-draft`, {}))
        .statusCode,
    ).toBe(403);
    const outsider = await makeUser('customer', (await makeOrganization()).id);
    expect(
      (await client(app, { cookie: outsider.cookie }).post(`/tickets/${ticket.id}/article-draft`, {}))
        .statusCode,
    ).toBe(404);
  });

  it('links and unlinks articles and tickets, listing both ways with a use count', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const article = await makeArticle(app, w.agent, { title: 'MM 기간 마감 (MMPV)' });
    const [t1, t2] = [
      await makeCase(app, w.agent, { organizationId: w.org.id, title: 'MMPV 기간 오픈 요청' }),
      await makeCase(app, w.agent, {
        organizationId: w.org.id,
        title: '전기 기간 오류 M7 053',
        isOpen: true,
      }),
    ];
    expect((await agent.post(`/articles/${article.id}/tickets`, { ticketId: t1.id })).statusCode).toBe(201);
    const both = await agent.post(`/articles/${article.id}/tickets`, { ticketId: t2.id });
    expect(both.data.items.map((l: { ticketId: string }) => l.ticketId)).toEqual([t1.id, t2.id]);
    // Linking again changes nothing.
    expect((await agent.post(`/articles/${article.id}/tickets`, { ticketId: t2.id })).statusCode).toBe(201);
    expect((await agent.get(`/articles/${article.id}`)).data.useCount).toBe(2);
    expect((await agent.get(`/tickets/${t2.number}/articles`)).data.items).toEqual([
      expect.objectContaining({ articleId: article.id, code: article.code }),
    ]);
    const customerView = await client(app, { cookie: w.customer.cookie }).get(`/tickets/${t1.id}/articles`);
    expect(customerView.data.items.map((l: { articleId: string }) => l.articleId)).toEqual([article.id]);

    expect((await agent.delete(`/articles/${article.id}/tickets/${t1.id}`)).statusCode).toBe(204);
    expect((await agent.delete(`/articles/${article.id}/tickets/${t1.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/articles/${article.id}`)).data.useCount).toBe(1);
    expect(
      (await agent.get(`/articles/${article.id}/tickets`)).data.items.map(
        (l: { ticketId: string }) => l.ticketId,
      ),
    ).toEqual([t2.id]);
    expect(await auditActions(article.id)).toEqual(['create', 'link', 'link', 'unlink']);
    const unknown = await agent.post(`/articles/${article.id}/tickets`, { ticketId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
  });

  it('hides internal linked articles from the customer of the ticket', async () => {
    const w = await makeWorld();
    const ticket = await makeCase(app, w.agent, { organizationId: w.org.id, title: 'F110 지급 실행 오류' });
    const internal = await makeArticle(app, w.agent, {
      title: 'F110 내부 점검 절차',
      visibility: 'internal',
    });
    await client(app, { cookie: w.agent.cookie }).post(`/articles/${internal.id}/tickets`, {
      ticketId: ticket.id,
    });
    const res = await client(app, { cookie: w.customer.cookie }).get(`/tickets/${ticket.id}/articles`);
    expect(res.data.items).toEqual([]);
  });
});
