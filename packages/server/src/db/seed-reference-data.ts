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
  const holidays = [];
  for (let year = KOREAN_HOLIDAY_YEARS.from; year <= KOREAN_HOLIDAY_YEARS.to; year++) {
    holidays.push(...koreanHolidays(year, KNOWN_ADHOC_HOLIDAYS));
  }
  const inserted = await db
    .insert(publicHolidays)
    .values(
      holidays.map((h) => ({ date: h.date, name: h.name, nameEn: h.nameEn, kind: h.kind, source: h.source })),
    )
    .onConflictDoNothing()
    .returning({ date: publicHolidays.date });
  if (inserted.length > 0) {
    await db
      .update(calendars)
      .set({ revision: sql`${calendars.revision} + 1` })
      .where(sql`${calendars.usesPublicHolidays}`);
  }
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
