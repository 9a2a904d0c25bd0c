import { describe, expect, it } from 'vitest';
import { forgetCalendars } from '../calendars/load-calendars.js';
import { client, useApp } from '../test/api.js';
import { makeContract, makeOrganization, makeUser, makeWorld } from '../test/factories.js';

const app = useApp();

describe('tickets', () => {
  it('numbers a customer ticket per organization and derives priority from impact × urgency', async () => {
    const w = await makeWorld();
    const customer = client(app, { cookie: w.customer.cookie });
    const first = await customer.post('/tickets', {
      title: 'ME21N 저장 시 오류 M7 021 😀',
      impact: 'high',
      urgency: 'high',
      module: 'MM',
    });
    expect(first.statusCode).toBe(201);
    expect(first.data.number).toBe(`${w.org.code}-000001`);
    expect(first.data.priority).toBe('P1');
    expect(first.data.title).toBe('ME21N 저장 시 오류 M7 021 😀');
    expect(first.data.requester.id).toBe(w.customer.id);
    expect(first.data.channel).toBe('portal');
    expect(first.data.contractId).toBe(w.contract.id);
    expect(first.data).not.toHaveProperty('tags');

    const second = await customer.post('/tickets', {
      title: '전표 조회 권한 문의',
      impact: 'low',
      urgency: 'medium',
    });
    expect(second.data.number).toBe(`${w.org.code}-000002`);
    expect(second.data.priority).toBe('P4');

    const byNumber = await client(app, { cookie: w.agent.cookie }).get(`/tickets/${second.data.number}`);
    expect(byNumber.statusCode).toBe(200);
    expect(byNumber.data.id).toBe(second.data.id);
    expect(byNumber.data.tags).toEqual([]);
  });

  it('hands out distinct numbers to tickets created at the same moment', async () => {
    const w = await makeWorld();
    await makeContract(w.org.id, { name: '동시 생성 계약' });
    // No calendar snapshot: every create must read it on its own connection, not take a second
    // one from the pool (the test pool has 4 connections for these 12 creates).
    forgetCalendars();
    const agent = client(app, { cookie: w.agent.cookie });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        agent.post('/tickets', { organizationId: w.org.id, title: `동시 생성 ${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(new Set(results.map((r) => r.data.number)).size).toBe(12);
  });

  it('moves status only along the flow and names an illegal transition', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '마감 작업 지연' })).data;
    expect((await agent.patch(`/tickets/${t.id}`, { status: 'in_progress' })).data.status).toBe(
      'in_progress',
    );
    const resolved = await agent.patch(`/tickets/${t.id}`, { status: 'resolved' });
    expect(resolved.data.resolvedAt).not.toBeNull();
    const closed = await agent.patch(`/tickets/${t.id}`, { status: 'closed' });
    expect(closed.data.closedAt).not.toBeNull();
    const illegal = await agent.patch(`/tickets/${t.id}`, { status: 'open' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.headers['content-type']).toContain('application/problem+json');
    expect(illegal.data.errors[0].path).toBe('status');
    expect(illegal.data.detail).toContain('closed');
  });

  it('refuses a change made on a stale version instead of overwriting it', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '버전 충돌' })).data;
    const first = await agent.patch(`/tickets/${t.id}`, { title: '첫 번째 수정', version: t.version });
    expect(first.statusCode).toBe(200);
    expect(first.data.version).toBe(t.version + 1);
    const stale = await agent.patch(`/tickets/${t.id}`, { title: '두 번째 수정', version: t.version });
    expect(stale.statusCode).toBe(409);
    expect((await agent.get(`/tickets/${t.id}`)).data.title).toBe('첫 번째 수정');
  });

  it('keeps a manual priority until staff hand it back to the matrix', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const t = (await agent.post('/tickets', { organizationId: w.org.id, title: '우선순위', priority: 'P1' }))
      .data;
    expect(t.priority).toBe('P1');
    expect(t.isPriorityManual).toBe(true);
    expect((await agent.patch(`/tickets/${t.id}`, { impact: 'low', urgency: 'low' })).data.priority).toBe(
      'P1',
    );
    const back = await agent.patch(`/tickets/${t.id}`, { priority: null });
    expect(back.data.priority).toBe('P4');
    expect(back.data.isPriorityManual).toBe(false);
  });

  it('filters and pages the list with a cursor, without gaps or repeats', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    for (let i = 0; i < 7; i++) {
      await agent.post('/tickets', {
        organizationId: w.org.id,
        title: `목록 ${i}`,
        module: i % 2 ? 'FI' : 'SD',
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { items: { id: string; module: string }[]; nextCursor: string | null } } =
        await agent.get(
          `/tickets?organizationId=${w.org.id}&module=FI,SD&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
      seen.push(...page.data.items.map((t) => t.id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const fiOnly = await agent.get(`/tickets?organizationId=${w.org.id}&module=FI`);
    expect(fiOnly.data.items.every((t: { module: string }) => t.module === 'FI')).toBe(true);
    expect(fiOnly.data.items).toHaveLength(3);
    const badCursor = await agent.get(`/tickets?cursor=nonsense`);
    expect(badCursor.statusCode).toBe(400);
  });

  it("never shows a customer another organization's ticket", async () => {
    const w = await makeWorld();
    const other = await makeOrganization();
    const outsider = await makeUser('customer', other.id);
    const t = (await client(app, { cookie: w.customer.cookie }).post('/tickets', { title: '우리 회사 티켓' }))
      .data;
    const them = client(app, { cookie: outsider.cookie });
    expect((await them.get(`/tickets/${t.id}`)).statusCode).toBe(404);
    expect((await them.get(`/tickets/${t.number}`)).statusCode).toBe(404);
    expect((await them.patch(`/tickets/${t.id}`, { status: 'cancelled' })).statusCode).toBe(404);
    expect((await them.post(`/tickets/${t.id}/comments`, { body: '엿보기' })).statusCode).toBe(404);
    const list = await them.get(`/tickets?organizationId=${w.org.id}`);
    expect(list.data.items).toEqual([]);
  });
});
