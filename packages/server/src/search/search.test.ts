import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { tickets as ticketTable } from '../db/schema.js';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeOrganization, makeUser, makeWorld } from '../test/factories.js';
import { backfillTicketSearch } from './refresh-ticket-search.js';
import { setRankCap } from './search-tickets.js';

const app = useApp();

type THit = {
  id: string;
  number: string;
  title: string;
  titleHighlights: { start: number; end: number }[];
  snippet: string;
  highlights: { start: number; end: number }[];
  score: number;
};

const hits = (res: TResponse): THit[] => {
  if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  return res.data.items;
};
/** The tickets holding every word of the query; those holding all but one follow with a score below 0. */
const ids = (res: TResponse) =>
  hits(res)
    .filter((h) => h.score >= 0)
    .map((h) => h.id);
const marked = (text: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => text.slice(r.start, r.end));

/** An organization with tickets a Korean SAP AMS team would see, created by its agent. */
async function makeCorpus() {
  const w = await makeWorld();
  const agent = client(app, { cookie: w.agent.cookie });
  const open = async (title: string, description = '', extra: object = {}) => {
    const res = await agent.post('/tickets', { organizationId: w.org.id, title, description, ...extra });
    if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
    return res.data as { id: string; number: string };
  };
  const tickets = {
    inquiry: await open('전표 조회 권한 문의', 'FI 담당자가 FB03에서 조회할 수 없습니다.'),
    fb60: await open('FB60 전표가 저장되지 않음', '송장 입력 후 저장 버튼을 누르면 멈춥니다.', {
      module: 'FI',
    }),
    me21n: await open('ME21N 저장 시 오류', '구매오더 생성 중 메시지 M7 021 이 뜹니다.', { module: 'MM' }),
    note: await open('MIGO 입고 취소 불가', '적용할 SAP Note 2345678 검토 요청드립니다.', {
      sapNotes: ['2345678'],
    }),
    transport: await open('운영 반영 요청', '이관 요청 DEVK900123 를 PRD로 반영해 주세요.'),
    english: await open('Posting period not open', 'Error in OB52 when posting to period 13.'),
    mention: await open('월말 마감 점검', '마감 전에 미결 전표 목록을 확인합니다.'),
  };
  return { w, agent, tickets };
}

/** Ticket search: other kinds (articles of other test files among them) are search-kinds.test.ts's. */
const search = (api: ReturnType<typeof client>, q: string, extra = '') =>
  api.get(`/search?q=${encodeURIComponent(q)}&type=ticket${extra}`);

describe('ticket search', () => {
  it('finds a two-syllable Korean word with or without a particle attached', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const found = await search(agent, '전표', `&organizationId=${w.org.id}`);
    expect(ids(found)).toEqual(
      expect.arrayContaining([tickets.inquiry.id, tickets.fb60.id, tickets.mention.id]),
    );
    expect(ids(found)).toHaveLength(3);
    const fb60 = hits(found).find((h) => h.id === tickets.fb60.id)!;
    expect(marked(fb60.title, fb60.titleHighlights)).toEqual(['전표']);
    expect(ids(await search(agent, '전표를', `&organizationId=${w.org.id}`))).toHaveLength(3);
  });

  it('ANDs mixed Korean and SAP words: ME21N 저장 오류 finds the ME21N ticket only', async () => {
    const { w, agent, tickets } = await makeCorpus();
    expect(ids(await search(agent, 'ME21N 저장 오류', `&organizationId=${w.org.id}`))).toEqual([
      tickets.me21n.id,
    ]);
    expect(ids(await search(agent, 'me21n에서 저장', `&organizationId=${w.org.id}`))).toEqual([
      tickets.me21n.id,
    ]);
  });

  it('finds message IDs, SAP Notes and transport requests however they are typed', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const org = `&organizationId=${w.org.id}`;
    for (const q of ['M7 021', 'm7-021', 'M7021'])
      expect(ids(await search(agent, q, org)), q).toEqual([tickets.me21n.id]);
    for (const q of ['SAP Note 2345678', '노트 2345678', '2345678'])
      expect(ids(await search(agent, q, org)), q).toEqual([tickets.note.id]);
    const transport = await search(agent, 'DEVK900123', org);
    expect(ids(transport)).toEqual([tickets.transport.id]);
    expect(marked(hits(transport)[0]!.snippet, hits(transport)[0]!.highlights)).toEqual(['DEVK900123']);
  });

  it('matches English words whatever their case', async () => {
    const { w, agent, tickets } = await makeCorpus();
    for (const q of ['posting period', 'POSTING Period', 'ob52'])
      expect(ids(await search(agent, q, `&organizationId=${w.org.id}`)), q).toEqual([tickets.english.id]);
  });

  it('follows the tickets holding every word with those holding all but one, scored below 0', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const org = `&organizationId=${w.org.id}`;
    // No ticket says 느림; the FB60 ticket holds 전표 and 저장.
    const found = hits(await search(agent, '전표 저장 느림', org));
    expect(found.map((h) => h.id)).toEqual([tickets.fb60.id]);
    expect(found[0]!.score).toBeLessThan(0);
    // Where tickets hold every word, they come first, the others after them.
    const mixed = hits(await search(agent, 'ME21N 저장 오류', org));
    expect(mixed[0]!.id).toBe(tickets.me21n.id);
    expect(mixed[0]!.score).toBeGreaterThanOrEqual(0);
    expect(mixed.slice(1).every((h) => h.score < 0)).toBe(true);
    // One word alone has nothing to leave out.
    expect(hits(await search(agent, '느림', org))).toEqual([]);
  });

  it('ranks only the newest tickets of a word found in more tickets than the cap, and all of a rarer one', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await agent.post('/tickets', { organizationId: w.org.id, title: `캡시험 ${i} 건` });
      made.push(res.data.id);
    }
    setRankCap(2);
    try {
      const found = ids(await search(agent, '캡시험', `&organizationId=${w.org.id}`));
      expect(found.sort()).toEqual([made[2], made[3]].sort());
      expect(ids(await search(agent, '캡시험 3', `&organizationId=${w.org.id}`))).toEqual([made[3]]);
    } finally {
      setRankCap(5000);
    }
  });

  it('ranks a title match before a match in the description only', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const found = hits(await search(agent, '전표', `&organizationId=${w.org.id}`));
    expect(found.at(-1)!.id).toBe(tickets.mention.id);
    expect(found[0]!.score).toBeGreaterThan(found.at(-1)!.score);
    const mention = found.at(-1)!;
    expect(marked(mention.snippet, mention.highlights)).toEqual(['전표']);
  });

  it('filters by module and status, and pages best first without repeats', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const org = `&organizationId=${w.org.id}`;
    expect(ids(await search(agent, '전표', `${org}&module=FI`))).toEqual([tickets.fb60.id]);
    expect(ids(await search(agent, '전표', `${org}&status=resolved`))).toEqual([]);
    const all = ids(await search(agent, '전표', org));
    const first = await search(agent, '전표', `${org}&limit=2`);
    expect(ids(first)).toEqual(all.slice(0, 2));
    const second = await search(agent, '전표', `${org}&limit=2&cursor=${first.data.nextCursor}`);
    expect(ids(second)).toEqual(all.slice(2));
    expect(second.data.nextCursor).toBeNull();
    expect((await search(agent, '저장', `${org}&cursor=${first.data.nextCursor}`)).statusCode).toBe(400);
  });

  it('asks for q of 1 to 200 characters and answers an unknown type with 400', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    for (const url of ['/search', '/search?q=', `/search?q=${'가'.repeat(201)}`]) {
      const res = await agent.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.data.errors[0].path).toBe('q');
    }
    const bogus = await agent.get('/search?q=전표&type=contract');
    expect(bogus.statusCode).toBe(400);
    expect(bogus.data.errors[0].path).toBe('type');
    expect((await agent.get('/search?q=...')).data).toEqual({ items: [], nextCursor: null });
    expect((await client(app).get('/search?q=전표')).statusCode).toBe(401);
  });
});

describe('search scope', () => {
  it("never finds a customer another organization's ticket", async () => {
    const { w, tickets } = await makeCorpus();
    const outsider = await makeUser('customer', (await makeOrganization()).id);
    const them = client(app, { cookie: outsider.cookie });
    expect(ids(await search(them, 'ME21N 저장 오류'))).toEqual([]);
    expect(ids(await search(them, 'ME21N', `&organizationId=${w.org.id}`))).toEqual([]);
    const own = client(app, { cookie: w.customer.cookie });
    expect(ids(await search(own, 'ME21N 저장 오류'))).toEqual([tickets.me21n.id]);
  });

  it('finds a ticket by a word of an internal note for staff only, never for the customer', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const secret = '견적재산정';
    await agent.post(`/tickets/${tickets.inquiry.id}/comments`, {
      body: `내부 메모: ${secret} 필요, 고객 담당자 교체 예정`,
      visibility: 'internal',
    });
    const customer = client(app, { cookie: w.customer.cookie });
    expect(ids(await search(customer, secret))).toEqual([]);
    expect(ids(await search(customer, '전표 견적'))).toEqual([]);
    const inquiry = hits(await search(customer, '전표 조회')).find((h) => h.id === tickets.inquiry.id)!;
    expect(inquiry.snippet).not.toContain(secret);

    for (const user of [w.agent, w.viewer, w.manager]) {
      const staff = client(app, { cookie: user.cookie });
      const found = hits(await search(staff, secret, `&organizationId=${w.org.id}`));
      expect(
        found.map((h) => h.id),
        user.role,
      ).toEqual([tickets.inquiry.id]);
      expect(marked(found[0]!.snippet, found[0]!.highlights)).toEqual([secret]);
    }
  });

  it('finds a ticket by a public reply, for the customer too', async () => {
    const { w, agent, tickets } = await makeCorpus();
    await agent.post(`/tickets/${tickets.transport.id}/comments`, { body: 'STMS 에서 임포트 완료했습니다.' });
    const customer = client(app, { cookie: w.customer.cookie });
    expect(ids(await search(customer, 'STMS 임포트'))).toEqual([tickets.transport.id]);
  });
});

describe('the index stays current', () => {
  it('follows a changed title and a new comment in the same request', async () => {
    const { w, agent, tickets } = await makeCorpus();
    const org = `&organizationId=${w.org.id}`;
    await agent.patch(`/tickets/${tickets.english.id}`, { title: 'VA01 가격결정 오류' });
    expect(ids(await search(agent, 'VA01 가격결정', org))).toEqual([tickets.english.id]);
    expect(ids(await search(agent, 'not open', org))).toEqual([]);
    // The description still holds OB52.
    expect(ids(await search(agent, 'OB52', org))).toEqual([tickets.english.id]);

    const customer = client(app, { cookie: w.customer.cookie });
    await customer.post(`/tickets/${tickets.fb60.id}/comments`, {
      body: '재현 화면은 SM21 로그에 있습니다.',
    });
    expect(ids(await search(agent, 'SM21', org))).toEqual([tickets.fb60.id]);
  });

  it('indexes tickets written without their search documents when the backfill runs', async () => {
    const w = await makeWorld();
    const [row] = await db
      .insert(ticketTable)
      .values({
        number: `${w.org.code}-900001`,
        organizationId: w.org.id,
        type: 'incident',
        title: '일괄 적재된 SE38 배치 오류',
        impact: 'medium',
        urgency: 'medium',
        priority: 'P3',
        channel: 'internal',
      })
      .returning();
    const agent = client(app, { cookie: w.agent.cookie });
    expect(ids(await search(agent, 'SE38 배치', `&organizationId=${w.org.id}`))).toEqual([]);
    expect(await backfillTicketSearch(db)).toBeGreaterThanOrEqual(1);
    expect(ids(await search(agent, 'SE38 배치', `&organizationId=${w.org.id}`))).toEqual([row!.id]);
  });

  it('indexes the longest texts the API takes without failing the write', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    // Random syllables: nearly every bigram new, the worst case for the size of a document.
    const noise = () =>
      Array.from({ length: 49_990 }, () => String.fromCharCode(randomInt(0xac00, 0xd7a4))).join('');
    const res = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: '대용량 로그 첨부 ST22',
      description: `덤프 ${noise()}`,
    });
    expect(res.statusCode).toBe(201);
    for (const visibility of ['public', 'internal', 'internal', 'internal'])
      expect(
        (await agent.post(`/tickets/${res.data.id}/comments`, { body: noise(), visibility })).statusCode,
      ).toBe(201);
    expect(ids(await search(agent, 'ST22 덤프', `&organizationId=${w.org.id}`))).toEqual([res.data.id]);
  });
});
