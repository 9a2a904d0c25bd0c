import { KR_STANDARD } from '@hamkke/core';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db/current.js';
import { mailOutbox, notifications, oncallRotations } from '../db/schema.js';
import { makePrimaryAgent, makeTeam } from '../teams/teams.fixtures.js';
import { client, useApp } from '../test/api.js';
import {
  makeCalendar,
  makeClosure,
  makeContract,
  makeOrganization,
  makeUser,
  type TTestUser,
} from '../test/factories.js';
import { onCallAssignee } from './on-call-assignee.js';
import { makeOverride, makeRotation } from './oncall.fixtures.js';

// Outgoing mail configured, so a page also queues a mail (the worker's failures to send do not matter here).
const app = useApp({ HAMKKE_SMTP_URL: 'smtp://127.0.0.1:2525', HAMKKE_MAIL_FROM: 'hamkke@example.com' });

type TExplanation = {
  rule: string;
  assignee: { id: string };
  reason: { ko: string; en: string };
  onCall?: { outOfHours: string; calendarKey: string; overrideId: string | null };
};

afterEach(() => {
  vi.useRealTimers();
});

/**
 * A customer on a contract (business calendar of its own, P1 SLA around the clock), its primary agent
 * for the hours, and a team covering it whose weekly rotation (Monday 09:00 Seoul) runs 김당직, 이당직
 * in turn from Monday 2 November 2026.
 */
async function world() {
  const org = await makeOrganization();
  const calendar = await makeCalendar();
  await makeContract(org.id, {
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    calendarKey: calendar.key,
    p1AroundTheClock: true,
  });
  const [creator, manager, primary, kim, lee, park] = await Promise.all([
    makeUser('agent'),
    makeUser('manager'),
    makeUser('agent', null, { name: '최주담' }),
    makeUser('agent', null, { name: '김당직' }),
    makeUser('agent', null, { name: '이당직' }),
    makeUser('agent', null, { name: '박대체' }),
  ]);
  await makePrimaryAgent(org.id, primary.id);
  const team = await makeTeam({ organizationIds: [org.id], memberIds: [kim.id, lee.id] });
  const rotation = await makeRotation({
    teamId: team.id,
    memberIds: [kim.id, lee.id],
    startsOn: '2026-11-02',
  });
  return { org, calendar, creator, manager, primary, kim, lee, park, team, rotation };
}

/** Opens a ticket as `as` with the clock at `at`, and reads who got it and why. */
async function openAt(at: string, as: TTestUser, reader: TTestUser, body: Record<string, unknown>) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
  const res = await client(app, { cookie: as.cookie }).post('/tickets', {
    title: 'PRD 시스템 전체 로그인 불가',
    type: 'incident',
    priority: 'P1',
    ...body,
  });
  vi.useRealTimers();
  expect(res.statusCode, res.body).toBe(201);
  const timeline = await client(app, { cookie: reader.cookie }).get(`/tickets/${res.data.id}/timeline`);
  const changes: { field: string; to: unknown }[] = timeline.data.items.flatMap(
    (i: { changes?: unknown[] }) => i.changes ?? [],
  );
  const explanation = changes.find((c) => c.field === 'assignment')?.to as TExplanation | undefined;
  const paged = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.ticketId, res.data.id), eq(notifications.kind, 'oncall_p1')));
  return { ticket: res.data, explanation, paged };
}

describe('a P1 incident opened out of hours', () => {
  it('goes to the person on call on a Saturday night, explained on the timeline, and pages them', async () => {
    const w = await world();
    const { ticket, explanation, paged } = await openAt('2026-11-28T03:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
    });
    // Fourth shift (from Monday 23 November): 이당직.
    expect(ticket.assignee).toMatchObject({ id: w.lee.id, name: '이당직' });
    expect(ticket.team).toBe(w.team.name);
    expect(explanation?.rule).toBe('on_call');
    expect(explanation?.onCall).toMatchObject({ outOfHours: 'weekend', calendarKey: w.calendar.key });
    expect(explanation?.reason.ko).toContain('주말');
    expect(explanation?.reason.ko).toContain('당직자 이당직에게 자동 배정했습니다');
    expect(explanation?.reason.en).toContain('out of hours (a weekend');
    expect(paged.map((n) => n.userId)).toEqual([w.lee.id]);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.ticketId, ticket.id));
    const page = mails.find((m) => m.kind === 'oncall_p1');
    expect(page).toMatchObject({ userId: w.lee.id, toAddress: w.lee.email, locale: 'ko' });
    expect(page?.subject).toBe(`[당직 호출] P1 장애 ${ticket.number} PRD 시스템 전체 로그인 불가`);
    expect(page?.text).toContain('당직자 이당직에게 자동 배정했습니다');
  });

  it('goes to the person on call on a Korean public holiday (the substitute day of Seollal)', async () => {
    const w = await world();
    // Tuesday 9 February 2027, 11:00: a weekday morning, but the substitute holiday of Seollal.
    const { ticket, explanation, paged } = await openAt('2027-02-09T11:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
    });
    expect(ticket.assignee.id).toBe(w.kim.id);
    expect(explanation?.onCall?.outOfHours).toBe('public_holiday');
    expect(explanation?.reason.ko).toContain('공휴일');
    expect(paged.map((n) => n.userId)).toEqual([w.kim.id]);
  });

  it('goes to the person on call on a weekday at 22:00', async () => {
    const w = await world();
    const { ticket, explanation } = await openAt('2026-12-02T22:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
    });
    expect(ticket.assignee.id).toBe(w.kim.id);
    expect(explanation?.onCall?.outOfHours).toBe('after_hours');
  });

  it('follows the normal rules on a weekday at 10:00, and for a P2 or an inquiry out of hours', async () => {
    const w = await world();
    const inHours = await openAt('2026-12-02T10:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
    });
    expect(inHours.ticket.assignee.id).toBe(w.primary.id);
    expect(inHours.explanation?.rule).toBe('primary_agent');
    expect(inHours.paged).toEqual([]);
    const p2 = await openAt('2026-11-28T03:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
      priority: 'P2',
    });
    expect(p2.ticket.assignee.id).toBe(w.primary.id);
    const inquiry = await openAt('2026-11-28T03:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
      type: 'inquiry',
    });
    expect(inquiry.ticket.assignee.id).toBe(w.primary.id);
  });

  it('goes to whoever covers by override, and never overrides an assignee the creator named', async () => {
    const w = await world();
    await makeOverride(w.rotation.id, w.park.id, '2026-11-27T18:00:00+09:00', '2026-11-30T09:00:00+09:00');
    const covered = await openAt('2026-11-28T03:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
    });
    expect(covered.ticket.assignee.id).toBe(w.park.id);
    expect(covered.explanation?.onCall?.overrideId).not.toBeNull();
    expect(covered.explanation?.reason.ko).toContain('대체 당직');
    const named = await openAt('2026-11-28T03:00:00+09:00', w.creator, w.manager, {
      organizationId: w.org.id,
      assigneeId: w.kim.id,
    });
    expect(named.ticket.assignee.id).toBe(w.kim.id);
    expect(named.explanation).toBeUndefined();
    expect(named.paged).toEqual([]);
  });

  it('goes to the person on call when a customer reports it in the portal', async () => {
    const w = await world();
    const customer = await makeUser('customer', w.org.id);
    const { ticket } = await openAt('2026-11-29T15:00:00+09:00', customer, w.manager, {
      priority: undefined,
      impact: 'high',
      urgency: 'high',
    });
    expect(ticket.priority).toBe('P1');
    const staffView = await client(app, { cookie: w.manager.cookie }).get(`/tickets/${ticket.id}`);
    expect(staffView.data.assignee.id).toBe(w.lee.id);
  });
});

describe('choosing the rotation', () => {
  it("uses the default rotation for a customer no team's rotation covers, and knows closure days", async () => {
    const org = await makeOrganization();
    const calendar = await makeCalendar();
    await makeClosure(calendar.id, '2026-12-01');
    const [kim, lee] = await Promise.all([makeUser('agent', null, { name: '김기본' }), makeUser('agent')]);
    const ticket = { organizationId: org.id, module: null, type: 'incident', priority: 'P1' as const };
    // The default rotation covers every customer: written and read in a transaction rolled back, so
    // no other test's ticket meets it.
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL lock_timeout = '5s'`);
        const existing = await tx
          .select()
          .from(oncallRotations)
          .where(sql`${oncallRotations.teamId} IS NULL`);
        if (existing.length === 0)
          await tx
            .insert(oncallRotations)
            .values({ name: '기본 당직', teamId: null, memberIds: [kim.id, lee.id], startsOn: '2026-11-02' });
        const closure = await onCallAssignee(
          tx,
          { ...ticket, calendarKey: calendar.key },
          new Date('2026-12-01T14:00:00+09:00'),
        );
        if (existing.length === 0) {
          expect(closure?.assigneeId).toBe(kim.id);
          expect(closure?.teamName).toBeNull();
          expect(closure?.explanation.reason.ko).toContain("기본 당직 순번 '기본 당직'");
        }
        expect((closure?.explanation as TExplanation | undefined)?.onCall?.outOfHours).toBe('closure');
        // The same Tuesday on the standard calendar is a working day: the normal rules apply.
        expect(
          await onCallAssignee(
            tx,
            { ...ticket, calendarKey: KR_STANDARD.key },
            new Date('2026-12-01T14:00:00+09:00'),
          ),
        ).toBeNull();
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && /rollback/i.test(error.message))) throw error;
      });
  });
});
