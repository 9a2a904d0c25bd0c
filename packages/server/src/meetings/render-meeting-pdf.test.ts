import { randomUUID } from 'node:crypto';
import type { TWeeklyPack } from '@hamkke/core';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../reports/report.fixtures.js';
import { renderWeeklyPackPdf } from './render-meeting-pdf.js';

const org = (name: string) => ({ id: randomUUID(), name });
const actor = (name: string) => ({ id: randomUUID(), name });
const DHP = org('대한정밀(주)');
const HSK = org('한성케미칼');

/** A week with one of everything the meeting looks at, built by hand. */
function weeklyPackFixture(over: Partial<TWeeklyPack> = {}): TWeeklyPack {
  const ticket = {
    id: randomUUID(),
    number: 'DHP-0042',
    title: '월말 결산 전표 전기 불가',
    status: 'resolved',
    priority: 'P1',
    organization: DHP,
  };
  return {
    week: '2026-W48',
    weekStart: '2026-11-23',
    weekEnd: '2026-11-29',
    timeZone: 'Asia/Seoul',
    generatedAt: '2026-11-30T00:00:00.000Z',
    nearMissShare: 0.1,
    totals: {
      created: 23,
      closed: 19,
      majorIncidents: 1,
      slaBreaches: 1,
      slaNearMisses: 1,
      inspections: 1,
      findings: 1,
    },
    customers: [
      {
        organization: DHP,
        created: 15,
        closed: 12,
        openAtEnd: 9,
        createdByType: { inquiry: 10, incident: 5 },
      },
      { organization: HSK, created: 8, closed: 7, openAtEnd: 4, createdByType: { request: 8 } },
    ],
    majorIncidents: [
      {
        ...ticket,
        system: { id: randomUUID(), sid: 'PRD' },
        module: 'FI',
        assignee: actor('김민수'),
        createdAt: '2026-11-24T00:10:00.000Z',
        resolvedAt: '2026-11-24T04:40:00.000Z',
        steps: [
          {
            at: '2026-11-24T00:10:00.000Z',
            kind: 'created',
            actor: '박현업',
            from: null,
            to: 'new',
            text: null,
          },
          {
            at: '2026-11-24T00:20:00.000Z',
            kind: 'status',
            actor: '김민수',
            from: 'new',
            to: 'in_progress',
            text: null,
          },
          {
            at: '2026-11-24T04:40:00.000Z',
            kind: 'reply',
            actor: '김민수',
            from: null,
            to: null,
            text: '번호 범위를 확장하고 전기를 재처리했습니다.',
          },
        ],
        cause: '번호 범위 FBN1 소진',
        action: '번호 범위 확장 후 재처리',
      },
    ],
    sla: {
      breaches: [
        {
          ticket,
          target: 'resolution',
          dueAt: '2026-11-24T04:00:00.000Z',
          metAt: '2026-11-24T04:40:00.000Z',
          targetMinutes: 240,
          leftShare: -0.17,
        },
      ],
      nearMisses: [
        {
          ticket: { ...ticket, number: 'HSK-0107', organization: HSK, priority: 'P3' },
          target: 'response',
          dueAt: '2026-11-25T02:00:00.000Z',
          metAt: '2026-11-25T01:55:00.000Z',
          targetMinutes: 60,
          leftShare: 0.083,
        },
      ],
    },
    recurring: [
      {
        organizationId: HSK.id,
        organizationName: HSK.name,
        sharedBy: 'module',
        systemId: null,
        module: 'SD',
        sharedWords: ['출하', 'vl01n'],
        firstAt: '2026-11-10T01:00:00.000Z',
        lastAt: '2026-11-26T01:00:00.000Z',
        tickets: [
          {
            id: randomUUID(),
            number: 'HSK-0099',
            title: 'VL01N 출하 생성 오류',
            status: 'closed',
            createdAt: '2026-11-10T01:00:00.000Z',
          },
          {
            id: randomUUID(),
            number: 'HSK-0110',
            title: 'VL01N 출하 문서 오류 재발',
            status: 'open',
            createdAt: '2026-11-26T01:00:00.000Z',
          },
        ],
      },
    ],
    inspections: [
      {
        ticket: { id: randomUUID(), number: 'DHP-0040', title: '11월 정기 점검' },
        organization: DHP,
        system: { id: randomUUID(), sid: 'PRD' },
        templateName: 'Basis 월간 점검',
        completedAt: '2026-11-26T06:00:00.000Z',
        completedBy: actor('이점검'),
        counts: { ok: 18, warning: 0, failed: 1 },
        findings: [
          {
            itemId: 'sm13',
            area: 'Basis',
            title: 'SM13 업데이트 오류',
            result: 'failed',
            note: '오류 3건',
            followUp: { id: randomUUID(), number: 'DHP-0043', status: 'open' },
          },
        ],
      },
    ],
    notesChanges: [
      {
        organization: DHP,
        at: '2026-11-25T05:00:00.000Z',
        by: actor('이팀장'),
        before: '결산 기간 연락처: 재무팀',
        after: '결산 기간 연락처: 재무팀 김과장 (내선 1234)',
      },
    ],
    deployments: {
      starting: [
        {
          id: randomUUID(),
          person: actor('최개발'),
          project: 'S/4HANA 전환 PoC',
          organization: HSK,
          startsOn: '2026-11-23',
          endsOn: '2027-01-31',
          sharePercent: 50,
        },
      ],
      ending: [],
    },
    improvements: [
      {
        id: randomUUID(),
        title: '번호 범위 잔여량 자동 점검',
        kind: 'B',
        origin: 'recurring_incident',
        owner: actor('김민수'),
        status: 'doing',
        statusChanges: [
          { at: '2026-11-26T02:00:00.000Z', by: actor('김민수'), from: 'planned', to: 'doing' },
        ],
        metric: 'mean_resolution_hours',
        baselineValue: 6.5,
        targetValue: 3,
        measuredValue: 4.25,
      },
    ],
    meetings: [
      {
        id: randomUUID(),
        week: '2026-W48',
        heldAt: '2026-11-27T01:00:00.000Z',
        attendees: [actor('이팀장'), actor('김민수')],
        guests: ['고객사 박과장'],
        notes: '- 결산 기간 대기 인력 배치 논의',
        createdBy: actor('이팀장'),
        createdAt: '2026-11-27T02:00:00.000Z',
        updatedAt: '2026-11-27T02:00:00.000Z',
        decisions: [
          {
            id: randomUUID(),
            meetingId: randomUUID(),
            text: '번호 범위 점검을 월간 점검 항목에 추가',
            becomes: 'improvement',
            improvement: { id: randomUUID(), title: '번호 범위 잔여량 자동 점검', status: 'planned' },
            ticket: null,
            createdBy: actor('이팀장'),
            createdAt: '2026-11-27T02:00:00.000Z',
          },
        ],
      },
    ],
    ...over,
  };
}

describe('weekly meeting pack PDF', () => {
  it('has the week on its cover and the Korean headings in order', async () => {
    const pages = await pdfPages(await renderWeeklyPackPdf(weeklyPackFixture(), 'ko'));
    expect(pages[0]).toContain('2026년 48주차 주간 공유회의');
    expect(pages[0]).toContain('2026-11-23 ~ 2026-11-29');
    const text = pages.join('\n');
    const headings = [
      '1. 요약',
      '2. 고객사별 신규·종료 티켓',
      '3. P1/P2 장애',
      '4. SLA 위반 및 근접',
      '5. 반복 문제',
      '6. 정기 점검 및 지적 사항',
      '7. 특이사항 변경',
      '8. 프로젝트 투입 시작·종료',
      '9. 개선 과제 진행',
      '10. 회의 및 결정 사항',
    ];
    const positions = headings.map((h) => text.indexOf(h));
    expect(
      positions.every((p) => p >= 0),
      headings.filter((_, i) => positions[i]! < 0).join(', '),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const [i, page] of pages.entries()) expect(page.split('\n')).toContain(`${i + 1} / ${pages.length}`);
  });

  it("tells each major incident's story and lists what the meeting looks at", async () => {
    const text = (await pdfPages(await renderWeeklyPackPdf(weeklyPackFixture(), 'ko'))).join('\n');
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('[P1] DHP-0042 월말 결산 전표 전기 불가 — 대한정밀(주)');
    expect(flat).toContain('2026-11-2409:20김민수—신규→처리중'); // a status step, in Seoul time
    expect(flat).toContain('원인:번호범위FBN1소진');
    expect(text).toContain('HSK-0107'); // the near miss
    expect(text).toContain('8.3%'); // its time left
    expect(flat).toContain('HSK-0110VL01N출하문서오류재발'); // the recurring group
    expect(flat).toContain('SM13업데이트오류');
    expect(flat).toContain('내선1234'); // the special-note change
    expect(text).toContain('S/4HANA 전환 PoC');
    expect(flat).toContain('6.5→3/4.25');
    expect(flat).toContain('번호범위점검을월간점검항목에추가→개선과제');
  });

  it('says so when a week had nothing to report, in English too', async () => {
    const empty = weeklyPackFixture({
      totals: {
        created: 0,
        closed: 0,
        majorIncidents: 0,
        slaBreaches: 0,
        slaNearMisses: 0,
        inspections: 0,
        findings: 0,
      },
      customers: [],
      majorIncidents: [],
      sla: { breaches: [], nearMisses: [] },
      recurring: [],
      inspections: [],
      notesChanges: [],
      deployments: { starting: [], ending: [] },
      improvements: [],
      meetings: [],
    });
    const text = (await pdfPages(await renderWeeklyPackPdf(empty, 'en'))).join('\n');
    expect(text).toContain('Weekly sharing meeting, week 48 of 2026');
    expect(text).toContain('4. SLA breaches and near misses');
    expect(text.split('\n').filter((line) => line === 'None').length).toBeGreaterThanOrEqual(8);
  });
});
