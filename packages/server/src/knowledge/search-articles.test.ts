import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { actorOf } from '../test/scene.js';
import { makeArticle } from './knowledge.fixtures.js';
import { searchArticles } from './search-articles.js';

const app = useApp();

/** A world with articles of every kind, all about 전표 (so one query reaches them all). */
async function makeLibrary() {
  const w = await makeWorld();
  const otherOrg = await makeOrganization();
  // A word of this library's own, so that other tests' articles never answer its queries.
  const word = `zk${Math.random().toString(36).slice(2, 10)}`;
  const a = (input: Parameters<typeof makeArticle>[2]) =>
    makeArticle(app, w.agent, { ...input, tags: [word] });
  const lib = {
    inTitle: await a({
      title: `전표 역분개 방법 (FB08) ${word}`,
      body: '역분개 사유 01을 선택합니다.',
      modules: ['FI'],
    }),
    inBody: await a({
      title: `월말 마감 점검표 ${word}`,
      body: '마감 전에 미결 전표를 확인합니다.',
      modules: ['CO'],
    }),
    own: await a({ title: '자사 전표 승인 절차', organizationId: w.org.id, modules: ['FI'] }),
    other: await a({ title: '타사 전표 승인 절차', organizationId: otherOrg.id }),
    internal: await a({ title: '전표 오류 내부 분석', visibility: 'internal' }),
    draft: await a({ title: '전표 초안', status: 'draft' }),
    archived: await a({ title: '예전 전표 안내', status: 'archived' }),
  };
  return { w, otherOrg, lib, word };
}

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe('searchArticles', () => {
  it('finds every article for staff, a title match first, with code and highlights', async () => {
    const { w, lib, word } = await makeLibrary();
    const found = await searchArticles(actorOf(w.viewer), { q: `전표를 ${word}`, limit: 50 });
    for (const a of Object.values(lib)) expect(ids(found)).toContain(a.id);
    const inTitle = found.items.find((h) => h.id === lib.inTitle.id)!;
    const inBody = found.items.find((h) => h.id === lib.inBody.id)!;
    expect(inTitle).toMatchObject({ type: 'article', number: lib.inTitle.code });
    expect(inTitle.score).toBeGreaterThan(inBody.score);
    expect(ids(found).indexOf(lib.inTitle.id)).toBeLessThan(ids(found).indexOf(lib.inBody.id));
    expect(inTitle.title.slice(inTitle.titleHighlights[0]!.start, inTitle.titleHighlights[0]!.end)).toBe(
      '전표',
    );
    expect(inBody.snippet).toContain('미결 전표');
    expect(inBody.snippet.slice(inBody.highlights[0]!.start, inBody.highlights[0]!.end)).toBe('전표');
  });

  it('gives a customer only published public articles, general or their own', async () => {
    const { w, otherOrg, lib, word } = await makeLibrary();
    const mine = ids(await searchArticles(actorOf(w.customer), { q: `전표 ${word}`, limit: 50 }));
    expect(mine).toEqual(expect.arrayContaining([lib.inTitle.id, lib.inBody.id, lib.own.id]));
    for (const hidden of [lib.other, lib.internal, lib.draft, lib.archived])
      expect(mine).not.toContain(hidden.id);
    const theirCustomer = await makeUser('customer', otherOrg.id);
    const theirs = ids(await searchArticles(actorOf(theirCustomer), { q: `전표 ${word}`, limit: 50 }));
    expect(theirs).toContain(lib.other.id);
    expect(theirs).not.toContain(lib.own.id);
    // Asking for another organization does not widen a customer's scope.
    const asked = ids(
      await searchArticles(actorOf(w.customer), {
        q: `전표 ${word}`,
        organizationId: otherOrg.id,
        limit: 50,
      }),
    );
    expect(asked).not.toContain(lib.other.id);
  });

  it('filters by module and organization and pages best first without repeats', async () => {
    const { w, otherOrg, lib, word } = await makeLibrary();
    const staff = actorOf(w.agent);
    expect(ids(await searchArticles(staff, { q: `전표 ${word}`, module: ['FI'], limit: 50 })).sort()).toEqual(
      [lib.inTitle.id, lib.own.id].sort(),
    );
    const forOther = ids(
      await searchArticles(staff, { q: `전표 승인 ${word}`, organizationId: otherOrg.id, limit: 50 }),
    );
    expect(forOther).toEqual([lib.other.id]);
    const all = ids(await searchArticles(staff, { q: `전표 ${word}`, organizationId: w.org.id, limit: 50 }));
    const first = await searchArticles(staff, { q: `전표 ${word}`, organizationId: w.org.id, limit: 2 });
    const rest = await searchArticles(staff, {
      q: `전표 ${word}`,
      organizationId: w.org.id,
      limit: 50,
      cursor: first.nextCursor!,
    });
    expect([...ids(first), ...ids(rest)]).toEqual(all);
    expect(rest.nextCursor).toBeNull();
    await expect(searchArticles(staff, { q: '마감', limit: 2, cursor: first.nextCursor! })).rejects.toThrow();
  });

  it('follows every edit: a changed title is found at once, the old one no more', async () => {
    const w = await makeWorld();
    const article = await makeArticle(app, w.agent, {
      title: 'SM37 배치잡 재실행',
      organizationId: w.org.id,
    });
    const agent = client(app, { cookie: w.agent.cookie });
    await agent.patch(`/articles/${article.id}`, { version: 1, title: 'SM36 배치잡 등록 방법' });
    const staff = actorOf(w.agent);
    expect(ids(await searchArticles(staff, { q: 'SM36', organizationId: w.org.id, limit: 10 }))).toEqual([
      article.id,
    ]);
    expect(ids(await searchArticles(staff, { q: 'SM37', organizationId: w.org.id, limit: 10 }))).toEqual([]);
    // Unpublishing takes it away from customers at once.
    await agent.patch(`/articles/${article.id}`, { version: 2, status: 'archived' });
    expect(ids(await searchArticles(actorOf(w.customer), { q: 'SM36', limit: 10 }))).toEqual([]);
  });
});
