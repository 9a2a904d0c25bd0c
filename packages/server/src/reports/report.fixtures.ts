import { randomUUID } from 'node:crypto';
import type { TMonthlyReport, TNotableIncident, TReportTicketRef } from '@hamkke/core';

const ref = (n: number, over: Partial<TReportTicketRef> = {}): TReportTicketRef => ({
  id: randomUUID(),
  number: `HMK-${String(n).padStart(4, '0')}`,
  title: `구매오더 ME21N 저장 시 오류 ${n}`,
  type: 'incident',
  priority: 'P3',
  status: 'in_progress',
  module: 'MM',
  createdAt: '2026-10-20T01:30:00Z',
  assignee: '김민수',
  ...over,
});

const incident = (n: number, over: Partial<TNotableIncident> = {}): TNotableIncident => ({
  ...ref(n, { priority: 'P1', status: 'resolved', module: 'FI', createdAt: '2026-11-04T00:10:00Z' }),
  title: `월말 결산 전표 전기 불가 ${n}`,
  resolvedAt: '2026-11-04T05:40:00Z',
  cause: '번호 범위 FBN1 소진으로 전표 번호 채번 실패',
  action: '번호 범위 확장 후 전기 재처리, 월 1회 잔여 번호 점검 추가',
  ...over,
});

/** A signed-off-ready report of 대한정밀 for November 2026 with figures chosen by hand. */
export function monthlyReportFixture(over: Partial<TMonthlyReport> = {}): TMonthlyReport {
  return {
    organization: { id: randomUUID(), name: '대한정밀(주)', code: 'DHP' },
    month: '2026-11',
    timeZone: 'Asia/Seoul',
    period: { start: '2026-10-31T15:00:00.000Z', end: '2026-11-30T15:00:00.000Z' },
    contracts: [
      {
        id: randomUUID(),
        name: '2026 SAP AMS 운영 계약',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        monthlyHours: 160,
        calendarKey: 'kr-default',
        services: ['support', 'inspection', 'report'],
      },
    ],
    tickets: {
      total: { created: 137, resolved: 129, closed: 118 },
      byType: [
        { key: 'inquiry', created: 83, resolved: 80, closed: 75 },
        { key: 'incident', created: 31, resolved: 29, closed: 25 },
        { key: 'request', created: 19, resolved: 17, closed: 15 },
        { key: 'inspection', created: 4, resolved: 3, closed: 3 },
      ],
      byModule: [
        { key: 'FI', created: 42, resolved: 40, closed: 38 },
        { key: 'MM', created: 37, resolved: 35, closed: 31 },
        { key: 'SD', created: 29, resolved: 27, closed: 24 },
        { key: 'BC', created: 18, resolved: 17, closed: 16 },
        { key: null, created: 11, resolved: 10, closed: 9 },
      ],
      byPriority: [
        { key: 'P1', created: 2, resolved: 2, closed: 2 },
        { key: 'P2', created: 9, resolved: 8, closed: 7 },
        { key: 'P3', created: 88, resolved: 84, closed: 77 },
        { key: 'P4', created: 38, resolved: 35, closed: 32 },
      ],
      byChannel: [
        { key: 'portal', created: 71, resolved: 68, closed: 62 },
        { key: 'email', created: 52, resolved: 48, closed: 44 },
        { key: 'phone', created: 14, resolved: 13, closed: 12 },
      ],
    },
    sla: {
      response: { met: 131, breached: 4, attainmentPercent: 97.0 },
      resolution: { met: 121, breached: 8, attainmentPercent: 93.8 },
      byPriority: [
        {
          priority: 'P1',
          response: { met: 2, breached: 0, attainmentPercent: 100 },
          resolution: { met: 1, breached: 1, attainmentPercent: 50 },
        },
        {
          priority: 'P3',
          response: { met: 86, breached: 3, attainmentPercent: 96.6 },
          resolution: { met: 79, breached: 5, attainmentPercent: 94 },
        },
      ],
    },
    times: {
      unit: 'business_minutes',
      response: { count: 135, mean: 38, p90: 95 },
      resolution: { count: 129, mean: 742, p90: 2160 },
      byPriority: [
        {
          priority: 'P1',
          response: { count: 2, mean: 9, p90: 12 },
          resolution: { count: 2, mean: 330, p90: 410 },
        },
        {
          priority: 'P4',
          response: { count: 35, mean: 55, p90: 140 },
          resolution: { count: 35, mean: 0, p90: null },
        },
      ],
    },
    hours: {
      entitlement: 160,
      used: 148.5,
      nonBillable: 12.5,
      remaining: 11.5,
      percentUsed: 92.8,
      byWorkClass: { A: 121, B: 31.5, C: 8.5 },
      trend: [
        { month: '2026-06', hours: 131, entitlement: 160, byWorkClass: { A: 110, B: 20, C: 6 } },
        { month: '2026-07', hours: 142.5, entitlement: 160, byWorkClass: { A: 120, B: 22.5, C: 4 } },
        { month: '2026-08', hours: 171, entitlement: 160, byWorkClass: { A: 150, B: 21, C: 2 } },
        { month: '2026-09', hours: 150, entitlement: 160, byWorkClass: { A: 128, B: 22, C: 3 } },
        { month: '2026-10', hours: 139.5, entitlement: 160, byWorkClass: { A: 115, B: 24.5, C: 5 } },
        { month: '2026-11', hours: 148.5, entitlement: 160, byWorkClass: { A: 121, B: 31.5, C: 8.5 } },
      ],
    },
    inspections: {
      done: 3,
      items: { ok: 52, warning: 6, failed: 2 },
      openFindings: 2,
      findings: [
        ref(901, { type: 'request', title: 'SM13 업데이트 오류 반복 확인', module: 'BC', priority: 'P3' }),
        ref(902, {
          type: 'request',
          title: 'DB 증가율 임계치 초과 — 아카이빙 검토',
          module: 'BC',
          priority: 'P2',
        }),
      ],
    },
    notableIncidents: [
      incident(1001),
      incident(1002, { priority: 'P2', module: 'SD', title: '출하 문서 VL01N 생성 지연', resolvedAt: null }),
      incident(1003, { priority: 'P2', module: 'BC', title: '배치 잡 SM37 취소 다수 발생' }),
    ],
    satisfaction: { sent: 96, responses: 41, average: 4.56, distribution: [0, 1, 2, 11, 27] },
    carriedOver: {
      count: 8,
      items: Array.from({ length: 8 }, (_, i) => ref(700 + i, { createdAt: `2026-11-${10 + i}T02:00:00Z` })),
    },
    remarks: [
      '## 이번 달 운영 총평',
      '',
      '월말 결산 기간에 **FI 전표 전기 장애**가 발생했으나 4시간 내 복구되었습니다.',
      '',
      '- 번호 범위 점검을 월간 점검 항목에 추가',
      '- MM 구매오더 관련 문의가 전월 대비 증가',
      '',
      '1. 다음 달 SAP Note 3344556 적용 예정',
      '2. [운영 가이드](https://example.com/guide) 개정',
    ].join('\n'),
    status: 'draft',
    signedBy: null,
    signedAt: null,
    generatedAt: '2026-12-01T00:30:00.000Z',
    ...over,
  };
}

/** The same report with many notable incidents and carried-over items, to measure rendering. */
export function bigMonthlyReportFixture(incidents = 50, openItems = 300): TMonthlyReport {
  const longText = '원인 분석 결과 인터페이스 큐 SMQ2 적체와 RFC 연결 시간 초과가 겹쳐 발생했습니다. ';
  return monthlyReportFixture({
    notableIncidents: Array.from({ length: incidents }, (_, i) =>
      incident(2000 + i, { cause: longText.repeat(1 + (i % 4)), action: '큐 재처리 및 RFC 타임아웃 조정' }),
    ),
    carriedOver: {
      count: openItems,
      items: Array.from({ length: openItems }, (_, i) =>
        ref(3000 + i, { title: `이월 항목 ${i} 재고 평가 차이` }),
      ),
    },
  });
}

/** The text of each page of a PDF, as pdf.js extracts it (one line per text run). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  await doc.destroy();
  return pages;
}
