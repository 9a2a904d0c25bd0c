import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { calendars } from '../db/schema.js';
import { client, type TResponse, useApp } from '../test/api.js';
import { makeCalendar, makeClosure, makeOrganization, makeUser } from '../test/factories.js';

const app = useApp();

const as = async (role: 'admin' | 'manager' | 'agent' | 'viewer') =>
  client(app, { cookie: (await makeUser(role)).cookie });

const paths = (res: TResponse): string[] => res.data.errors.map((e: { path: string }) => e.path).sort();
const revisionOf = async (key: string) =>
  (await db.select({ revision: calendars.revision }).from(calendars).where(eq(calendars.key, key)))[0]!
    .revision;

type TDayOff = { date: string; name: string; nameEn: string; kind: string };
const datesOf = (res: TResponse): string[] =>
  [...new Set(res.data.items.map((d: TDayOff) => d.date.slice(5)))] as string[];

const OFFICE_DAY = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];
const WEEKDAYS = [[], OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, OFFICE_DAY, []];
const key = () => `cal-${Math.random().toString(36).slice(2, 8)}`;

/** Friday 2026-11-20 17:00 in Seoul: an hour before closing, a weekend ahead. */
const FRIDAY_FIVE = '2026-11-20T17:00:00+09:00';
const dueFrom = (api: Awaited<ReturnType<typeof as>>, calendar: string, from: string, minutes: number) =>
  api.get(`/calendars/${calendar}/business-time?from=${encodeURIComponent(from)}&minutes=${minutes}`);

describe('calendars', () => {
  it('lists the built-in calendars kr-standard and 24x7 with their keys', async () => {
    const res = await (await as('viewer')).get('/calendars');
    expect(res.statusCode).toBe(200);
    const byKey = new Map(res.data.items.map((c: { key: string }) => [c.key, c]));
    expect(byKey.get('kr-standard')).toMatchObject({
      isBuiltIn: true,
      timeZone: 'Asia/Seoul',
      usesPublicHolidays: true,
      weeklyHours: WEEKDAYS,
    });
    expect(byKey.get('24x7')).toMatchObject({ isBuiltIn: true, usesPublicHolidays: false });
  });

  it('gives the Korean public holidays of 2024, 2025 and 2026 as the official lists have them', async () => {
    const api = await as('agent');
    const year = (y: number) => api.get(`/calendars/kr-standard/holidays?year=${y}`);
    const [y2024, y2025, y2026] = await Promise.all([year(2024), year(2025), year(2026)]);
    expect(datesOf(y2024)).toEqual([
      '01-01',
      '02-09',
      '02-10',
      '02-11',
      '02-12',
      '03-01',
      '04-10',
      '05-05',
      '05-06',
      '05-15',
      '06-06',
      '08-15',
      '09-16',
      '09-17',
      '09-18',
      '10-01',
      '10-03',
      '10-09',
      '12-25',
    ]);
    expect(datesOf(y2025)).toEqual([
      '01-01',
      '01-27',
      '01-28',
      '01-29',
      '01-30',
      '03-01',
      '03-03',
      '05-05',
      '05-06',
      '06-03',
      '06-06',
      '08-15',
      '10-03',
      '10-05',
      '10-06',
      '10-07',
      '10-08',
      '10-09',
      '12-25',
    ]);
    // From 2026 노동절 and 제헌절 are public holidays; 현충일 on a Saturday earns no substitute day.
    expect(datesOf(y2026)).toEqual([
      '01-01',
      '02-16',
      '02-17',
      '02-18',
      '03-01',
      '03-02',
      '05-01',
      '05-05',
      '05-24',
      '05-25',
      '06-03',
      '06-06',
      '07-17',
      '08-15',
      '08-17',
      '09-24',
      '09-25',
      '09-26',
      '10-03',
      '10-05',
      '10-09',
      '12-25',
    ]);
    const named = (date: string) => y2025.data.items.filter((d: TDayOff) => d.date === date);
    expect(named('2025-01-27')[0]).toMatchObject({ name: '임시공휴일', kind: 'adhoc' });
    expect(named('2025-01-28')[0]).toMatchObject({ kind: 'lunar' });
    expect(named('2025-01-28')[0].name).toContain('설날');
    expect(named('2025-03-03')[0]).toMatchObject({ kind: 'substitute' });
    expect(named('2025-03-03')[0].name).toContain('대체공휴일');
    expect(named('2025-06-03')[0].name).toContain('선거');
    expect(named('2025-10-06')[0].name).toContain('추석');
    // 어린이날 and 부처님 오신 날 share 2025-05-05: both are listed.
    expect(named('2025-05-05')).toHaveLength(2);
    expect((await api.get('/calendars/24x7/holidays?year=2025')).data.items).toEqual([]);
  });

  it('adds business minutes and counts them back on the standard calendar', async () => {
    const api = await as('viewer');
    const due = await dueFrom(api, 'kr-standard', FRIDAY_FIVE, 240);
    expect(due.statusCode).toBe(200);
    // Friday 17:00–18:00, then Monday 09:00–12:00.
    expect(due.data).toEqual({ due: '2026-11-23T03:00:00.000Z' });
    const back = await api.get(
      `/calendars/kr-standard/business-time?from=${encodeURIComponent(FRIDAY_FIVE)}&to=${encodeURIComponent('2026-11-23T12:00:00+09:00')}`,
    );
    expect(back.data).toEqual({ minutes: 240 });
    const byId = (await api.get('/calendars/kr-standard')).data.id;
    expect((await dueFrom(api, byId, FRIDAY_FIVE, 240)).data).toEqual(due.data);
    expect((await dueFrom(api, '24x7', FRIDAY_FIVE, 240)).data).toEqual({ due: '2026-11-20T12:00:00.000Z' });
    expect((await api.get('/calendars/no-such-calendar')).statusCode).toBe(404);
  });

  it('skips an ad-hoc holiday an admin declares, and counts the day again once withdrawn', async () => {
    const admin = await as('admin');
    const agent = await as('agent');
    // Tuesday 17:00 + 120 minutes lands on Wednesday 2028-04-12, the next National Assembly election.
    const eve = '2028-04-11T17:00:00+09:00';
    expect((await dueFrom(agent, 'kr-standard', eve, 120)).data.due).toBe('2028-04-12T01:00:00.000Z');
    const [standard, aroundTheClock] = [await revisionOf('kr-standard'), await revisionOf('24x7')];

    const declared = await admin.post('/holidays', {
      date: '2028-04-12',
      name: '제23대 국회의원선거',
      nameEn: '23rd National Assembly election',
    });
    expect(declared.statusCode).toBe(201);
    expect(declared.data).toMatchObject({ kind: 'adhoc', isActive: true });
    expect(await revisionOf('kr-standard')).toBeGreaterThan(standard);
    expect(await revisionOf('24x7')).toBe(aroundTheClock);
    expect((await dueFrom(agent, 'kr-standard', eve, 120)).data.due).toBe('2028-04-13T01:00:00.000Z');
    const listed = await agent.get('/holidays?year=2028');
    expect(listed.data.items.map((h: { name: string }) => h.name)).toContain('제23대 국회의원선거');
    const days = await agent.get('/calendars/kr-standard/holidays?year=2028');
    expect(days.data.items).toContainEqual({
      date: '2028-04-12',
      name: '제23대 국회의원선거',
      nameEn: '23rd National Assembly election',
      kind: 'adhoc',
    });

    const again = await admin.post('/holidays', {
      date: '2028-04-12',
      name: '제23대 국회의원선거',
      nameEn: 'Again',
    });
    expect(again.statusCode).toBe(409);
    expect(paths(again)).toEqual(['name']);

    const beforeWithdrawal = await revisionOf('kr-standard');
    const withdrawn = await admin.patch(`/holidays/${declared.data.id}`, { isActive: false });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.data.isActive).toBe(false);
    expect(await revisionOf('kr-standard')).toBeGreaterThan(beforeWithdrawal);
    expect((await dueFrom(agent, 'kr-standard', eve, 120)).data.due).toBe('2028-04-12T01:00:00.000Z');
    const stillListed = await agent.get('/holidays?year=2028');
    expect(stillListed.data.items.find((h: { id: string }) => h.id === declared.data.id).isActive).toBe(
      false,
    );

    const corrected = await admin.patch(`/holidays/${declared.data.id}`, {
      isActive: true,
      nameEn: '23rd National Assembly elections',
    });
    expect(corrected.data).toMatchObject({ isActive: true, nameEn: '23rd National Assembly elections' });
    expect((await dueFrom(agent, 'kr-standard', eve, 120)).data.due).toBe('2028-04-13T01:00:00.000Z');

    const audit = await admin.get(`/audit?entityType=public_holiday&entityId=${declared.data.id}`);
    expect(audit.data.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'create',
      'update',
      'update',
    ]);
  });

  it('lets an admin create a calendar and close a day on it', async () => {
    const admin = await as('admin');
    const viewer = await as('viewer');
    const calendarKey = key();
    const created = await admin.post('/calendars', {
      key: calendarKey,
      name: '본사 근무 달력',
      weeklyHours: WEEKDAYS,
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      key: calendarKey,
      timeZone: 'Asia/Seoul',
      usesPublicHolidays: true,
      isBuiltIn: false,
      revision: 1,
    });
    expect((await dueFrom(viewer, calendarKey, FRIDAY_FIVE, 240)).data.due).toBe('2026-11-23T03:00:00.000Z');

    const closed = await admin.post(`/calendars/${calendarKey}/closures`, {
      date: '2026-11-23',
      name: '창립기념일',
    });
    expect(closed.statusCode).toBe(201);
    expect(closed.data).toEqual({ calendarId: created.data.id, date: '2026-11-23', name: '창립기념일' });
    expect(await revisionOf(calendarKey)).toBe(2);
    expect((await dueFrom(viewer, calendarKey, FRIDAY_FIVE, 240)).data.due).toBe('2026-11-24T03:00:00.000Z');
    // The standard calendar does not close with it.
    expect((await dueFrom(viewer, 'kr-standard', FRIDAY_FIVE, 240)).data.due).toBe(
      '2026-11-23T03:00:00.000Z',
    );
    const days = await viewer.get(`/calendars/${created.data.id}/holidays?year=2026`);
    expect(days.data.items).toContainEqual({
      date: '2026-11-23',
      name: '창립기념일',
      nameEn: '창립기념일',
      kind: 'closure',
    });
    expect(days.data.items.map((d: TDayOff) => d.date)).toContain('2026-12-25');

    const twice = await admin.post(`/calendars/${calendarKey}/closures`, {
      date: '2026-11-23',
      name: '휴무',
    });
    expect(twice.statusCode).toBe(409);
    expect(paths(twice)).toEqual(['date']);

    expect((await admin.delete(`/calendars/${calendarKey}/closures/2026-11-23`)).statusCode).toBe(204);
    expect(await revisionOf(calendarKey)).toBe(3);
    expect((await dueFrom(viewer, calendarKey, FRIDAY_FIVE, 240)).data.due).toBe('2026-11-23T03:00:00.000Z');
    expect((await admin.delete(`/calendars/${calendarKey}/closures/2026-11-23`)).statusCode).toBe(404);

    const audit = await admin.get(`/audit?entityType=calendar&entityId=${created.data.id}`);
    expect(audit.data.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'add_closure',
      'create',
      'remove_closure',
    ]);
  });

  it('lists only its own closures for a calendar without public holidays', async () => {
    const calendar = await makeCalendar({ usesPublicHolidays: false });
    await makeClosure(calendar.id, '2026-08-03', '하계 휴무');
    await makeClosure(calendar.id, '2027-08-02', '하계 휴무');
    const days = await (await as('viewer')).get(`/calendars/${calendar.key}/holidays?year=2026`);
    expect(days.data.items).toEqual([
      { date: '2026-08-03', name: '하계 휴무', nameEn: '하계 휴무', kind: 'closure' },
    ]);
  });

  it('edits the hours and time zone of its own calendar, bumping the revision each time', async () => {
    const admin = await as('admin');
    const calendar = await makeCalendar({ usesPublicHolidays: false });
    const berlin = await admin.patch(`/calendars/${calendar.id}`, {
      timeZone: 'Europe/Berlin',
      weeklyHours: [[], ...Array(5).fill([{ start: '08:00', end: '16:00' }]), []],
    });
    expect(berlin.statusCode).toBe(200);
    expect(berlin.data).toMatchObject({ timeZone: 'Europe/Berlin', revision: 2, key: calendar.key });
    // Friday 15:00 in Berlin (CET) + 120 minutes: one hour on Friday, one on Monday from 08:00.
    const due = await dueFrom(admin, calendar.key, '2026-11-20T15:00:00+01:00', 120);
    expect(due.data.due).toBe('2026-11-23T08:00:00.000Z');
    const renamed = await admin.patch(`/calendars/${calendar.key}`, { name: '독일 법인 달력' });
    expect(renamed.data).toMatchObject({ name: '독일 법인 달력', revision: 3 });
    expect((await admin.patch(`/calendars/${calendar.key}`, { key: 'other' })).statusCode).toBe(400);
  });

  it('keeps the built-in calendars as shipped: only their name changes, and they take no closures', async () => {
    const admin = await as('admin');
    const before = (await admin.get('/calendars/24x7')).data;
    const renamed = await admin.patch('/calendars/24x7', { name: '24시간 365일' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.data.revision).toBeGreaterThan(before.revision);
    expect((await admin.patch('/calendars/24x7', { name: before.name })).statusCode).toBe(200);
    const hours = await admin.patch('/calendars/kr-standard', { weeklyHours: Array(7).fill(OFFICE_DAY) });
    expect(hours.statusCode).toBe(422);
    expect(paths(hours)).toEqual(['weeklyHours']);
    const closure = await admin.post('/calendars/kr-standard/closures', {
      date: '2026-11-23',
      name: '창립기념일',
    });
    expect(closure.statusCode).toBe(422);
    expect(closure.data.errors[0]).toMatchObject({ path: 'id', in: 'path' });
  });

  it('refuses a key another calendar has, naming the field', async () => {
    const admin = await as('admin');
    const taken = await admin.post('/calendars', { key: 'kr-standard', name: '복제', weeklyHours: WEEKDAYS });
    expect(taken.statusCode).toBe(409);
    expect(paths(taken)).toEqual(['key']);
  });

  it('answers bad input with a 400 that names the field', async () => {
    const admin = await as('admin');
    const create = (body: object) =>
      admin.post('/calendars', { key: key(), name: '잘못된 달력', weeklyHours: WEEKDAYS, ...body });
    expect(paths(await create({ timeZone: 'Asia/Nowhere' }))).toEqual(['timeZone']);
    const badTime = await create({
      weeklyHours: [[], [{ start: '9:00', end: '18:00' }], [], [], [], [], []],
    });
    expect(badTime.statusCode).toBe(400);
    expect(paths(badTime)).toEqual(['weeklyHours.1.0.start']);
    expect(badTime.data.errors[0].message).toContain('HH:MM');
    expect(
      paths(await create({ weeklyHours: [[], [{ start: '18:00', end: '09:00' }], [], [], [], [], []] })),
    ).toEqual(['weeklyHours.1.0']);
    expect(paths(await create({ weeklyHours: [[], [], [], [], [], [], []] }))).toEqual(['weeklyHours']);
    expect(paths(await create({ weeklyHours: [[], []] }))).toEqual(['weeklyHours']);
    expect(paths(await create({ key: 'Upper Case' }))).toEqual(['key']);
    expect(paths(await create({ key: '0b7a4c1e-1f7e-4a53-9d3a-2b1c6a1f9e10' }))).toEqual(['key']);

    const from = encodeURIComponent(FRIDAY_FIVE);
    const calc = (query: string) => admin.get(`/calendars/kr-standard/business-time?${query}`);
    const negative = await calc(`from=${from}&minutes=-1`);
    expect(negative.statusCode).toBe(400);
    expect(paths(negative)).toEqual(['minutes']);
    expect(negative.data.errors[0].in).toBe('query');
    const both = await calc(`from=${from}&minutes=60&to=${from}`);
    expect(both.statusCode).toBe(400);
    expect(paths(both)).toEqual(['minutes', 'to']);
    expect(both.data.errors[0].message).toBe('minutes와 to 중 하나만 주어야 합니다');
    expect(paths(await calc(`from=${from}`))).toEqual(['minutes', 'to']);
    expect(paths(await calc(`from=${from}&minutes=abc`))).toEqual(['minutes']);
    expect(paths(await calc('from=tomorrow&minutes=60'))).toEqual(['from']);
    expect(paths(await calc(`from=${from}&to=2026-11-23`))).toEqual(['to']);
    expect(paths(await calc(`from=${from}&minutes=525601`))).toEqual(['minutes']);
    const farAway = await calc(`from=${from}&to=${encodeURIComponent('2046-01-01T00:00:00Z')}`);
    expect(farAway.statusCode).toBe(422);
    expect(paths(farAway)).toEqual(['to']);

    expect(paths(await admin.get('/calendars/kr-standard/holidays'))).toEqual(['year']);
    expect(paths(await admin.get('/calendars/kr-standard/holidays?year=20x6'))).toEqual(['year']);
    expect(
      paths(await admin.post('/holidays', { date: '2028-02-30', name: '없는 날', nameEn: 'No day' })),
    ).toEqual(['date']);
    expect(
      paths(
        await admin.post('/holidays', { date: '2028-05-01', name: '노동절', nameEn: 'x', kind: 'solar' }),
      ),
    ).toEqual(['kind']);
    expect(
      paths(await admin.post('/calendars/kr-standard/closures', { date: '2026-13-01', name: 'x' })),
    ).toEqual(['date']);
  });

  it('lets staff read and calculate, admins alone write, and customers nothing', async () => {
    const org = await makeOrganization();
    const customer = client(app, { cookie: (await makeUser('customer', org.id)).cookie });
    const nobody = client(app);
    const from = encodeURIComponent(FRIDAY_FIVE);
    for (const url of [
      '/calendars',
      '/calendars/kr-standard',
      '/calendars/kr-standard/holidays?year=2026',
      `/calendars/kr-standard/business-time?from=${from}&minutes=60`,
      '/holidays?year=2026',
    ]) {
      expect((await customer.get(url)).statusCode, url).toBe(403);
      expect((await nobody.get(url)).statusCode, url).toBe(401);
    }
    const calendar = await makeCalendar();
    for (const role of ['manager', 'agent', 'viewer'] as const) {
      const api = await as(role);
      expect((await api.get(`/calendars/${calendar.key}/holidays?year=2026`)).statusCode).toBe(200);
      expect(
        (await api.get(`/calendars/${calendar.key}/business-time?from=${from}&minutes=60`)).statusCode,
      ).toBe(200);
      expect(
        (await api.post('/calendars', { key: key(), name: 'x', weeklyHours: WEEKDAYS })).statusCode,
      ).toBe(403);
      expect((await api.patch(`/calendars/${calendar.key}`, { name: 'x' })).statusCode).toBe(403);
      expect(
        (await api.post(`/calendars/${calendar.key}/closures`, { date: '2026-11-23', name: 'x' })).statusCode,
      ).toBe(403);
      expect((await api.post('/holidays', { date: '2099-01-02', name: 'x', nameEn: 'x' })).statusCode).toBe(
        403,
      );
    }
  });
});
