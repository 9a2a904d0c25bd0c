import { randomUUID } from 'node:crypto';
import type { TAttachment, TTicket } from '@hamkke/core';
import type { FastifyInstance } from 'fastify';
import type { TActor } from '../auth/actor.js';
import { client, type TResponse } from './api.js';
import { makeContract, makeOrganization, makeUser, makeWorld, type TTestUser } from './factories.js';

export type TApi = ReturnType<typeof client>;

/** The actor a use case sees for a test user, for setting up data without going through HTTP. */
export function actorOf(user: TTestUser): TActor {
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    name: user.name,
    locale: user.locale,
    sourceAddress: null,
    via: 'session',
  };
}

/** A multipart upload of one text file in the field `file`, with its visibility sent first. */
export function uploadOf(visibility: 'public' | 'internal', content = 'ST22 short dump TIME_OUT') {
  const boundary = `hamkke-${randomUUID()}`;
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="visibility"',
    '',
    visibility,
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${visibility}-st22.txt"`,
    'Content-Type: text/plain',
    '',
    content,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return {
    body: Buffer.from(body),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The data a setup step created; a setup step that fails stops the test with the server's answer. */
function created<T>(res: TResponse): T {
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.data;
}

export const INTERNAL_NOTE = '내부 메모: 고객 담당자 교체 예정, 견적 재협의 필요';
export const CONTRACT_NOTES = '내부 전용: 월 80시간 초과분 할인 조건';

/**
 * An organization as the team works it: its users and one staff user of every role (makeWorld),
 * a second customer user, a spare agent, a customer of another organization, a contract with
 * internal notes, and a ticket carrying internal fields.
 */
export async function makeScene(app: () => FastifyInstance) {
  const [w, otherOrg] = await Promise.all([makeWorld(), makeOrganization()]);
  const [otherCustomer, colleague, staffMember, notedContract] = await Promise.all([
    makeUser('customer', otherOrg.id),
    makeUser('customer', w.org.id),
    makeUser('agent'),
    makeContract(w.org.id, { name: '유지보수 부속 계약', notes: CONTRACT_NOTES }),
  ]);
  const agent = client(app, { cookie: w.agent.cookie });
  const ticket = created<TTicket>(
    await agent.post('/tickets', {
      organizationId: w.org.id,
      systemId: w.system.id,
      requesterId: w.customer.id,
      title: 'ME21N 저장 시 오류 M7 021',
      module: 'MM',
      priority: 'P2',
      tags: ['월말마감'],
      team: 'Logistics',
      plannedStart: '2026-03-02T09:00:00+09:00',
      plannedEnd: '2026-03-03T18:00:00+09:00',
    }),
  );
  return { ...w, otherOrg, otherCustomer, colleague, staffMember, notedContract, ticket };
}

export type TScene = Awaited<ReturnType<typeof makeScene>>;

/** A public and an internal attachment on the scene's ticket, uploaded by the agent. */
export async function addFiles(app: () => FastifyInstance, s: TScene) {
  const agent = client(app, { cookie: s.agent.cookie });
  const upload = async (visibility: 'public' | 'internal') => {
    const { body, headers } = uploadOf(visibility);
    return created<TAttachment>(await agent.post(`/tickets/${s.ticket.id}/attachments`, body, headers));
  };
  const [publicFile, internalFile] = await Promise.all([upload('public'), upload('internal')]);
  return { publicFile, internalFile };
}

/**
 * Works the scene's ticket as the team and the customer would: an internal note, a time entry, an
 * internal-only change, a change mixing public and internal fields, and a public reply.
 */
export async function addHistory(app: () => FastifyInstance, s: TScene): Promise<void> {
  const agent = client(app, { cookie: s.agent.cookie });
  const customer = client(app, { cookie: s.customer.cookie });
  const url = `/tickets/${s.ticket.id}`;
  created(await agent.post(`${url}/comments`, { body: INTERNAL_NOTE, visibility: 'internal' }));
  created(await agent.post(`${url}/time-entries`, { minutes: 45, date: '2026-03-02', note: '원인 분석' }));
  const internalOnly = await agent.patch(url, { team: 'Finance', plannedEnd: '2026-03-04T18:00:00+09:00' });
  const mixed = await agent.patch(url, { title: 'ME21N 저장 오류 (M7 021)', tags: ['월말마감', 'VIP'] });
  if (internalOnly.statusCode !== 200 || mixed.statusCode !== 200) throw new Error('setup failed: patch');
  created(await customer.post(`${url}/comments`, { body: '재현 화면 첨부했습니다.' }));
}
