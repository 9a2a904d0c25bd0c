import { describe, expect, it } from 'vitest';
import { client, useApp } from '../test/api.js';
import { makeContract, makeWorld } from '../test/factories.js';
import { escapeText, foldLine } from './ical.js';
import { makeTemplate } from './inspections.fixtures.js';
import { sweepInspections } from './sweep-inspections.js';

const app = useApp({ HAMKKE_PUBLIC_URL: 'https://hamkke.example.co.kr' });

type TEvent = Record<string, string>;

/** Reads an iCalendar document back as a calendar app does: unfold, split properties, unescape TEXT. */
function parseIcal(text: string): { calendar: TEvent; events: TEvent[] } {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const lines = physical.reduce<string[]>((all, line) => {
    if (line.startsWith(' ')) all[all.length - 1] += line.slice(1);
    else all.push(line);
    return all;
  }, []);
  const unescapeText = (v: string) =>
    v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  const calendar: TEvent = {};
  const events: TEvent[] = [];
  let current: TEvent | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      (current ?? calendar)[name] = unescapeText(line.slice(colon + 1));
    }
  }
  return { calendar, events };
}

const TITLE =
  'FB60 전기 오류; 세금코드 V1, 부가세\\분할 — 결산 전 긴급 처리 요청 (회계팀 김민수 과장 요청, 재현 화면 첨부)';

/** A day a week from now at a Seoul wall time, as an instant with +09:00, and its UTC iCalendar form. */
function nextWeekAt(hh: number) {
  const day = new Date(Date.now() + 7 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  const instant = `${day}T${String(hh).padStart(2, '0')}:00:00+09:00`;
  return { instant, ical: new Date(instant).toISOString().replace(/[-:]/g, '').replace('.000', '') };
}

async function fetchFeed(url: string) {
  const path = new URL(url).pathname;
  const res = await app().inject({ method: 'GET', url: path });
  return res;
}

describe('iCalendar text', () => {
  it('escapes TEXT and folds at 75 octets without splitting a Hangul syllable', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'가'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
    ).toBe(`SUMMARY:${'가'.repeat(60)}`);
  });
});

describe('calendar feeds', () => {
  it('serves a person’s planned tickets and inspections at a secret address, stable UIDs, Korean text intact', async () => {
    const w = await makeWorld();
    const agent = client(app, { cookie: w.agent.cookie });
    const manager = client(app, { cookie: w.manager.cookie });
    const ticket = await agent.post('/tickets', {
      organizationId: w.org.id,
      title: TITLE,
      assigneeId: w.agent.id,
      plannedStart: nextWeekAt(10).instant,
      plannedEnd: nextWeekAt(12).instant,
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const contract = await makeContract(w.org.id, { startsOn: '2026-01-01', endsOn: '2030-12-31' });
    const template = await makeTemplate();
    const schedule = await manager.post('/inspection-schedules', {
      contractId: contract.id,
      templateId: template.template.id,
      name: 'PRD 월간 점검, Basis',
      recurrence: { kind: 'monthly', nth: 2, weekday: 'TU' },
      assigneeId: w.agent.id,
    });
    expect(schedule.statusCode, schedule.body).toBe(201);

    const created = await agent.post('/me/calendar-feed');
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.url).toMatch(/^https:\/\/hamkke\.example\.co\.kr\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetchFeed(created.data.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const { calendar, events } = parseIcal(res.body);
    expect(calendar).toMatchObject({ VERSION: '2.0', PRODID: expect.stringContaining('Hamkke') });

    const mine = events.find((e) => e.UID === `ticket-${ticket.data.id}@hamkke`)!;
    expect(mine.SUMMARY).toBe(`[${ticket.data.number}] ${TITLE}`);
    expect(mine.DTSTART).toBe(nextWeekAt(10).ical);
    expect(mine.DTEND).toBe(nextWeekAt(12).ical);
    expect(mine.DESCRIPTION).toContain(w.org.name);
    expect(mine.URL).toBe(`https://hamkke.example.co.kr/tickets/${ticket.data.number}`);

    const planned = events.filter((e) => e.UID!.startsWith(`inspection-${schedule.data.id}-`));
    expect(planned.length).toBeGreaterThan(6);
    expect(planned[0]!.SUMMARY).toBe('[정기 점검 예정] PRD 월간 점검, Basis');
    const next = schedule.data.nextOccurrence;
    expect(planned[0]!.UID).toBe(`inspection-${schedule.data.id}-${next.occurrenceOn}@hamkke`);

    // Once the occurrence becomes a ticket, it is the same event (same UID), now with its number.
    await sweepInspections(new Date(next.createAt), { only: [schedule.data.id] });
    const after = parseIcal((await fetchFeed(created.data.url)).body).events;
    const same = after.filter((e) => e.UID === planned[0]!.UID);
    expect(same).toHaveLength(1);
    expect(same[0]!.SUMMARY).toMatch(/^\[[A-Z0-9]+-\d{6}\] \[정기 점검\] PRD 월간 점검, Basis/);

    // Rotating makes the old address 404 at once; a made-up one is 404 too.
    const rotated = await agent.post('/me/calendar-feed');
    expect(rotated.data.url).not.toBe(created.data.url);
    expect((await fetchFeed(created.data.url)).statusCode).toBe(404);
    expect((await fetchFeed(rotated.data.url)).statusCode).toBe(200);
    expect((await app().inject({ method: 'GET', url: `/ical/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await app().inject({ method: 'GET', url: '/ical/not-a-token.ics' })).statusCode).toBe(404);

    const list = await agent.get('/me/calendar-feeds');
    expect(list.data.items).toHaveLength(1);
    expect(list.body).not.toContain('/ical/');
    expect((await agent.delete(`/me/calendar-feeds/${list.data.items[0].id}`)).statusCode).toBe(204);
    expect((await fetchFeed(rotated.data.url)).statusCode).toBe(404);
  });

  it('gives managers a team feed of the team’s tickets, and no feeds to customers', async () => {
    const w = await makeWorld();
    const team = `FI팀-${w.org.code}`;
    const agent = client(app, { cookie: w.agent.cookie });
    await agent.post('/tickets', {
      organizationId: w.org.id,
      title: '월마감 전기기간 오픈 (OB52)',
      team,
      plannedStart: nextWeekAt(9).instant,
      plannedEnd: nextWeekAt(18).instant,
    });
    expect((await agent.post('/team-calendar-feeds', { team })).statusCode).toBe(403);
    const feed = await client(app, { cookie: w.manager.cookie }).post('/team-calendar-feeds', { team });
    expect(feed.statusCode, feed.body).toBe(201);
    const { calendar, events } = parseIcal((await fetchFeed(feed.data.url)).body);
    expect(calendar['X-WR-CALNAME']).toContain(team);
    expect(events.map((e) => e.SUMMARY)).toEqual([expect.stringContaining('월마감 전기기간 오픈 (OB52)')]);
    expect((await client(app, { cookie: w.customer.cookie }).post('/me/calendar-feed')).statusCode).toBe(403);
  });
});
