import { db } from '../db/current.js';
import { csatSurveys, teamMembers, teams, ticketEvents, tickets, timeEntries } from '../db/schema.js';
import { makeImprovement } from '../improvements/improvements.fixtures.js';
import { makeContract, makeOrganization, makeUser } from '../test/factories.js';

const kst = (local: string) => new Date(`${local}+09:00`);
const DAY = 86_400_000;

/**
 * One customer's hand-checked fortnight, 2026-10-05 (Mon) – 2026-10-18 (Sun), weeks W41 and W42:
 *   #   created (KST)     pri module status       1st resp  resolved (KST)    SLA resp/res  notes
 *   T1  10-05 10:00       P1  FI     closed       +30 min   10-06 10:00       met/met       1 public staff reply
 *   T2  10-06 09:00       P2  FI     resolved     +120 min  10-13 09:00       breached/br.  reopened once
 *   T3  10-12 09:00       P3  MM     in_progress  +60 min   —                 met/within    kim's
 *   T4  10-13 09:00       P3  MM     cancelled    —         —                 none/none
 *   T5  09-28 09:00       P4  —      resolved     +10 min   10-14 09:00       (outside)     2 public staff replies
 *   T6  10-18 23:30       P2  FI     new          —         —                 none/none     lee's
 * Plus three similar open incidents created 1–3 days ago (recurring problem; open now).
 * Time: T1 kim 60 min A billable 10-06; T2 lee 90 min B 10-13; T3 kim 30 min A 09-30 (outside).
 * Surveys: T1 10-06 kim FI 5; T2 10-10 superseded; T2 10-13 lee FI 2; T5 10-14 kim — unanswered.
 * Contract: 10 hours a month all year.
 */
export async function makeDashboardFixture() {
  const org = await makeOrganization();
  const requester = await makeUser('customer', org.id);
  const [kim, lee] = await Promise.all([
    makeUser('agent', null, { name: '김대시' }),
    makeUser('agent', null, { name: '이대시' }),
  ]);
  const [team] = await db
    .insert(teams)
    .values({ name: `대시보드팀 ${org.code}` })
    .returning();
  await db.insert(teamMembers).values([
    { teamId: team!.id, userId: kim.id },
    { teamId: team!.id, userId: lee.id },
  ]);
  await makeContract(org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31', monthlyHours: 10 });
  let seq = 0;
  const ticket = async (v: Partial<typeof tickets.$inferInsert>) => {
    seq += 1;
    const [row] = await db
      .insert(tickets)
      .values({
        number: `${org.code}-${String(seq).padStart(6, '0')}`,
        organizationId: org.id,
        type: 'inquiry',
        title: `대시보드 확인 ${seq}`,
        impact: 'low',
        urgency: 'low',
        priority: 'P4',
        channel: 'portal',
        requesterId: requester.id,
        team: team!.name,
        ...v,
      })
      .returning();
    return row!;
  };
  const minutes = (at: string, m: number) => new Date(kst(at).getTime() + m * 60_000);
  const t1 = await ticket({
    createdAt: kst('2026-10-05T10:00:00'),
    priority: 'P1',
    module: 'FI',
    status: 'closed',
    firstResponseAt: minutes('2026-10-05T10:00:00', 30),
    resolvedAt: kst('2026-10-06T10:00:00'),
    closedAt: kst('2026-10-09T10:00:00'),
    responseState: 'met',
    resolutionState: 'met',
    assigneeId: kim.id,
  });
  const t2 = await ticket({
    createdAt: kst('2026-10-06T09:00:00'),
    priority: 'P2',
    module: 'FI',
    status: 'resolved',
    firstResponseAt: minutes('2026-10-06T09:00:00', 120),
    resolvedAt: kst('2026-10-13T09:00:00'),
    responseState: 'breached',
    resolutionState: 'breached',
    assigneeId: lee.id,
  });
  const t3 = await ticket({
    createdAt: kst('2026-10-12T09:00:00'),
    priority: 'P3',
    module: 'MM',
    status: 'in_progress',
    firstResponseAt: minutes('2026-10-12T09:00:00', 60),
    responseState: 'met',
    resolutionState: 'within',
    assigneeId: kim.id,
  });
  const t4 = await ticket({
    createdAt: kst('2026-10-13T09:00:00'),
    priority: 'P3',
    module: 'MM',
    status: 'cancelled',
  });
  const t5 = await ticket({
    createdAt: kst('2026-09-28T09:00:00'),
    priority: 'P4',
    status: 'resolved',
    firstResponseAt: minutes('2026-09-28T09:00:00', 10),
    resolvedAt: kst('2026-10-14T09:00:00'),
    responseState: 'met',
    resolutionState: 'breached',
    assigneeId: kim.id,
  });
  const t6 = await ticket({
    createdAt: kst('2026-10-18T23:30:00'),
    priority: 'P2',
    module: 'FI',
    status: 'new',
    assigneeId: lee.id,
  });
  const recurring = [];
  for (const daysAgo of [3, 2, 1])
    recurring.push(
      await ticket({
        createdAt: new Date(Date.now() - daysAgo * DAY),
        type: 'incident',
        module: 'SD',
        status: 'open',
        team: null,
        title: 'SD 출하 전기 VL02N 오류 반복',
        description: 'VL02N 출하 전기 시 재고 부족 오류 M7 021 발생',
      }),
    );
  // Through the timeline, so the trigger counts them: staff replies, a reopen, a close (not a reopen).
  const event = (ticketId: string, actorId: string, kind: 'comment' | 'changed', data = {}) => ({
    ticketId,
    actorId,
    kind,
    visibility: 'public' as const,
    data,
  });
  const status = (from: string, to: string) => ({ changes: [{ field: 'status', from, to }] });
  await db
    .insert(ticketEvents)
    .values([
      event(t1.id, kim.id, 'comment'),
      event(t1.id, requester.id, 'comment'),
      event(t1.id, kim.id, 'changed', status('resolved', 'closed')),
      event(t2.id, requester.id, 'changed', status('resolved', 'open')),
      event(t2.id, lee.id, 'comment'),
      event(t5.id, kim.id, 'comment'),
      event(t5.id, kim.id, 'comment'),
    ]);
  await db.insert(timeEntries).values([
    { ticketId: t1.id, userId: kim.id, minutes: 60, workDate: '2026-10-06', billable: true, workClass: 'A' },
    { ticketId: t2.id, userId: lee.id, minutes: 90, workDate: '2026-10-13', billable: false, workClass: 'B' },
    { ticketId: t3.id, userId: kim.id, minutes: 30, workDate: '2026-09-30', billable: true, workClass: 'A' },
  ]);
  const survey = (
    ticketId: string,
    agentId: string,
    module: string | null,
    sent: string,
    rating: number | null,
    superseded = false,
  ) => ({
    ticketId,
    organizationId: org.id,
    requesterId: requester.id,
    agentId,
    module,
    tokenHash: `dash-${ticketId}-${sent}`,
    sentAt: kst(sent),
    expiresAt: new Date(kst(sent).getTime() + 14 * DAY),
    supersededAt: superseded ? kst(sent) : null,
    answeredAt: rating === null ? null : kst(sent),
    rating,
  });
  await db
    .insert(csatSurveys)
    .values([
      survey(t1.id, kim.id, 'FI', '2026-10-06T10:00:00', 5),
      survey(t2.id, lee.id, 'FI', '2026-10-10T10:00:00', null, true),
      survey(t2.id, lee.id, 'FI', '2026-10-13T09:00:00', 2),
      survey(t5.id, kim.id, null, '2026-10-14T09:00:00', null),
    ]);
  const improvement = await makeImprovement(org.id, {
    metric: { kind: 'mean_resolution_hours', organizationId: org.id, module: null },
    status: 'done',
    baselineFrom: '2026-09-01',
    baselineTo: '2026-09-30',
    baselineValue: 200,
    targetValue: 100,
    measureFrom: '2026-10-05',
    measureTo: '2026-10-18',
    afterValue: 150,
  });
  return { org, requester, kim, lee, team: team!, t1, t2, t3, t4, t5, t6, recurring, improvement };
}
