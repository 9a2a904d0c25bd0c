import { describe, expect, it } from 'vitest';
import { causeAndAction } from './incident-notes.js';
import { addMonths, monthPeriod, trendMonths } from './month-period.js';
import { durationStats } from './sla-figures.js';

describe('the month as instants', () => {
  it('cuts a month at local midnight of the zone, daylight saving included', () => {
    expect(monthPeriod('2026-11', 'Asia/Seoul')).toEqual({
      start: new Date('2026-10-31T15:00:00Z'),
      end: new Date('2026-11-30T15:00:00Z'),
    });
    // New York leaves daylight saving on 2026-11-01: EDT (−4) at the start, EST (−5) at the end.
    expect(monthPeriod('2026-11', 'America/New_York')).toEqual({
      start: new Date('2026-11-01T04:00:00Z'),
      end: new Date('2026-12-01T05:00:00Z'),
    });
    expect(monthPeriod('2026-12', 'UTC').end).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('counts six months back over a year end', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(trendMonths('2026-03')).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('cause and action of an incident', () => {
  it('reads labelled parts in Korean or English, bold or as headings', () => {
    expect(causeAndAction('원인: 번호 범위 소진\n조치: 번호 범위 확장')).toEqual({
      cause: '번호 범위 소진',
      action: '번호 범위 확장',
    });
    expect(
      causeAndAction('**Root cause:** lock table overflow\n\n## Action: raised enque/table_size\nrestarted'),
    ).toEqual({
      cause: 'lock table overflow',
      action: 'raised enque/table_size\nrestarted',
    });
    expect(causeAndAction('발생 원인： 배치 잡 중복 실행\n조치 내용: 잡 스케줄 정리')).toEqual({
      cause: '배치 잡 중복 실행',
      action: '잡 스케줄 정리',
    });
  });

  it('takes an unlabelled comment as the action, and nothing as nothing', () => {
    expect(causeAndAction('  SAP Note 3012345 적용 후 재처리했습니다.  ')).toEqual({
      cause: '',
      action: 'SAP Note 3012345 적용 후 재처리했습니다.',
    });
    expect(causeAndAction(null)).toEqual({ cause: '', action: '' });
    expect(causeAndAction(`조치: ${'가'.repeat(3000)}`).action).toHaveLength(2000);
  });
});

describe('duration statistics', () => {
  it('gives the mean and the 90th percentile by nearest rank', () => {
    expect(durationStats([])).toEqual({ count: 0, mean: null, p90: null });
    expect(durationStats([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({
      count: 10,
      mean: 55,
      p90: 90,
    });
    expect(durationStats([5, 1000, 7])).toEqual({ count: 3, mean: 337, p90: 1000 });
  });
});
