import { describe, expect, it } from 'vitest';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeOrganization, makeSystem, makeUser, makeWorld } from '../test/factories.js';

const app = useApp();

type THit = {
  type: string;
  id: string;
  number: string | null;
  title: string;
  snippet: string;
  score: number;
};
const hits = (res: TResponse): THit[] => {
  if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  return res.data.items;
};
/** The hits holding every word (tickets holding all but one follow with a score below 0). */
const kinds = (res: TResponse) =>
  hits(res)
    .filter((h) => h.score >= 0)
    .map((h) => `${h.type}:${h.id}`);
const search = (api: ReturnType<typeof client>, q: string, extra = '') =>
  api.get(`/search?q=${encodeURIComponent(q)}${extra}`);
const unique = () => Math.random().toString(36).slice(2, 7);

/** A customer with a distinctive name, its systems and a ticket, and a second customer alike. */
async function makeDirectory() {
  const tag = unique();
  const w = await makeWorld();
  const { db } = await import('../db/current.js');
  const { organizations } = await import('../db/schema.js');
  const { eq } = await import('drizzle-orm');
  const name = `한빛화학${tag} 주식회사`;
  await db
    .update(organizations)
    .set({ name, specialNotes: `결산 기간 이관 금지, 담당 팀장 직통 ${tag}zulu` })
    .where(eq(organizations.id, w.org.id));
  const bw = await makeSystem(w.org.id, {
    sid: `B${tag.slice(0, 2).toUpperCase()}P`,
    tier: 'PRD',
    client: '300',
    product: 'BW/4HANA',
    release: '2023',
    modules: ['BW'],
    description: `재무 리포팅 ${tag}`,
  });
  const other = await makeOrganization({ name: `한빛전자${tag}` });
  const otherSystem = await makeSystem(other.id, {
    sid: `X${tag.slice(0, 2).toUpperCase()}1`,
    product: 'BW/4HANA',
    description: `재무 리포팅 ${tag}`,
  });
  const agent = client(app, { cookie: w.agent.cookie });
  const ticket = await agent.post('/tickets', {
    organizationId: w.org.id,
    systemId: bw.id,
    title: `한빛화학${tag} 재무 리포트 material 조회 오류`,
    description: 'BW 쿼리에서 material master 값이 비어 있습니다.',
    module: 'BW',
  });
  if (ticket.statusCode !== 201) throw new Error(ticket.body);
  return {
    tag,
    w,
    name,
    bw,
    other,
    otherSystem,
    agent,
    ticket: ticket.data as { id: string; number: string },
  };
}

describe('search over every kind', () => {
  it('finds the organization by name and code, its systems by SID and description, and its tickets, merged best first', async () => {
    const d = await makeDirectory();
    const all = await search(d.agent, `한빛화학${d.tag}`);
    expect(kinds(all)).toEqual(
      expect.arrayContaining([`organization:${d.w.org.id}`, `ticket:${d.ticket.id}`]),
    );
    const scores = hits(all).map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(kinds(await search(d.agent, d.w.org.code, '&type=organization'))).toEqual([
      `organization:${d.w.org.id}`,
    ]);
    const bySid = hits(await search(d.agent, d.bw.sid, '&type=system'));
    expect(bySid.map((h) => h.id)).toEqual([d.bw.id]);
    expect(bySid[0]).toMatchObject({ number: `${d.bw.sid}/300`, title: `${d.bw.sid} BW/4HANA 2023` });
    expect(bySid[0]!.snippet).toContain(d.name);
    const byDescription = await search(d.agent, `리포팅 ${d.tag}`, '&type=system');
    expect(kinds(byDescription).sort()).toEqual([`system:${d.bw.id}`, `system:${d.otherSystem.id}`].sort());
  });

  it("gives a customer their own organization, systems and tickets only, never another's or the special notes", async () => {
    const d = await makeDirectory();
    const customer = client(app, { cookie: d.w.customer.cookie });
    expect(kinds(await search(customer, `리포팅 ${d.tag}`))).toEqual([`system:${d.bw.id}`]);
    expect(kinds(await search(customer, `한빛전자${d.tag}`))).toEqual([]);
    expect(kinds(await search(customer, `${d.tag}zulu`))).toEqual([]);
    const own = await search(customer, d.w.org.code, '&type=organization');
    expect(kinds(own)).toEqual([`organization:${d.w.org.id}`]);
    expect(own.body).not.toContain('결산 기간');
    // Staff find the organization by its special notes, with the passage shown.
    const staff = hits(await search(d.agent, `${d.tag}zulu`, '&type=organization'));
    expect(staff.map((h) => h.id)).toEqual([d.w.org.id]);
    expect(staff[0]!.snippet).toContain('결산 기간');
    const outsider = client(app, { cookie: (await makeUser('customer', d.other.id)).cookie });
    expect(kinds(await search(outsider, `한빛화학${d.tag}`))).toEqual([]);
    expect(kinds(await search(outsider, `리포팅 ${d.tag}`))).toEqual([`system:${d.otherSystem.id}`]);
  });

  it('keeps the kinds a filter applies to: status and dates keep tickets, module keeps tickets and systems', async () => {
    const d = await makeDirectory();
    const q = `한빛화학${d.tag}`;
    expect(kinds(await search(d.agent, q, '&status=new'))).toEqual([`ticket:${d.ticket.id}`]);
    expect(kinds(await search(d.agent, q, '&status=resolved'))).toEqual([]);
    const past = encodeURIComponent('2020-01-01T00:00:00Z');
    const future = encodeURIComponent('2099-01-01T00:00:00+09:00');
    expect(kinds(await search(d.agent, q, `&createdFrom=${past}&createdTo=${future}`))).toEqual([
      `ticket:${d.ticket.id}`,
    ]);
    expect(kinds(await search(d.agent, q, `&createdTo=${past}`))).toEqual([]);
    expect(
      kinds(await search(d.agent, `리포팅 ${d.tag}`, `&module=BW&organizationId=${d.w.org.id}`)),
    ).toEqual([`system:${d.bw.id}`]);
    expect(kinds(await search(d.agent, `리포팅 ${d.tag}`, '&module=SD'))).toEqual([]);
    const reversed = await search(d.agent, q, `&createdFrom=${future}&createdTo=${past}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.data.errors[0].path).toBe('createdTo');
  });

  it('pages a merged listing without repeats or gaps', async () => {
    const d = await makeDirectory();
    for (let i = 0; i < 3; i++)
      await d.agent.post('/tickets', { organizationId: d.w.org.id, title: `${d.tag}paging 점검 ${i}` });
    await makeSystem(d.w.org.id, {
      sid: 'QAS',
      tier: 'QAS',
      client: '200',
      description: `${d.tag}paging 검증계`,
    });
    const whole = kinds(await search(d.agent, `${d.tag}paging`));
    expect(whole).toHaveLength(4);
    const seen: string[] = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard++) {
      const page = await search(d.agent, `${d.tag}paging`, `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...kinds(page));
      if (!page.data.nextCursor) break;
      cursor = page.data.nextCursor;
    }
    expect(seen).toEqual(whole);
    expect((await search(d.agent, '다른 검색', `&cursor=${cursor || 'x'}`)).statusCode).toBe(400);
  });
});

describe('typo tolerance for Latin words', () => {
  it('finds material from matrial, but keeps SAP codes exact', async () => {
    const d = await makeDirectory();
    const org = `&organizationId=${d.w.org.id}`;
    expect(kinds(await search(d.agent, 'matrial 조회', `${org}&type=ticket`))).toEqual([
      `ticket:${d.ticket.id}`,
    ]);
    expect(kinds(await search(d.agent, 'MATERAIL', `${org}&type=ticket`))).toEqual([`ticket:${d.ticket.id}`]);
    const created = await d.agent.post('/tickets', {
      organizationId: d.w.org.id,
      title: 'ME21N 구매오더 생성 오류',
    });
    expect(kinds(await search(d.agent, 'ME21', `${org}&type=ticket`))).toEqual([]);
    expect(kinds(await search(d.agent, 'ME21N', `${org}&type=ticket`))).toEqual([
      `ticket:${created.data.id}`,
    ]);
    // A word nothing resembles still finds nothing.
    expect(kinds(await search(d.agent, 'qwxzvbnm', `${org}&type=ticket`))).toEqual([]);
  });

  it('learns the words of new text on the write', async () => {
    const d = await makeDirectory();
    const word = `zq${d.tag.replace(/[^a-z]/g, 'k')}reconciliation`;
    const created = await d.agent.post('/tickets', { organizationId: d.w.org.id, title: `${word} 점검` });
    const typo = word.replace('reconciliation', 'reconcilation');
    expect(kinds(await search(d.agent, typo, '&type=ticket'))).toEqual([`ticket:${created.data.id}`]);
  });
});

describe('pickers by 초성 or prefix', () => {
  it('finds organizations by initial consonants, by the start of a word or code, and a customer only their own', async () => {
    const d = await makeDirectory();
    const agent = d.agent;
    const pick = async (api: ReturnType<typeof client>, kind: string, q: string) => {
      const res = await api.get(`/pick/${kind}?q=${encodeURIComponent(q)}&limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      return res.data.items.map((i: { id: string }) => i.id) as string[];
    };
    expect(await pick(agent, 'organizations', 'ㅎㅂㅎㅎ')).toContain(d.w.org.id);
    expect(await pick(agent, 'organizations', 'ㅎㅂ')).toEqual(
      expect.arrayContaining([d.w.org.id, d.other.id]),
    );
    expect(await pick(agent, 'organizations', `한빛화학${d.tag}`)).toEqual([d.w.org.id]);
    expect(await pick(agent, 'organizations', d.w.org.code.toLowerCase())).toEqual([d.w.org.id]);
    expect(await pick(agent, 'organizations', 'ㅈㅅㅎㅅ')).toContain(d.w.org.id);
    const customer = client(app, { cookie: d.w.customer.cookie });
    expect(await pick(customer, 'organizations', 'ㅎㅂ')).toEqual([d.w.org.id]);
    expect(await pick(customer, 'systems', 'BW')).toEqual([d.bw.id]);
    expect((await customer.get('/pick/users?q=ㄱ')).statusCode).toBe(403);
  });

  it('finds users by 초성 and systems by SID, ranking names that start with the query first', async () => {
    const d = await makeDirectory();
    const kim = await makeUser('agent', null, { name: `김하늘${d.tag}` });
    const heo = await makeUser('customer', d.w.org.id, { name: `박김하${d.tag}` });
    const res = await d.agent.get(`/pick/users?q=${encodeURIComponent('ㄱㅎ')}&limit=50`);
    const ids = res.data.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(kim.id);
    expect(ids).toContain(heo.id);
    expect(ids.indexOf(kim.id)).toBeLessThan(ids.indexOf(heo.id));
    const own = await d.agent.get(`/pick/users?q=${encodeURIComponent('ㄱㅎ')}&organizationId=${d.w.org.id}`);
    expect(own.data.items.map((i: { id: string }) => i.id)).toEqual([heo.id]);
    const systems = await d.agent.get(`/pick/systems?q=${d.bw.sid.toLowerCase()}`);
    expect(systems.data.items[0]).toMatchObject({
      id: d.bw.id,
      name: `${d.bw.sid}/300`,
      organizationId: d.w.org.id,
    });
    expect((await d.agent.get(`/pick/systems?q=${'x'.repeat(51)}`)).statusCode).toBe(400);
  });
});

describe('articles in the search box', () => {
  it('gives a customer published public articles only, merged with their tickets', async () => {
    const d = await makeDirectory();
    const word = `${d.tag}kbword`;
    const post = async (body: object) => {
      const res = await d.agent.post('/articles', {
        title: `${word} 처리 방법`,
        body: `${word} 안내`,
        ...body,
      });
      if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
      return res.data.id as string;
    };
    const open = await post({ visibility: 'public', status: 'published' });
    const internal = await post({ visibility: 'internal', status: 'published' });
    const draft = await post({ visibility: 'public', status: 'draft' });
    const ticket = await d.agent.post('/tickets', { organizationId: d.w.org.id, title: `${word} 문의` });
    const customer = client(app, { cookie: d.w.customer.cookie });
    expect(kinds(await search(customer, word)).sort()).toEqual(
      [`article:${open}`, `ticket:${ticket.data.id}`].sort(),
    );
    expect(kinds(await search(customer, word, '&type=article'))).toEqual([`article:${open}`]);
    const staff = kinds(await search(d.agent, word, '&type=article'));
    expect(staff.sort()).toEqual([`article:${open}`, `article:${internal}`, `article:${draft}`].sort());
  });
});
