import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeOrganization, makeUser } from '../test/factories.js';
import { useOwnDatabase } from '../test/own-database.js';
import { makeWeek, WEEK } from './meetings.fixtures.js';
import { weekRange } from './week-range.js';

// The pack spans every customer: a database of its own keeps other files' tickets out of the week.
useOwnDatabase();
const app = useApp();
const as = (user: { cookie: string }) => client(app, { cookie: user.cookie });

describe('the week', () => {
  it('is Monday 00:00 to the next Monday 00:00 in Seoul, ISO-numbered', () => {
    expect(weekRange('2026-W10')).toMatchObject({
      monday: '2026-03-02',
      sunday: '2026-03-08',
      start: new Date('2026-03-01T15:00:00Z'),
      end: new Date('2026-03-08T15:00:00Z'),
    });
    // 2027-01-01 is a Friday: its ISO week 1 starts on Monday 4 January.
    expect(weekRange('2027-W01').monday).toBe('2027-01-04');
    expect(weekRange('2026-W01').monday).toBe('2025-12-29');
    // 2026 begins on a Thursday, so it has a 53rd week.
    expect(weekRange('2026-W53').monday).toBe('2026-12-28');
  });
});

describe('GET /meetings/weekly', () => {
  it('gives every figure of a hand-built week', async () => {
    const w = await makeWeek();
    const viewer = await makeUser('viewer');
    const res = await as(viewer).get(`/meetings/weekly?week=${WEEK}`);
    expect(res.statusCode, res.body).toBe(200);
    const pack = res.data;
    expect(pack).toMatchObject({
      week: WEEK,
      weekStart: '2026-03-02',
      weekEnd: '2026-03-08',
      nearMissShare: 0.1,
    });

    // New and closed tickets per customer, by name.
    expect(pack.customers.map((c: { organization: { name: string } }) => c.organization.name)).toEqual([
      '가나상사',
      '다라전자',
      '마바건설',
      '사아물산',
    ]);
    const flow = (name: string) =>
      pack.customers.find((c: { organization: { name: string } }) => c.organization.name === name);
    expect(flow('가나상사')).toMatchObject({
      created: 3,
      closed: 2,
      openAtEnd: 2,
      createdByType: { incident: 1, inquiry: 1, request: 1 },
    });
    expect(flow('다라전자')).toMatchObject({
      created: 2,
      closed: 1,
      openAtEnd: 3,
      createdByType: { incident: 2 },
    });
    expect(flow('마바건설')).toMatchObject({ created: 1, closed: 1, openAtEnd: 1 });
    expect(flow('사아물산')).toMatchObject({ created: 4, closed: 2, openAtEnd: 3 });
    expect(pack.totals).toMatchObject({ created: 10, closed: 6 });

    // P1/P2 incidents with their story up to the week's end.
    expect(pack.majorIncidents.map((i: { number: string }) => i.number)).toEqual([w.a1.number, w.b1.number]);
    const a1 = pack.majorIncidents[0];
    expect(a1).toMatchObject({
      priority: 'P1',
      organization: { name: '가나상사' },
      assignee: { name: '김상담' },
      resolvedAt: '2026-03-04T01:00:00.000Z',
      cause: '원인: SAP 메시지 서버 인증서 만료',
      action: '인증서를 갱신하고 메시지 서버를 재기동했습니다.',
    });
    expect(
      a1.steps.map((s: { kind: string; to: string | null; text: string | null }) => [s.kind, s.to ?? s.text]),
    ).toEqual([
      ['created', 'new'],
      ['status', 'in_progress'],
      ['reply', '확인 중입니다.'],
      ['reply', '인증서를 갱신하고 메시지 서버를 재기동했습니다.'],
      ['status', 'resolved'],
      ['reply', '감사합니다'],
    ]);
    expect(pack.majorIncidents[1]).toMatchObject({
      priority: 'P2',
      resolvedAt: null,
      action: null,
      cause: null,
    });

    // SLA: S1 answered late and S4 unanswered are this week's breaches; S5's was last week's; S2 is a near miss.
    const titles = (list: { ticket: { title: string }; target: string }[]) =>
      list.map((e) => `${e.ticket.title}/${e.target}`);
    expect(titles(pack.sla.breaches)).toEqual(['S1 응답 지연/response', 'S4 무응답/response']);
    expect(titles(pack.sla.nearMisses)).toEqual(['S2 아슬아슬/resolution']);
    expect(pack.sla.nearMisses[0]).toMatchObject({ leftShare: 0.05, targetMinutes: 600 });
    expect(pack.sla.breaches[1]).toMatchObject({ metAt: null });
    expect(pack.totals).toMatchObject({ majorIncidents: 2, slaBreaches: 2, slaNearMisses: 1 });

    // Recurring problems: the three MIGO dumps of 다라전자 on one system.
    expect(pack.recurring).toHaveLength(1);
    expect(pack.recurring[0]).toMatchObject({ organizationName: '다라전자', sharedBy: 'system' });
    expect(pack.recurring[0].tickets).toHaveLength(3);

    // Inspections done and their findings.
    expect(pack.inspections).toEqual([
      expect.objectContaining({
        ticket: expect.objectContaining({ id: w.inspection.id }),
        organization: { id: w.d.id, name: '마바건설' },
        completedBy: { id: w.agent.id, name: '김상담' },
        counts: { ok: 1, warning: 1, failed: 1 },
        findings: [
          expect.objectContaining({ itemId: 'st22', result: 'warning', note: '덤프 3건', followUp: null }),
          expect.objectContaining({
            itemId: 'db02',
            result: 'failed',
            followUp: { id: w.followUp.id, number: w.followUp.number, status: 'open' },
          }),
        ],
      }),
    ]);
    expect(pack.totals).toMatchObject({ inspections: 1, findings: 2 });

    // Special notes: the one change of the week (a rename and next week's change are left out).
    expect(pack.notesChanges).toEqual([
      {
        organization: { id: w.a.id, name: '가나상사' },
        at: '2026-03-04T03:00:00.000Z',
        by: { id: w.agent.id, name: '김상담' },
        before: '월말 이관 금지',
        after: '월말 이관 금지, 3월부터 결재 2단계',
      },
    ]);

    // Deployments starting or ending in the week.
    expect(pack.deployments.starting.map((d: { id: string }) => d.id)).toEqual([w.starting.id]);
    expect(pack.deployments.ending.map((d: { id: string }) => d.id)).toEqual([w.ending.id]);

    // Improvements: the open ones, with the week's moves and the value measured to Sunday.
    const improvement = (id: string) => pack.improvements.find((i: { id: string }) => i.id === id);
    expect(pack.improvements).toHaveLength(2);
    expect(improvement(w.doing.id).statusChanges).toEqual([
      {
        at: '2026-03-03T02:00:00.000Z',
        by: { id: w.manager.id, name: '박관리' },
        from: 'planned',
        to: 'doing',
      },
    ]);
    // tickets_per_week of 사아물산 over 2–8 March: S1–S4 were created then.
    expect(improvement(w.measuring.id)).toMatchObject({
      metric: 'tickets_per_week',
      baselineValue: 6,
      targetValue: 3,
      measuredValue: 4,
    });
  });

  it('is for staff only, and refuses a week that is not one', async () => {
    const org = await makeOrganization();
    const customer = await makeUser('customer', org.id);
    const agent = await makeUser('agent');
    expect((await client(app).get(`/meetings/weekly?week=${WEEK}`)).statusCode).toBe(401);
    expect((await as(customer).get(`/meetings/weekly?week=${WEEK}`)).statusCode).toBe(403);
    const bad = await as(agent).get('/meetings/weekly?week=2026-10');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors[0].path).toBe('week');
    const none = await as(agent).get('/meetings/weekly?week=2027-W53');
    expect(none.statusCode).toBe(422);
    expect(none.data.errors[0].path).toBe('week');
    const pdf = await as(agent).get(`/meetings/weekly?week=${WEEK}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const empty = await as(agent).get('/meetings/weekly?week=2030-W05');
    expect(empty.data.totals).toEqual({
      created: 0,
      closed: 0,
      majorIncidents: 0,
      slaBreaches: 0,
      slaNearMisses: 0,
      inspections: 0,
      findings: 0,
    });
  });
});
