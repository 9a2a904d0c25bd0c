import { randomBytes, randomUUID } from 'node:crypto';
import { forgetCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import {
  comments,
  csatSurveys,
  inspectionAnswers,
  inspectionRuns,
  inspectionTemplates,
  inspectionTemplateVersions,
  tickets,
  timeEntries,
} from '../db/schema.js';
import { makeCalendar, makeContract, makeOrganization, makeUser } from '../test/factories.js';

type TTicketInsert = typeof tickets.$inferInsert;
const at = (iso: string) => new Date(iso);

/**
 * A customer's November 2026 (Asia/Seoul), built by hand so every figure of its report is known:
 * eight tickets (T1–T8, T8 the last minute of October in Seoul), time entries over six months, a
 * breached response and a breached resolution, CSAT answers, and an inspection with a failed item
 * whose follow-up (T6) is still open. The expected figures are worked out in the test.
 */
export async function makeNovemberScene() {
  const [org, otherOrg, calendar] = await Promise.all([
    makeOrganization(),
    makeOrganization(),
    makeCalendar({ usesPublicHolidays: false }),
  ]);
  forgetCalendars();
  const [contract, agent, manager, customer] = await Promise.all([
    makeContract(org.id, {
      name: '2026 SAP 운영 계약',
      startsOn: '2026-08-01',
      endsOn: '2027-07-31',
      services: ['support', 'monthly_report'],
      monthlyHours: 43,
      calendarKey: calendar.key,
    }),
    makeUser('agent'),
    makeUser('manager'),
    makeUser('customer', org.id),
  ]);
  const seq = randomBytes(3).toString('hex').toUpperCase();
  let n = 0;
  const ticket = async (
    over: Partial<TTicketInsert> & Pick<TTicketInsert, 'type' | 'priority' | 'channel'>,
  ) => {
    n += 1;
    const [row] = await db
      .insert(tickets)
      .values({
        number: `R${seq}-${n}`,
        organizationId: org.id,
        contractId: contract.id,
        title: `보고서 테스트 티켓 ${n}`,
        impact: 'medium',
        urgency: 'medium',
        status: 'open',
        assigneeId: agent.id,
        requesterId: customer.id,
        slaCalendarKey: calendar.key,
        ...over,
      })
      .returning();
    return row!;
  };
  const t1 = await ticket({
    type: 'incident',
    priority: 'P1',
    module: 'FI',
    channel: 'phone',
    status: 'resolved',
    createdAt: at('2026-10-31T16:00:00Z'),
    firstResponseAt: at('2026-11-02T00:30:00Z'),
    resolvedAt: at('2026-11-02T03:00:00Z'),
    responseTargetMin: 60,
    responseDueAt: at('2026-11-02T01:00:00Z'),
    responseState: 'met',
    resolutionTargetMin: 240,
    resolutionDueAt: at('2026-11-02T05:00:00Z'),
    resolutionState: 'met',
  });
  const t2 = await ticket({
    type: 'incident',
    priority: 'P2',
    module: 'MM',
    channel: 'portal',
    status: 'closed',
    createdAt: at('2026-11-03T01:00:00Z'),
    firstResponseAt: at('2026-11-03T04:00:00Z'),
    resolvedAt: at('2026-11-04T01:00:00Z'),
    closedAt: at('2026-11-05T01:00:00Z'),
    responseTargetMin: 60,
    responseDueAt: at('2026-11-03T02:00:00Z'),
    responseState: 'breached',
    resolutionTargetMin: 480,
    resolutionDueAt: at('2026-11-04T01:00:00Z'),
    resolutionState: 'met',
  });
  const t3 = await ticket({
    type: 'request',
    priority: 'P3',
    module: 'SD',
    channel: 'email',
    status: 'in_progress',
    createdAt: at('2026-11-10T00:00:00Z'),
    firstResponseAt: at('2026-11-10T01:00:00Z'),
    responseTargetMin: 240,
    responseDueAt: at('2026-11-10T05:00:00Z'),
    responseState: 'met',
    resolutionTargetMin: 960,
    resolutionDueAt: at('2026-11-20T09:00:00Z'),
    resolutionState: 'breached',
  });
  const t4 = await ticket({
    type: 'inquiry',
    priority: 'P4',
    module: null,
    channel: 'portal',
    status: 'new',
    createdAt: at('2026-11-20T02:00:00Z'),
    responseTargetMin: 480,
    responseDueAt: at('2026-12-01T02:00:00Z'),
    responseState: 'within',
    resolutionTargetMin: 4800,
    resolutionDueAt: at('2026-12-10T02:00:00Z'),
    resolutionState: 'within',
  });
  const t5 = await ticket({
    type: 'inspection',
    priority: 'P4',
    module: 'BC',
    channel: 'internal',
    status: 'resolved',
    createdAt: at('2026-11-05T00:00:00Z'),
    resolvedAt: at('2026-11-06T00:00:00Z'),
    slaCalendarKey: null,
  });
  const t6 = await ticket({
    type: 'incident',
    priority: 'P3',
    module: 'BC',
    channel: 'internal',
    status: 'open',
    createdAt: at('2026-11-05T08:00:00Z'),
    slaCalendarKey: null,
  });
  const t7 = await ticket({
    type: 'request',
    priority: 'P3',
    module: 'FI',
    channel: 'email',
    status: 'resolved',
    createdAt: at('2026-10-20T00:00:00Z'),
    firstResponseAt: at('2026-10-20T01:00:00Z'),
    resolvedAt: at('2026-11-02T05:00:00Z'),
    resolutionPausedMin: 60,
    responseTargetMin: 240,
    responseDueAt: at('2026-10-20T04:00:00Z'),
    responseState: 'met',
    resolutionTargetMin: 4800,
    resolutionDueAt: at('2026-11-03T08:00:00Z'),
    resolutionState: 'met',
  });
  const t8 = await ticket({
    type: 'inquiry',
    priority: 'P4',
    module: 'CO',
    channel: 'portal',
    status: 'resolved',
    createdAt: at('2026-10-31T14:59:00Z'),
    resolvedAt: at('2026-10-31T14:59:30Z'),
    slaCalendarKey: null,
  });
  const [otherTicket] = await db
    .insert(tickets)
    .values({
      number: `R${seq}-X`,
      organizationId: otherOrg.id,
      type: 'incident',
      title: '다른 고객사',
      impact: 'high',
      urgency: 'high',
      priority: 'P1',
      channel: 'phone',
      createdAt: at('2026-11-03T00:00:00Z'),
    })
    .returning();

  const entry = (
    ticketId: string,
    workDate: string,
    minutes: number,
    billable: boolean,
    workClass: 'A' | 'B' | 'C',
  ) => ({ ticketId, userId: agent.id, workDate, minutes, billable, workClass });
  await db
    .insert(timeEntries)
    .values([
      entry(t1.id, '2026-11-02', 120, true, 'A'),
      entry(t2.id, '2026-11-03', 90, true, 'B'),
      entry(t3.id, '2026-11-10', 30, false, 'C'),
      entry(t5.id, '2026-11-05', 48, true, 'A'),
      entry(t7.id, '2026-10-21', 60, true, 'A'),
      entry(t7.id, '2026-06-15', 60, true, 'A'),
      entry(t7.id, '2026-05-31', 30, true, 'A'),
      entry(otherTicket!.id, '2026-11-03', 600, true, 'A'),
    ]);

  const comment = (
    ticketId: string,
    authorId: string,
    body: string,
    createdAt: string,
    visibility: 'public' | 'internal' = 'public',
  ) => ({ ticketId, authorId, body, visibility, createdAt: at(createdAt) });
  await db
    .insert(comments)
    .values([
      comment(
        t1.id,
        agent.id,
        '원인: 번호 범위 FBN1 소진\n조치: 번호 범위 확장 후 전기 재처리',
        '2026-11-02T02:50:00Z',
      ),
      comment(t2.id, agent.id, 'SAP Note 3012345 적용 후 재처리했습니다.', '2026-11-03T22:00:00Z'),
      comment(t2.id, customer.id, '확인했습니다.', '2026-11-03T23:00:00Z'),
      comment(t2.id, agent.id, '내부 메모: 고객 재발 주의', '2026-11-03T23:30:00Z', 'internal'),
      comment(t2.id, agent.id, '종료 후 추가 안내', '2026-11-04T02:00:00Z'),
    ]);

  const survey = (ticketId: string, sentAt: string, rating: number | null, superseded = false) => ({
    ticketId,
    organizationId: org.id,
    requesterId: customer.id,
    agentId: agent.id,
    tokenHash: randomUUID(),
    sentAt: at(sentAt),
    expiresAt: at('2027-01-31T00:00:00Z'),
    supersededAt: superseded ? at('2026-11-04T01:00:00Z') : null,
    answeredAt: rating ? at(sentAt) : null,
    rating,
  });
  await db
    .insert(csatSurveys)
    .values([
      survey(t1.id, '2026-11-02T03:00:00Z', 4),
      survey(t2.id, '2026-11-04T01:00:00Z', null),
      survey(t2.id, '2026-11-03T05:00:00Z', null, true),
      survey(t7.id, '2026-11-02T05:00:00Z', 2),
      survey(t8.id, '2026-10-31T14:59:40Z', 5),
    ]);

  const [template] = await db.insert(inspectionTemplates).values({}).returning();
  const [version] = await db
    .insert(inspectionTemplateVersions)
    .values({ templateId: template!.id, version: 1, name: '월간 Basis 점검', items: [] })
    .returning();
  await db.insert(inspectionRuns).values({
    ticketId: t5.id,
    templateVersionId: version!.id,
    completedAt: at('2026-11-05T08:00:00Z'),
  });
  const answer = (
    itemId: string,
    result: 'ok' | 'warning' | 'failed',
    followUpTicketId: string | null = null,
  ) => ({ ticketId: t5.id, itemId, result, followUpTicketId });
  await db
    .insert(inspectionAnswers)
    .values([
      answer('st22', 'ok'),
      answer('sm13', 'ok'),
      answer('sm12', 'warning'),
      answer('disk', 'failed', t6.id),
    ]);
  return {
    org,
    otherOrg,
    contract,
    calendar,
    agent,
    manager,
    customer,
    t: { t1, t2, t3, t4, t5, t6, t7, t8 },
  };
}
