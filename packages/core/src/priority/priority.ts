/** Impact and urgency levels, as the ITIL priority matrix names them. */
export const LEVELS = ['high', 'medium', 'low'] as const;
export type TLevel = (typeof LEVELS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type TPriority = (typeof PRIORITIES)[number];

const RANK: Record<TLevel, number> = { high: 0, medium: 1, low: 2 };

/**
 * Priority from impact × urgency (3×3 matrix folded onto P1–P4):
 * high/high → P1; one high and one medium → P2; the diagonal high/low, medium/medium,
 * low/high → P3; everything lower → P4.
 */
export function priorityOf(impact: TLevel, urgency: TLevel): TPriority {
  const sum = RANK[impact] + RANK[urgency];
  return PRIORITIES[Math.min(sum, 3)] as TPriority;
}
