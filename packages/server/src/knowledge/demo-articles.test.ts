import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { organizations, tickets, users } from '../db/schema.js';
import { DEMO_ORGANIZATIONS } from '../demo/demo-organizations.js';
import { loadDemo } from '../demo/load-demo.js';
import { client, useApp } from '../test/api.js';
import { makeUser } from '../test/factories.js';

const app = useApp();

type TArticle = {
  id: string;
  title: string;
  body: string;
  visibility: string;
  status: string;
  sourceTicketId: string | null;
  organizationId: string | null;
};

let demoOrgIds: string[];

beforeAll(async () => {
  await loadDemo();
  demoOrgIds = (
    await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        inArray(
          organizations.code,
          DEMO_ORGANIZATIONS.map((o) => o.code),
        ),
      )
  ).map((o) => o.id);
}, 120_000);

describe('demo knowledge articles', () => {
  it('writes 15 to 30 Korean articles from resolved demo tickets, linked to the tickets of their kind', async () => {
    const agent = await makeUser('agent');
    const api = client(app, { cookie: agent.cookie });
    const all: TArticle[] = (await api.get('/articles?limit=200')).data.items;
    const demoTicketIds = new Set(
      (
        await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.organizationId, demoOrgIds))
      ).map((t) => t.id),
    );
    const demo = all.filter((a) => a.sourceTicketId !== null && demoTicketIds.has(a.sourceTicketId));
    expect(demo.every((a) => a.status === 'published')).toBe(true);
    expect(demo.length).toBeGreaterThanOrEqual(15);
    expect(demo.length).toBeLessThanOrEqual(30);
    for (const a of demo) {
      expect(a.title).toMatch(/[가-힣]/);
      expect(a.body).toContain('## 해결');
      expect(a.body).not.toContain('안녕하세요');
      if (a.visibility === 'public') expect(a.body).not.toMatch(/[A-Z]{2,}-\d{6}/);
    }
    expect(demo.some((a) => a.visibility === 'internal')).toBe(true);
    const general = demo.filter((a) => a.visibility === 'public');
    expect(general.length).toBeGreaterThan(demo.length / 2);
    for (const a of general) expect(a.body, a.body).not.toContain('(작성 필요)');
    const used = await api.get(`/articles/${general[0]!.id}`);
    expect(used.data.useCount).toBeGreaterThan(0);
  });

  it('offers a demo customer public articles for a typical inquiry', async () => {
    const [customer] = await db
      .select()
      .from(users)
      .where(inArray(users.organizationId, demoOrgIds))
      .limit(1);
    const user = await makeUser('customer', customer!.organizationId);
    const res = await client(app, { cookie: user.cookie }).get(
      `/articles/suggest?q=${encodeURIComponent('SAP 계정이 잠겼습니다 비밀번호 초기화 부탁드립니다')}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.data.items.length).toBeGreaterThan(0);
    expect(res.data.items[0].title).toMatch(/계정|비밀번호/);
  });

  it('finds past cases of the same kind for a demo ticket, the article of its kind among the articles', async () => {
    const agent = await makeUser('agent');
    const api = client(app, { cookie: agent.cookie });
    const [ticket] = await db
      .select()
      .from(tickets)
      .where(
        and(
          inArray(tickets.organizationId, demoOrgIds),
          eq(tickets.title, 'ME21N 구매오더 저장 시 M7 021 오류'),
        ),
      )
      .limit(1);
    const similar = await api.get(`/tickets/${ticket!.id}/similar`);
    expect(similar.statusCode).toBe(200);
    const titles: string[] = similar.data.tickets.map((t: { title: string }) => t.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles[0]).toBe(ticket!.title);
    expect(similar.data.tickets[0].reasons.sharedWords).toEqual(expect.arrayContaining(['ME21N', 'M7 021']));
    // The demo writes articles for its most frequent kinds of case; when this kind has one, it comes first.
    const all: TArticle[] = (await api.get('/articles?limit=200')).data.items;
    if (all.some((a) => a.title === ticket!.title && a.status === 'published'))
      expect(similar.data.articles[0].title).toBe(ticket!.title);
  });
});
