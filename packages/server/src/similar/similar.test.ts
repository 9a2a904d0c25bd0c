import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { tickets } from '../db/schema.js';
import { makeArticle, makeCase } from '../knowledge/knowledge.fixtures.js';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeSystem, makeUser, makeWorld } from '../test/factories.js';
import { useOwnDatabase } from '../test/own-database.js';

// A database of its own: which words count as rare (and so which tickets are candidates) depends on
// every ticket there, and other files' tickets share these words; in the shared run database one of
// theirs once ranked above the fixture's obvious match.
useOwnDatabase();
const app = useApp();

type TSimilar = {
  id: string;
  score: number;
  reasons: { sharedWords: string[]; isSameSystem: boolean; isSameModule: boolean };
};

/** A customer's purchasing trouble, past cases near and far from it, and an article. */
async function makeCases() {
  const w = await makeWorld();
  // The customer's own program name: other tests' (and the demo's) cases never hold it.
  const program = `ZMM_PO_${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const qas = await makeSystem(w.org.id, { sid: 'QAS', tier: 'QAS' });
  const otherOrg = await makeOrganization();
  const otherSystem = await makeSystem(otherOrg.id);
  const c = (input: Parameters<typeof makeCase>[2]) => makeCase(app, w.agent, input);
  const cases = {
    current: await c({
      organizationId: w.org.id,
      systemId: w.system.id,
      module: 'MM',
      type: 'incident',
      title: `ME21N 구매오더 저장 시 M7 021 오류 (${program})`,
      description: '구매오더를 생성하고 저장 버튼을 누르면 M7 021 메시지가 나오며 저장되지 않습니다.',
      isOpen: true,
    }),
    obvious: await c({
      organizationId: w.org.id,
      systemId: w.system.id,
      module: 'MM',
      title: `ME21N 구매오더 저장 불가 (M7 021) ${program}`,
      description: '구매오더 저장 시 M7 021 메시지가 나옵니다. 자재 단위 변환 확인 요청',
      publicReply: '자재 마스터의 구매 단위 변환을 수정했습니다.',
    }),
    otherSystem: await c({
      organizationId: w.org.id,
      systemId: qas.id,
      module: 'MM',
      title: `품질 시스템 ME21N 구매오더 저장 오류 ${program}`,
      description: '테스트 중 구매오더 저장이 되지 않습니다.',
    }),
    stillOpen: await c({
      organizationId: w.org.id,
      systemId: w.system.id,
      module: 'MM',
      title: `ME21N 구매오더 저장 시 M7 021 오류 재발 ${program}`,
      isOpen: true,
    }),
    unrelated: await c({
      organizationId: w.org.id,
      systemId: w.system.id,
      module: 'FI',
      title: 'FB60 송장 전기 시 세금코드 오류',
      description: '세금코드가 비어 있어 전기가 되지 않습니다.',
    }),
    otherOrg: await c({
      organizationId: otherOrg.id,
      systemId: otherSystem.id,
      module: 'MM',
      title: `ME21N 구매오더 저장 시 M7 021 오류 ${program}`,
      description: '저장이 안 됩니다.',
    }),
  };
  const article = await makeArticle(app, w.agent, {
    title: `M7 021 구매오더 저장 오류 해결 (${program})`,
    body: 'ME21N에서 구매오더 저장 시 M7 021 이 나오면 자재 단위 변환을 확인합니다.',
    modules: ['MM'],
  });
  const internalArticle = await makeArticle(app, w.agent, {
    title: `M7 021 구매오더 저장 오류 내부 분석 ${program}`,
    body: 'ME21N 구매오더 저장 M7 021',
    visibility: 'internal',
  });
  return { w, otherOrg, cases, article, internalArticle };
}

const similarOf = async (user: { cookie: string }, ticketId: string) => {
  const res = await client(app, { cookie: user.cookie }).get(`/tickets/${ticketId}/similar`);
  if (res.statusCode !== 200) throw new Error(`similar failed: ${res.statusCode} ${res.body}`);
  return res.data as { tickets: TSimilar[]; articles: TSimilar[]; problemCandidate: unknown };
};

describe('similar past cases', () => {
  it('puts the obviously similar resolved ticket first and says why', async () => {
    const { w, cases } = await makeCases();
    const found = await similarOf(w.agent, cases.current.id);
    const ids = found.tickets.map((t) => t.id);
    expect(ids[0]).toBe(cases.obvious.id);
    expect(found.tickets[0]!.reasons).toMatchObject({ isSameSystem: true, isSameModule: true });
    expect(found.tickets[0]!.reasons.sharedWords).toEqual(
      expect.arrayContaining(['ME21N', '구매오더', 'M7 021']),
    );
    // Another customer's case with the same words ranks below the same system's.
    expect(ids.indexOf(cases.otherOrg.id)).not.toBe(0);
    // Within the customer's own cases: another system of theirs is shown, below the same system's.
    const own = await similarOf(w.customer, cases.current.id);
    const other = own.tickets.find((t) => t.id === cases.otherSystem.id)!;
    expect(other.reasons).toMatchObject({ isSameSystem: false, isSameModule: true });
    expect(other.score).toBeLessThan(own.tickets[0]!.score);
    expect(ids).not.toContain(cases.current.id);
    expect(ids).not.toContain(cases.stillOpen.id);
    expect(ids).not.toContain(cases.unrelated.id);
    expect(found.tickets.length).toBeLessThanOrEqual(5);
  });

  it('offers matching articles the caller may read, with reasons', async () => {
    const { w, cases, article, internalArticle } = await makeCases();
    const staff = await similarOf(w.agent, cases.current.id);
    const staffIds = staff.articles.map((a) => a.id);
    expect(staffIds).toEqual(expect.arrayContaining([article.id, internalArticle.id]));
    const mm = staff.articles.find((a) => a.id === article.id)!;
    expect(mm.reasons).toMatchObject({ isSameModule: true, isSameSystem: false });
    expect(mm.reasons.sharedWords).toEqual(expect.arrayContaining(['M7 021', '구매오더']));
    const customer = await similarOf(w.customer, cases.current.id);
    expect(customer.articles.map((a) => a.id)).toContain(article.id);
    expect(customer.articles.map((a) => a.id)).not.toContain(internalArticle.id);
  });

  it("never shows a customer another organization's tickets, nor theirs to others", async () => {
    const { w, otherOrg, cases } = await makeCases();
    const customer = await similarOf(w.customer, cases.current.id);
    const ids = customer.tickets.map((t) => t.id);
    expect(ids[0]).toBe(cases.obvious.id);
    expect(ids).not.toContain(cases.otherOrg.id);
    expect(customer.problemCandidate).toBeNull();
    const outsider = await makeUser('customer', otherOrg.id);
    const res = await client(app, { cookie: outsider.cookie }).get(`/tickets/${cases.current.id}/similar`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('구매오더');
    const theirs = await similarOf(outsider, cases.otherOrg.id);
    expect(theirs.tickets.map((t) => t.id)).toEqual([]);
  });

  it('keeps internal notes out of what a customer is matched by', async () => {
    const w = await makeWorld();
    const secret = '견적재산정협의';
    const past = await makeCase(app, w.agent, {
      organizationId: w.org.id,
      title: '운영 반영 일정 문의',
      internalNote: `${secret} 필요 ${secret}`,
    });
    const current = await makeCase(app, w.agent, {
      organizationId: w.org.id,
      title: '반영 문의',
      description: `${secret} 관련`,
      isOpen: true,
    });
    expect((await similarOf(w.customer, current.id)).tickets).toEqual([]);
    expect((await similarOf(w.agent, current.id)).tickets.map((t) => t.id)).toContain(past.id);
  });
});

describe('recurring incidents', () => {
  const incident = (w: Awaited<ReturnType<typeof makeWorld>>, extra: object = {}) =>
    makeCase(app, w.agent, {
      organizationId: w.org.id,
      systemId: w.system.id,
      module: 'BC',
      type: 'incident',
      title: 'PRD 야간 배치잡 Z_FI_DAILY_INTERFACE 취소',
      description: '야간 배치잡 Z_FI_DAILY_INTERFACE가 03:10에 취소되었습니다. RFC 연결 오류로 보입니다.',
      isOpen: true,
      ...extra,
    });
  const daysAgo = (id: string, days: number) =>
    db
      .update(tickets)
      .set({ createdAt: sql`now() - make_interval(days => ${days})` })
      .where(eq(tickets.id, id));

  it('flags three similar incidents of one system within 14 days as a candidate problem', async () => {
    const w = await makeWorld();
    const old = await incident(w);
    await daysAgo(old.id, 40);
    const first = await incident(w);
    await daysAgo(first.id, 12);
    const second = await incident(w, { title: '야간 배치잡 Z_FI_DAILY_INTERFACE 취소됨 (RFC 오류)' });
    await daysAgo(second.id, 5);
    const third = await incident(w);
    const unrelated = await incident(w, {
      title: 'SAP GUI 로그인 화면 느림',
      description: '로그인 시 30초 이상 걸립니다.',
    });
    const otherOrg = await makeWorld();
    const elsewhere = await incident(otherOrg);

    const found = await similarOf(w.agent, third.id);
    const candidate = found.problemCandidate as {
      tickets: { id: string }[];
      sharedBy: string;
      systemId: string;
    };
    expect(candidate).not.toBeNull();
    expect(candidate.tickets.map((t) => t.id)).toEqual([first.id, second.id, third.id]);
    expect(candidate).toMatchObject({ sharedBy: 'system', systemId: w.system.id, organizationId: w.org.id });
    expect((await similarOf(w.agent, first.id)).problemCandidate).toMatchObject({
      tickets: candidate.tickets,
    });
    expect((await similarOf(w.agent, old.id)).problemCandidate).toBeNull();
    expect((await similarOf(w.agent, unrelated.id)).problemCandidate).toBeNull();
    expect((await similarOf(otherOrg.agent, elsewhere.id)).problemCandidate).toBeNull();

    const listed = await client(app, { cookie: w.manager.cookie }).get(
      `/problems/candidates?organizationId=${w.org.id}`,
    );
    expect(listed.statusCode).toBe(200);
    expect(listed.data.items).toHaveLength(1);
    expect(listed.data.items[0].tickets.map((t: { id: string }) => t.id)).toEqual([
      first.id,
      second.id,
      third.id,
    ]);
    expect(listed.data.items[0].sharedWords).toEqual(
      expect.arrayContaining(['배치잡', 'Z_FI_DAILY_INTERFACE']),
    );
    // Two similar incidents are not yet a pattern.
    const two = await client(app, { cookie: w.manager.cookie }).get(
      `/problems/candidates?organizationId=${otherOrg.org.id}`,
    );
    expect(two.data.items).toEqual([]);
    expect((await client(app, { cookie: w.customer.cookie }).get('/problems/candidates')).statusCode).toBe(
      403,
    );
  });
});
