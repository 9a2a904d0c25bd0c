import { eq } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { calendars, slaPolicies } from '../db/schema.js';
import { Invalid } from '../http/errors.js';

const NO_POLICY = { en: 'There is no SLA policy with this id', ko: '이 ID의 SLA 정책이 없습니다' };
const NO_CALENDAR = { en: 'There is no calendar with this key', ko: '이 키의 업무 달력이 없습니다' };

/** A contract points at an SLA policy and a calendar that exist: the SLA clocks run on them. */
export async function checkContractReferences(
  tx: TDbOrTx,
  refs: { slaPolicyId?: string | null; calendarKey?: string },
): Promise<void> {
  if (refs.slaPolicyId) {
    const [policy] = await tx
      .select({ id: slaPolicies.id })
      .from(slaPolicies)
      .where(eq(slaPolicies.id, refs.slaPolicyId));
    if (!policy) throw new Invalid('slaPolicyId', NO_POLICY);
  }
  if (refs.calendarKey !== undefined) {
    const [calendar] = await tx
      .select({ id: calendars.id })
      .from(calendars)
      .where(eq(calendars.key, refs.calendarKey));
    if (!calendar) throw new Invalid('calendarKey', NO_CALENDAR);
  }
}
