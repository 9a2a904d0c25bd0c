import { randomUUID } from 'node:crypto';
import { priorityOf, type TSapModule } from '@hamkke/core';
import type { tickets } from '../db/schema.js';
import { BASIS_MONTHLY } from '../inspections/standard-templates.js';
import { addDays, addMinutes, isBusinessDay } from './demo-clock.js';
import { INSPECTION } from './demo-phrases.js';
import {
  fillWith,
  randomFor,
  type TDemoOrgRef,
  type TDemoStaffRef,
  TEAM_OF,
  type TPlanned,
  WINDOW_DAYS,
} from './demo-refs.js';
import { tellStory } from './demo-story.js';
import type { DemoTimeline, TPerson } from './demo-timeline.js';

/** One answer of a demo checklist item; a failed one names the follow-up ticket it opened. */
export type TDemoAnswer = {
  itemId: string;
  result: 'ok' | 'warning' | 'failed';
  note: string;
  answeredAt: Date;
  followUpTicketId: string | null;
};
/** The checklist (standard Basis template) of a demo inspection ticket: all answered once it is resolved. */
export type TDemoChecklist = {
  ticketId: string;
  answeredById: string;
  startedAt: Date;
  completedAt: Date | null;
  answers: TDemoAnswer[];
};
export type TDemoInspections = { planned: TPlanned[]; checklists: TDemoChecklist[] };

/** The items of the standard Basis template (`basis-monthly`), in order, with what a finding says. */
const FINDINGS: readonly { id: string; warning: string; failed: string }[] = [
  {
    id: 'sm37',
    warning: '취소 잡 {n}건, 재실행으로 정상 완료',
    failed: '월마감 잡 ZFI_CLOSE 3회 연속 취소',
  },
  {
    id: 'st22',
    warning: '덤프 {n}건 (TIME_OUT), 업무 영향 없음',
    failed: '동일 프로그램 덤프 매일 반복 발생',
  },
  {
    id: 'sm13',
    warning: '업데이트 오류 2건, 재처리 완료',
    failed: '미처리 업데이트 요청 누적',
  },
  {
    id: 'sm12',
    warning: '24시간 넘은 잠금 1건 해제',
    failed: '장기 잠금으로 전표 처리 지연',
  },
  { id: 'sp01', warning: '오류 스풀 {n}건 정리', failed: '스풀 번호 범위 90% 소진' },
  {
    id: 'stms',
    warning: '미이관 운송요청 {n}건, 정리 요청',
    failed: '운송 반입 오류 (RC=8) 미해결',
  },
  {
    id: 'db02',
    warning: 'DB 사용률 {pct}%, 추이 관찰',
    failed: '테이블스페이스 사용률 92%, 증설 필요',
  },
  {
    id: 'st06',
    warning: 'CPU 피크 85% (월말)',
    failed: '/usr/sap 파일시스템 95% 사용',
  },
  { id: 'backup', warning: '로그 백업 1회 지연', failed: '전체 백업 실패 2회 연속' },
  {
    id: 'su01',
    warning: '장기 미사용 계정 {n}개, 잠금 요청',
    failed: 'SAP_ALL 보유 사용자 계정 발견',
  },
];

const TITLES = new Map(BASIS_MONTHLY.items.map((i) => [i.id!, i.title]));

/** Plans the checklist of an inspection and the follow-up incidents its failed items open. */
function planChecklist(
  rng: ReturnType<typeof randomFor>,
  inspection: { id: string; title: string; org: TDemoOrgRef; timeline: DemoTimeline },
  basis: TPerson,
  manager: TPerson,
  fill: (text: string) => string,
  now: Date,
): { checklist: TDemoChecklist; followUps: TPlanned[] } {
  const { timeline } = inspection;
  const start = timeline.createdAt.getTime() + 30 * 60_000;
  const end = timeline.resolvedAt ? timeline.resolvedAt.getTime() - 60_000 : now.getTime();
  // A finished inspection answered everything; an open one is part-way through (or not started).
  const count = timeline.resolvedAt ? FINDINGS.length : rng.int(0, FINDINGS.length - 1);
  const answers: TDemoAnswer[] = [];
  const followUps: TPlanned[] = [];
  for (let i = 0; i < count; i++) {
    const item = FINDINGS[i]!;
    const roll = rng.int(1, 100);
    const result = roll <= 4 ? 'failed' : roll <= 16 ? 'warning' : 'ok';
    const answeredAt = new Date(start + ((end - start) * (i + 1)) / (count + 1));
    const answer: TDemoAnswer = {
      itemId: item.id,
      result,
      note: result === 'ok' ? '' : fill(item[result]),
      answeredAt,
      followUpTicketId: null,
    };
    const followUpAt = addMinutes(answeredAt, 10);
    if (result === 'failed' && followUpAt < now) {
      answer.followUpTicketId = randomUUID();
      followUps.push(
        planFollowUp(rng, answer, TITLES.get(item.id)!, inspection, followUpAt, basis, manager, now),
      );
    }
    answers.push(answer);
  }
  return {
    checklist: {
      ticketId: inspection.id,
      answeredById: basis.id,
      startedAt: timeline.createdAt,
      completedAt: timeline.resolvedAt,
      answers,
    },
    followUps,
  };
}

/** The incident a failed item opens, as `POST …/follow-up` does: same organization, contract and system. */
function planFollowUp(
  rng: ReturnType<typeof randomFor>,
  answer: TDemoAnswer,
  itemTitle: string,
  inspection: { title: string; org: TDemoOrgRef },
  createdAt: Date,
  basis: TPerson,
  manager: TPerson,
  now: Date,
): TPlanned {
  const ticketId = answer.followUpTicketId!;
  const priority = priorityOf('medium', 'medium');
  const timeline = tellStory(
    rng,
    {
      ticketId,
      createdAt,
      type: 'incident',
      priority,
      creatorId: basis.id,
      requester: null,
      agent: basis,
      manager,
      isPreassigned: true,
      isMonitoring: false,
      hasVendorCase: false,
      cause: answer.note,
      resolution: `점검 후속 조치 완료: ${itemTitle} 정상 확인했습니다.`,
      fill: (text) => text,
    },
    now,
  );
  const { org } = inspection;
  return {
    orgId: org.id,
    timeline,
    row: {
      id: ticketId,
      number: '',
      organizationId: org.id,
      contractId: org.contractId,
      systemId: org.systemIds.PRD,
      module: 'BC',
      type: 'incident',
      title: `[점검 후속] ${itemTitle}`,
      description: `정기 점검 "${inspection.title}"에서 '${itemTitle}' 항목이 실패로 판정되었습니다.\n\n점검 메모: ${answer.note}`,
      impact: 'medium',
      urgency: 'medium',
      priority,
      requesterId: null,
      team: TEAM_OF.BC!,
      channel: 'internal',
      tags: ['점검후속'],
    },
  };
}

const KST_MS = 9 * 3_600_000;
/** Routine work: low impact, medium urgency. */
const PRIORITY = priorityOf('low', 'medium');

/** The n-th business day of the month that starts at `first` (midnight in Seoul). */
function nthBusinessDay(first: Date, n: number): Date {
  let day = first;
  let seen = isBusinessDay(day) ? 1 : 0;
  while (seen < n) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) seen += 1;
  }
  return day;
}

/**
 * Periodic inspections: one ticket per month or quarter, on the second business day, by the Basis
 * agent, each with the standard Basis checklist (answered as far as the inspection got) and a
 * follow-up incident for each failed item.
 */
export function planInspections(orgs: TDemoOrgRef[], staff: TDemoStaffRef, now: Date): TDemoInspections {
  const basis = staff.agents.find((a) => a.modules.includes('BC')) ?? staff.agents[0]!;
  const planned: TPlanned[] = [];
  const checklists: TDemoChecklist[] = [];
  const start = addDays(now, -WINDOW_DAYS);
  orgs.forEach((org, o) => {
    if (org.inspectionCadence === 'none') return;
    for (let m = 0; m <= 5; m++) {
      const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1) - KST_MS);
      const month = new Date(first.getTime() + KST_MS).getUTCMonth() + 1;
      if (org.inspectionCadence === 'quarterly' && month % 3 !== 1) continue;
      const createdAt = addMinutes(nthBusinessDay(first, 2), 9 * 60 + 30);
      if (createdAt < start || createdAt >= now) continue;
      const rng = randomFor(10_000 + o * 100 + m);
      const values = { n: String(rng.int(3, 40)), pct: String(rng.int(55, 82)) };
      const fill = fillWith(values);
      const year = new Date(first.getTime() + KST_MS).getUTCFullYear();
      const period = org.inspectionCadence === 'monthly' ? `${month}월` : `${Math.ceil(month / 3)}분기`;
      const ticketId = randomUUID();
      const timeline = tellStory(
        rng,
        {
          ticketId,
          createdAt,
          type: 'inspection',
          priority: PRIORITY,
          creatorId: basis.id,
          requester: null,
          agent: basis,
          manager: staff.manager,
          isPreassigned: true,
          isMonitoring: false,
          hasVendorCase: false,
          cause: fill(INSPECTION.note),
          resolution: fill(INSPECTION.resolution),
          fill,
        },
        now,
      );
      const row: typeof tickets.$inferInsert = {
        id: ticketId,
        number: '',
        organizationId: org.id,
        contractId: org.contractId,
        systemId: org.systemIds.PRD,
        module: 'BC' satisfies TSapModule,
        type: 'inspection',
        title: `${year}년 ${period} 정기 점검 (${org.prdSid})`,
        description: INSPECTION.description,
        impact: 'low',
        urgency: 'medium',
        priority: PRIORITY,
        requesterId: null,
        team: TEAM_OF.BC!,
        channel: 'internal',
        tags: ['정기점검'],
      };
      planned.push({ orgId: org.id, row, timeline });
      const inspection = { id: ticketId, title: row.title, org, timeline };
      const { checklist, followUps } = planChecklist(rng, inspection, basis, staff.manager, fill, now);
      checklists.push(checklist);
      planned.push(...followUps);
    }
  });
  return { planned, checklists };
}
