import { describe, expect, it } from 'vitest';
import { buildArticleDraft } from '../knowledge/build-article-draft.js';
import { RECURRING_RULE, recurringGroups, type TIncident } from './recurring-rule.js';
import { caseTokens, sharedWords } from './similar-tokens.js';

const DAY = 86_400_000;
const START = Date.parse('2026-11-02T00:00:00Z');
let seq = 0;
const incident = (day: number, extra: Partial<TIncident> = {}): TIncident => ({
  id: `00000000-0000-0000-0000-${String(++seq).padStart(12, '0')}`,
  organizationId: 'org-a',
  number: `HNX-${seq}`,
  title: 'PRD 야간 배치잡 Z_FI_DAILY_INTERFACE 취소',
  description: 'RFC 연결 오류로 배치잡이 취소되었습니다.',
  status: 'open',
  systemId: 'prd',
  module: 'BC',
  createdAt: new Date(START + day * DAY),
  ...extra,
});

describe('the recurring-incident rule', () => {
  it('needs three similar incidents; two are not a pattern', () => {
    expect(recurringGroups([incident(0), incident(1)])).toEqual([]);
    const groups = recurringGroups([incident(0), incident(1), incident(2)]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.incidents).toHaveLength(RECURRING_RULE.MIN_INCIDENTS);
    expect(groups[0]!.sharedBy).toBe('system');
  });

  it('chains incidents each at most 14 days from the next, and breaks at a longer gap', () => {
    const chained = recurringGroups([incident(0), incident(14), incident(28)]);
    expect(chained[0]?.incidents).toHaveLength(3);
    expect(recurringGroups([incident(0), incident(15), incident(30)])).toEqual([]);
  });

  it('keeps organizations, systems and unrelated texts apart, and uses the module where a system is missing', () => {
    const other = [incident(0, { organizationId: 'org-b' }), incident(1), incident(2)];
    expect(recurringGroups(other)).toEqual([]);
    const systems = [incident(0, { systemId: 'qas' }), incident(1), incident(2)];
    expect(recurringGroups(systems)).toEqual([]);
    const text = [
      incident(0, { title: 'SAP GUI 로그인 느림', description: '30초 이상 걸립니다' }),
      incident(1),
      incident(2),
    ];
    expect(recurringGroups(text)).toEqual([]);
    const noSystem = recurringGroups([incident(0, { systemId: null }), incident(1), incident(2)]);
    expect(noSystem[0]?.incidents).toHaveLength(3);
    expect(noSystem[0]?.sharedBy).toBe('module');
  });
});

describe('similarity words', () => {
  it('drops filler and one-syllable words from what cases are compared by', () => {
    const tokens = caseTokens('ME21N 저장 시 오류가 발생합니다', '확인 부탁드립니다');
    expect(tokens).toEqual(expect.arrayContaining(['me21n', '저장', '오류', '발생']));
    for (const filler of ['시', '니다', '합니', '부탁', '확인']) expect(tokens).not.toContain(filler);
  });

  it('names shared words as written, message IDs as one word', () => {
    const shared = new Set(['me21n', '저장', 'm7-021', '구매', '매오', '오더']);
    expect(sharedWords('ME21N 구매오더를 저장하면 M7 021 오류', shared)).toEqual([
      'ME21N',
      '구매오더',
      'M7 021',
    ]);
  });
});

describe('an article drafted from a ticket', () => {
  const ticket = {
    number: 'ACM-000042',
    title: 'Posting period 013 not open',
    description: 'OB52 shows the period closed.',
    module: 'FI',
    systemId: null,
    tags: ['month-end'],
    sapNotes: ['2345678'],
    transports: [],
    resolvedAt: new Date('2026-11-20T10:00:00Z'),
  };
  const at = (iso: string) => new Date(iso);
  const comments = [
    {
      body: 'We are looking into it.',
      visibility: 'public' as const,
      isByStaff: true,
      createdAt: at('2026-11-20T08:00:00Z'),
    },
    {
      body: 'Variant 0001 closed by mistake.',
      visibility: 'internal' as const,
      isByStaff: true,
      createdAt: at('2026-11-20T08:30:00Z'),
    },
    {
      body: 'Still failing here.',
      visibility: 'public' as const,
      isByStaff: false,
      createdAt: at('2026-11-20T09:00:00Z'),
    },
    {
      body: 'Period 013 is open again in OB52.',
      visibility: 'public' as const,
      isByStaff: true,
      createdAt: at('2026-11-20T09:30:00Z'),
    },
  ];

  it('writes English headings for an English ticket and takes the resolving reply', () => {
    const draft = buildArticleDraft(ticket, comments, 'public');
    expect(draft.language).toBe('en');
    expect(draft.body).toContain('## Question');
    expect(draft.body).toContain('## Solution\n\nPeriod 013 is open again in OB52.');
    expect(draft.body).not.toContain('looking into it');
    expect(draft.body).not.toContain('Still failing');
    expect(draft.body).not.toContain('Variant 0001');
    expect(draft.body).toContain('SAP Note: 2345678');
    expect(draft.tags).toEqual([]);
    expect(buildArticleDraft(ticket, comments, 'internal').body).toContain('Variant 0001');
  });
});
