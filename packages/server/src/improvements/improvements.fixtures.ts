import { db } from '../db/current.js';
import { improvements } from '../db/schema.js';

/** An improvement item written directly, with a metric over one customer's tickets. */
export async function makeImprovement(
  organizationId: string,
  overrides: Partial<typeof improvements.$inferInsert> = {},
) {
  const [row] = await db
    .insert(improvements)
    .values({
      title: 'SD 가격 결정 문의 FAQ',
      kind: 'B',
      origin: 'recurring_incident',
      metric: { kind: 'tickets_per_week', organizationId, module: null },
      baselineFrom: '2026-10-01',
      baselineTo: '2026-10-31',
      ...overrides,
    })
    .returning();
  return row!;
}
