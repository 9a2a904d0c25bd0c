import { randomBytes, randomUUID } from 'node:crypto';
import type { TRole } from '@hamkke/core';
import { hashPassword } from '../auth/password.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import { db } from '../db/current.js';
import {
  calendarClosures,
  calendars,
  contracts,
  organizations,
  publicHolidays,
  sessions,
  slaPolicies,
  systems,
  users,
} from '../db/schema.js';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

const unique = () => randomBytes(4).toString('hex').toUpperCase();

/** A customer company with a code of its own, so tests never collide. */
export async function makeOrganization(overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const [org] = await db
    .insert(organizations)
    .values({
      name: `테스트 고객사 ${unique()}`,
      code: `T${unique().slice(0, 7)}`,
      specialNotes: '월말 마감 주간 이관 금지',
      ...overrides,
    })
    .returning();
  return org!;
}

export type TTestUser = typeof users.$inferSelect & { cookie: string };

/** A user with a live session; `cookie` is the header value a browser would send. */
export async function makeUser(
  role: TRole,
  organizationId: string | null = null,
  overrides: Partial<typeof users.$inferInsert> = {},
): Promise<TTestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const [user] = await db
    .insert(users)
    .values({
      email: `${role}-${randomUUID()}@example.com`,
      name: `${role} ${unique()}`,
      role,
      organizationId: role === 'customer' ? organizationId : null,
      passwordHash: await passwordHash,
      ...overrides,
    })
    .returning();
  const token = newSecret();
  await db
    .insert(sessions)
    .values({ tokenHash: sha256(token), userId: user!.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return { ...user!, cookie: `hamkke_session=${token}` };
}

export async function makeSystem(
  organizationId: string,
  overrides: Partial<typeof systems.$inferInsert> = {},
) {
  const [system] = await db
    .insert(systems)
    .values({
      organizationId,
      sid: 'PRD',
      tier: 'PRD',
      client: '100',
      product: 'S/4HANA',
      release: '2023',
      modules: ['FI', 'MM'],
      ...overrides,
    })
    .returning();
  return system!;
}

export async function makeContract(
  organizationId: string,
  overrides: Partial<typeof contracts.$inferInsert> = {},
) {
  const year = new Date().getUTCFullYear();
  const [contract] = await db
    .insert(contracts)
    .values({
      organizationId,
      name: `${year} 운영 계약`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      services: ['support'],
      monthlyHours: 80,
      ...overrides,
    })
    .returning();
  return contract!;
}

/** One organization with a customer user, its system and contract, and one staff user of every role. */
export async function makeWorld() {
  const org = await makeOrganization();
  const [system, contract] = await Promise.all([makeSystem(org.id), makeContract(org.id)]);
  const [customer, agent, manager, admin, viewer] = await Promise.all([
    makeUser('customer', org.id),
    makeUser('agent'),
    makeUser('manager'),
    makeUser('admin'),
    makeUser('viewer'),
  ]);
  return { org, system, contract, customer, agent, manager, admin, viewer };
}

const OFFICE_DAY = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/** A calendar of the tests' own (weekdays 09–18 in Seoul, public holidays observed), with a unique key. */
export async function makeCalendar(overrides: Partial<typeof calendars.$inferInsert> = {}) {
  const [calendar] = await db
    .insert(calendars)
    .values({
      key: `test-${unique().toLowerCase()}`,
      name: `테스트 달력 ${unique()}`,
      weeklyHours: [[], OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, []],
      ...overrides,
    })
    .returning();
  return calendar!;
}

/** A closure day on a calendar. */
export async function makeClosure(calendarId: string, date: string, name = '창립기념일') {
  const [closure] = await db.insert(calendarClosures).values({ calendarId, date, name }).returning();
  return closure!;
}

/**
 * An ad-hoc public holiday with a unique name. Pick a date no other test computes business time
 * across: every calendar that observes public holidays skips it.
 */
export async function makePublicHoliday(
  date: string,
  overrides: Partial<typeof publicHolidays.$inferInsert> = {},
) {
  const [holiday] = await db
    .insert(publicHolidays)
    .values({
      date,
      name: `임시공휴일 ${unique()}`,
      nameEn: 'Temporary holiday',
      kind: 'adhoc',
      ...overrides,
    })
    .returning();
  return holiday!;
}

/** A non-default SLA policy with a unique name and the standard targets. */
export async function makeSlaPolicy(overrides: Partial<typeof slaPolicies.$inferInsert> = {}) {
  const [policy] = await db
    .insert(slaPolicies)
    .values({
      name: `테스트 SLA ${unique()}`,
      targets: {
        P1: { firstResponse: 30, resolution: 240 },
        P2: { firstResponse: 60, resolution: 480 },
        P3: { firstResponse: 240, resolution: 1440 },
        P4: { firstResponse: 480, resolution: 2400 },
      },
      ...overrides,
    })
    .returning();
  return policy!;
}
