import type { TCreateInspectionTemplate } from '@hamkke/core';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { db } from '../db/current.js';
import { client } from '../test/api.js';
import { createSchedule } from './schedules.js';
import { insertTemplate } from './templates.js';

/** A short Basis checklist of three items, as a fresh template of its own. */
export const SHORT_BASIS: TCreateInspectionTemplate = {
  name: 'Basis 간이 점검',
  description: '월간 Basis 간이 점검',
  module: 'BC',
  items: [
    {
      id: 'sm37',
      area: 'Basis',
      title: '잡 로그 (SM37)',
      guide: 'SM37 취소 잡 조회',
      expected: '취소 잡 0건',
    },
    { id: 'st22', area: 'Basis', title: '덤프 (ST22)', guide: 'ST22 덤프 집계', expected: '신규 덤프 없음' },
    {
      id: 'db02',
      area: 'Basis',
      title: 'DB 증가량 (DB02)',
      guide: 'DB02 월 증가량',
      expected: '사용률 80% 미만',
    },
  ],
};

export async function makeTemplate(input: TCreateInspectionTemplate = SHORT_BASIS) {
  const made = await db.transaction((tx) => insertTemplate(tx, null, input));
  return made!;
}

type TSceneLike = {
  org: { id: string };
  system: { id: string };
  contract: { id: string };
  agent: { id: string; cookie: string };
};

/**
 * An inspection ticket of the scene's organization with the short Basis checklist started by its
 * agent; `answered` answers items first: `failed` marks db02 failed, `all` answers every item.
 */
export async function makeInspectionFor(
  app: () => FastifyInstance,
  s: TSceneLike,
  answered: 'none' | 'failed' | 'all' = 'none',
): Promise<string> {
  const agent = client(app, { cookie: s.agent.cookie });
  const { template } = await makeTemplate();
  const ticket = await agent.post('/tickets', {
    organizationId: s.org.id,
    systemId: s.system.id,
    type: 'inspection',
    title: '월간 Basis 정기 점검',
  });
  const started = await agent.post(`/tickets/${ticket.data.id}/inspection`, { templateId: template.id });
  if (started.statusCode !== 201) throw new Error(`setup failed: ${started.statusCode} ${started.body}`);
  const url = `/tickets/${ticket.data.id}/inspection/items`;
  if (answered !== 'none') await agent.put(`${url}/db02`, { result: 'failed', note: '92%' });
  if (answered === 'all') {
    await agent.put(`${url}/sm37`, { result: 'ok' });
    await agent.put(`${url}/st22`, { result: 'ok' });
  }
  return ticket.data.id;
}

/** A schedule of the scene's contract, created by the use case as an admin would. */
export async function makeScheduleFor(s: TSceneLike) {
  const { template } = await makeTemplate();
  return createSchedule(SYSTEM_ACTOR, {
    contractId: s.contract.id,
    templateId: template.id,
    systemId: null,
    name: '분기 점검',
    recurrence: { kind: 'quarterly', monthOfQuarter: 1, day: 10 },
    shift: 'next',
    leadBusinessDays: 3,
    windowStart: '09:00',
    windowEnd: '18:00',
    assigneeId: null,
    team: null,
    impact: 'low',
    urgency: 'medium',
    endsOn: null,
  });
}
