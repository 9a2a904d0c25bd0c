import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS, PRIORITIES, priorityOf } from './priority.js';

describe('priority matrix', () => {
  it('gives P1 only to high impact with high urgency', () => {
    expect(priorityOf('high', 'high')).toBe('P1');
    for (const i of LEVELS)
      for (const u of LEVELS) if (i !== 'high' || u !== 'high') expect(priorityOf(i, u)).not.toBe('P1');
  });

  it('follows the 3×3 table of the service desk', () => {
    expect(priorityOf('high', 'medium')).toBe('P2');
    expect(priorityOf('medium', 'high')).toBe('P2');
    expect(priorityOf('high', 'low')).toBe('P3');
    expect(priorityOf('medium', 'medium')).toBe('P3');
    expect(priorityOf('low', 'high')).toBe('P3');
    expect(priorityOf('medium', 'low')).toBe('P4');
    expect(priorityOf('low', 'low')).toBe('P4');
  });

  it('is symmetric and never lowers priority when impact or urgency rises', () => {
    const level = fc.constantFrom(...LEVELS);
    const rank = (p: string) => PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]);
    fc.assert(
      fc.property(level, level, level, (impact, urgency, higher) => {
        expect(priorityOf(impact, urgency)).toBe(priorityOf(urgency, impact));
        if (LEVELS.indexOf(higher) <= LEVELS.indexOf(impact)) {
          expect(rank(priorityOf(higher, urgency))).toBeLessThanOrEqual(rank(priorityOf(impact, urgency)));
        }
      }),
    );
  });
});
