import { db } from '../db/current.js';
import { auditLog, deployments, improvements } from '../db/schema.js';

const at = (iso: string) => new Date(iso);

/**
 * The week's other activity (2026-W10): special notes of 가나상사 (`aId`), deployments, improvement
 * items, one measured on 사아물산's (`cId`) tickets. Figures in weekly-pack.test.ts.
 */
export async function makeWeekActivity(aId: string, cId: string, agentId: string, managerId: string) {
  // Special notes of 가나상사: changed on Wednesday; a rename that leaves them, and next week's change, do not count.
  await db.insert(auditLog).values([
    {
      actorId: agentId,
      action: 'update',
      entityType: 'organization',
      entityId: aId,
      before: { name: '가나상사', specialNotes: '월말 이관 금지' },
      after: { name: '가나상사', specialNotes: '월말 이관 금지, 3월부터 결재 2단계' },
      createdAt: at('2026-03-04T03:00:00Z'),
    },
    {
      actorId: managerId,
      action: 'update',
      entityType: 'organization',
      entityId: aId,
      before: { name: '가나', specialNotes: 'x' },
      after: { name: '가나상사', specialNotes: 'x' },
      createdAt: at('2026-03-05T03:00:00Z'),
    },
    {
      actorId: agentId,
      action: 'update',
      entityType: 'organization',
      entityId: aId,
      before: { specialNotes: 'x' },
      after: { specialNotes: 'y' },
      createdAt: at('2026-03-09T15:00:00Z'),
    },
  ]);

  // Deployments: one starts on Monday, one ends on Sunday, one starts the next Monday.
  const [starting, ending] = await db
    .insert(deployments)
    .values([
      {
        userId: agentId,
        project: 'S/4 전환',
        startsOn: '2026-03-02',
        endsOn: '2026-05-31',
        sharePercent: 50,
      },
      {
        userId: managerId,
        project: 'PI 컨설팅',
        startsOn: '2026-01-05',
        endsOn: '2026-03-08',
        sharePercent: 30,
      },
      {
        userId: managerId,
        project: '다음 주 투입',
        startsOn: '2026-03-09',
        endsOn: '2026-04-30',
        sharePercent: 20,
      },
    ])
    .returning();

  // Improvements: one moved planned → doing in the week, one measuring on C's tickets, one done long before.
  const [doing, measuring] = await db
    .insert(improvements)
    .values([
      {
        title: '인증서 만료 감시',
        kind: 'B',
        origin: 'problem',
        status: 'doing',
        ownerId: agentId,
        createdAt: at('2026-02-01T00:00:00Z'),
      },
      {
        title: '요청 접수 양식 개선',
        kind: 'B',
        origin: 'customer_feedback',
        status: 'measuring',
        metric: { kind: 'tickets_per_week', organizationId: cId, module: null },
        baselineValue: 6,
        targetValue: 3,
        measureFrom: '2026-03-02',
        createdAt: at('2026-01-10T00:00:00Z'),
      },
      {
        title: '지난 일',
        kind: 'C',
        origin: 'retrospective',
        status: 'done',
        createdAt: at('2026-01-01T00:00:00Z'),
      },
    ])
    .returning();
  await db.insert(auditLog).values({
    actorId: managerId,
    action: 'update',
    entityType: 'improvement',
    entityId: doing!.id,
    before: { status: 'planned' },
    after: { status: 'doing' },
    createdAt: at('2026-03-03T02:00:00Z'),
  });
  return { starting: starting!, ending: ending!, doing: doing!, measuring: measuring! };
}
