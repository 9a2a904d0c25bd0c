import {
  KNOWN_ADHOC_HOLIDAYS,
  KOREAN_HOLIDAY_YEARS,
  KR_STANDARD,
  koreanHolidays,
  TWENTY_FOUR_SEVEN,
} from '@hamkke/core';
import { sql } from 'drizzle-orm';
import type { TDbOrTx } from './database.js';
import { calendars, publicHolidays, slaPolicies } from './schema.js';

/**
 * The standard SLA of an AMS contract, in business minutes. A business day is 480 minutes
 * (09:00–12:00, 13:00–18:00).
 */
export const STANDARD_SLA_TARGETS = {
  P1: { firstResponse: 30, resolution: 240 },
  P2: { firstResponse: 60, resolution: 480 },
  P3: { firstResponse: 240, resolution: 1440 },
  P4: { firstResponse: 480, resolution: 2400 },
};

/**
 * Seeds what a fresh install needs: the built-in calendars, the Korean public holidays of
 * 2015–2035 computed from the rules, and a default SLA policy. Rows that exist are left as they
 * are, so an admin's corrections survive every restart.
 */
export async function seedReferenceData(db: TDbOrTx): Promise<void> {
  await db
    .insert(calendars)
    .values([
      {
        key: KR_STANDARD.key,
        name: '한국 표준 (평일 09–18시, 공휴일 휴무)',
        timeZone: KR_STANDARD.timeZone,
        weeklyHours: KR_STANDARD.weeklyHours,
        usesPublicHolidays: true,
        isBuiltIn: true,
      },
      {
        key: TWENTY_FOUR_SEVEN.key,
        name: '24×7',
        timeZone: TWENTY_FOUR_SEVEN.timeZone,
        weeklyHours: TWENTY_FOUR_SEVEN.weeklyHours,
        usesPublicHolidays: false,
        isBuiltIn: true,
      },
    ])
    .onConflictDoNothing();
  // Holidays are seeded per year the table does not know yet, so an admin's renames and withdrawals
  // stay as they are, while a release that extends the years adds the new ones.
  const known = await db
    .select({ year: sql<number>`extract(year from ${publicHolidays.date})::int` })
    .from(publicHolidays)
    .groupBy(sql`1`);
  const knownYears = new Set(known.map((k) => k.year));
  const holidays = [];
  for (let year = KOREAN_HOLIDAY_YEARS.from; year <= KOREAN_HOLIDAY_YEARS.to; year++) {
    if (!knownYears.has(year)) holidays.push(...koreanHolidays(year, KNOWN_ADHOC_HOLIDAYS));
  }
  if (holidays.length > 0) {
    await db
      .insert(publicHolidays)
      .values(
        holidays.map((h) => ({
          date: h.date,
          name: h.name,
          nameEn: h.nameEn,
          kind: h.kind,
          source: h.source,
        })),
      )
      .onConflictDoNothing();
    await db
      .update(calendars)
      .set({ revision: sql`${calendars.revision} + 1` })
      .where(sql`${calendars.usesPublicHolidays}`);
  }
  // The default policy only on an install without one: a renamed default must not get a twin.
  const [hasPolicy] = await db.select({ id: slaPolicies.id }).from(slaPolicies).limit(1);
  if (hasPolicy) return;
  await db
    .insert(slaPolicies)
    .values({
      name: '표준 SLA',
      targets: STANDARD_SLA_TARGETS,
      pauseStatuses: ['waiting_customer'],
      atRiskRatio: 0.8,
      escalations: [
        { on: 'at_risk', clock: 'resolution', action: 'notify' },
        { on: 'breached', clock: 'response', action: 'notify' },
        { on: 'breached', clock: 'resolution', action: 'notify' },
      ],
      isDefault: true,
    })
    .onConflictDoNothing();
}
