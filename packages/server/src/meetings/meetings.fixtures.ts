import { db } from '../db/current.js';
import { comments, inspectionAnswers, inspectionRuns, meetings, ticketEvents } from '../db/schema.js';
import { makeTemplate } from '../inspections/inspections.fixtures.js';
import { makeTicketRow } from '../teams/teams.fixtures.js';
import { makeOrganization, makeSystem, makeUser } from '../test/factories.js';
import { makeWeekActivity } from './week-activity.fixtures.js';

/** The hand-built week: 2026-W10, Monday 2 March to Sunday 8 March 2026 in Seoul (1 Mar 15:00Z – 8 Mar 15:00Z). */
export const WEEK = '2026-W10';
const at = (iso: string) => new Date(iso);

/**
 * A week with known tickets and events (figures in weekly-pack.test.ts):
 * - 가나상사 (A): 3 created (P1 incident A1, inquiry A2, request A5 at Monday 00:30 KST), 2 closed
 *   (A1 resolved, A3 from February resolved), 2 open at the end; A4 is created the next Monday 01:00 KST;
 * - 다라전자 (B): 3 similar incidents on one system (B1 P2, B3, B4: a recurring group), 1 closed
 *   without resolution (B2), 3 open at the end;
 * - 사아물산 (C): SLA tickets on the 24×7 calendar: a late response (S1), a resolution met with 5 %
 *   left (S2, near miss), one with 20 % left (S3), an unanswered response due in the week (S4), and a
 *   response due the week before but met in this one (S5: last week's breach);
 * - 마바건설 (D): an inspection completed in the week (ok, warning, failed with a follow-up).
 */
export async function makeWeek() {
  const [a, b, c, d] = await Promise.all([
    makeOrganization({ name: '가나상사', specialNotes: '월말 이관 금지' }),
    makeOrganization({ name: '다라전자' }),
    makeOrganization({ name: '사아물산' }),
    makeOrganization({ name: '마바건설' }),
  ]);
  const [agent, manager] = await Promise.all([
    makeUser('agent', null, { name: '김상담' }),
    makeUser('manager', null, { name: '박관리' }),
  ]);
  const customer = await makeUser('customer', a.id, { name: '이고객' });
  const bSystem = await makeSystem(b.id);

  // 가나상사
  const a1 = await makeTicketRow(a, {
    type: 'incident',
    priority: 'P1',
    impact: 'high',
    urgency: 'high',
    title: '생산 시스템 전체 로그인 불가',
    status: 'closed',
    assigneeId: agent.id,
    createdAt: at('2026-03-03T01:00:00Z'),
    resolvedAt: at('2026-03-04T01:00:00Z'),
    closedAt: at('2026-03-10T01:00:00Z'),
  });
  await makeTicketRow(a, { type: 'inquiry', createdAt: at('2026-03-04T02:00:00Z') });
  await makeTicketRow(a, {
    type: 'request',
    status: 'resolved',
    createdAt: at('2026-02-20T02:00:00Z'),
    resolvedAt: at('2026-03-05T02:00:00Z'),
  });
  await makeTicketRow(a, { type: 'request', createdAt: at('2026-03-08T16:00:00Z') });
  await makeTicketRow(a, { type: 'request', createdAt: at('2026-03-01T15:30:00Z') });
  await db.insert(ticketEvents).values([
    {
      ticketId: a1.id,
      actorId: customer.id,
      kind: 'created',
      visibility: 'public',
      createdAt: at('2026-03-03T01:00:00Z'),
    },
    {
      ticketId: a1.id,
      actorId: agent.id,
      kind: 'changed',
      visibility: 'public',
      data: { changes: [{ field: 'status', from: 'new', to: 'in_progress' }] },
      createdAt: at('2026-03-03T01:10:00Z'),
    },
    {
      ticketId: a1.id,
      actorId: agent.id,
      kind: 'changed',
      visibility: 'public',
      data: { changes: [{ field: 'status', from: 'in_progress', to: 'resolved' }] },
      createdAt: at('2026-03-04T01:00:00Z'),
    },
    {
      ticketId: a1.id,
      actorId: null,
      kind: 'changed',
      visibility: 'public',
      data: { changes: [{ field: 'status', from: 'resolved', to: 'closed' }] },
      createdAt: at('2026-03-10T01:00:00Z'),
    },
  ]);
  await db.insert(comments).values([
    {
      ticketId: a1.id,
      authorId: agent.id,
      body: '확인 중입니다.',
      visibility: 'public',
      createdAt: at('2026-03-03T01:15:00Z'),
    },
    {
      ticketId: a1.id,
      authorId: agent.id,
      body: '원인: SAP 메시지 서버 인증서 만료',
      visibility: 'internal',
      createdAt: at('2026-03-03T05:00:00Z'),
    },
    {
      ticketId: a1.id,
      authorId: agent.id,
      body: '인증서를 갱신하고 메시지 서버를 재기동했습니다.',
      visibility: 'public',
      createdAt: at('2026-03-04T00:50:00Z'),
    },
    {
      ticketId: a1.id,
      authorId: customer.id,
      body: '감사합니다',
      visibility: 'public',
      createdAt: at('2026-03-04T02:00:00Z'),
    },
  ]);

  // 다라전자
  const dump = { systemId: bSystem.id, module: 'MM', type: 'incident' } as const;
  const b1 = await makeTicketRow(b, {
    ...dump,
    priority: 'P2',
    title: 'MIGO 입고 처리 시 덤프 발생 MSEG 잠금',
    description: 'MIGO 입고 저장 시 ABAP 덤프 MSEG 잠금 오류',
    createdAt: at('2026-03-06T01:00:00Z'),
  });
  await makeTicketRow(b, {
    ...dump,
    title: 'MIGO 입고 처리 중 덤프 발생 MSEG 잠금',
    description: 'MIGO 입고 저장 시 ABAP 덤프 MSEG 잠금 오류 재발',
    createdAt: at('2026-03-06T03:00:00Z'),
  });
  await makeTicketRow(b, {
    ...dump,
    title: 'MIGO 입고 처리 덤프 발생 MSEG 잠금',
    description: 'MIGO 입고 저장 시 ABAP 덤프 MSEG 잠금',
    createdAt: at('2026-02-27T03:00:00Z'),
  });
  await makeTicketRow(b, {
    status: 'closed',
    createdAt: at('2026-02-25T01:00:00Z'),
    closedAt: at('2026-03-06T05:00:00Z'),
  });

  // 사아물산: SLA on the 24×7 calendar (business minutes are wall-clock minutes)
  const sla = { slaCalendarKey: '24x7', type: 'request' } as const;
  await makeTicketRow(c, {
    ...sla,
    title: 'S1 응답 지연',
    createdAt: at('2026-03-03T00:00:00Z'),
    responseTargetMin: 60,
    responseDueAt: at('2026-03-03T01:00:00Z'),
    firstResponseAt: at('2026-03-03T01:30:00Z'),
  });
  await makeTicketRow(c, {
    ...sla,
    title: 'S2 아슬아슬',
    status: 'resolved',
    createdAt: at('2026-03-04T00:00:00Z'),
    resolutionTargetMin: 600,
    resolutionDueAt: at('2026-03-04T10:00:00Z'),
    resolvedAt: at('2026-03-04T09:30:00Z'),
  });
  await makeTicketRow(c, {
    ...sla,
    title: 'S3 여유',
    status: 'resolved',
    createdAt: at('2026-03-04T00:00:00Z'),
    resolutionTargetMin: 600,
    resolutionDueAt: at('2026-03-04T10:00:00Z'),
    resolvedAt: at('2026-03-04T08:00:00Z'),
  });
  await makeTicketRow(c, {
    ...sla,
    title: 'S4 무응답',
    createdAt: at('2026-03-06T00:00:00Z'),
    responseTargetMin: 60,
    responseDueAt: at('2026-03-06T01:00:00Z'),
  });
  await makeTicketRow(c, {
    ...sla,
    title: 'S5 지난주 지연',
    createdAt: at('2026-02-26T00:00:00Z'),
    responseTargetMin: 60,
    responseDueAt: at('2026-02-26T01:00:00Z'),
    firstResponseAt: at('2026-03-03T01:00:00Z'),
  });

  // 마바건설: an inspection completed on Thursday 5 March
  const { version } = await makeTemplate();
  const inspection = await makeTicketRow(d, {
    type: 'inspection',
    title: '3월 Basis 정기 점검',
    status: 'resolved',
    createdAt: at('2026-02-26T00:00:00Z'),
    resolvedAt: at('2026-03-05T06:00:00Z'),
  });
  const followUp = await makeTicketRow(d, {
    type: 'incident',
    title: '[점검 후속] DB 증가량 (DB02)',
    createdAt: at('2026-03-05T05:00:00Z'),
  });
  await db.insert(inspectionRuns).values({
    ticketId: inspection.id,
    templateVersionId: version.id,
    completedAt: at('2026-03-05T06:00:00Z'),
    completedById: agent.id,
  });
  await db.insert(inspectionAnswers).values([
    { ticketId: inspection.id, itemId: 'sm37', result: 'ok' },
    { ticketId: inspection.id, itemId: 'st22', result: 'warning', note: '덤프 3건' },
    { ticketId: inspection.id, itemId: 'db02', result: 'failed', note: '92%', followUpTicketId: followUp.id },
  ]);

  return {
    a,
    b,
    c,
    d,
    agent,
    manager,
    a1,
    b1,
    inspection,
    followUp,
    ...(await makeWeekActivity(a.id, c.id, agent.id, manager.id)),
  };
}

/** A meeting record written directly (for tests that need one to read or decide in). */
export async function makeMeetingRow(week = '2031-W07') {
  const [row] = await db
    .insert(meetings)
    .values({ week, heldAt: new Date('2031-02-14T00:00:00Z'), notes: '## 안건\n- 지난주 장애 회고' })
    .returning();
  return row!;
}
