import { canTransition, isOpenStatus, type TTicketStatus } from '@hamkke/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/current.js';
import { comments, organizations, ticketEvents, tickets, timeEntries, users } from '../db/schema.js';
import { client, useApp } from '../test/api.js';
import { DEMO_ORGANIZATIONS } from './demo-organizations.js';
import { DEMO_AGENTS, DEMO_PASSWORD } from './demo-staff.js';
import { loadDemo, type TDemoSummary } from './load-demo.js';

const app = useApp();
const CODES = DEMO_ORGANIZATIONS.map((o) => o.code);
const CUSTOMER_COUNT = DEMO_ORGANIZATIONS.reduce((n, o) => n + o.customers.length, 0);
/** Manager, agents and viewer. */
const STAFF_COUNT = DEMO_AGENTS.length + 2;

// The run's database is shared with other test files; everything here is counted within the demo organizations.
let first: TDemoSummary;
let loadMs: number;
let demoOrgs: (typeof organizations.$inferSelect)[];
let demoTickets: (typeof tickets.$inferSelect)[];

beforeAll(async () => {
  const started = performance.now();
  first = await loadDemo();
  loadMs = performance.now() - started;
  demoOrgs = await db.select().from(organizations).where(inArray(organizations.code, CODES));
  demoTickets = await db
    .select()
    .from(tickets)
    .where(
      inArray(
        tickets.organizationId,
        demoOrgs.map((o) => o.id),
      ),
    )
    .orderBy(asc(tickets.createdAt), asc(tickets.number));
}, 60_000);

const eventsOfDemo = () =>
  db
    .select({
      id: ticketEvents.id,
      ticketId: ticketEvents.ticketId,
      kind: ticketEvents.kind,
      subjectId: ticketEvents.subjectId,
      data: ticketEvents.data,
      createdAt: ticketEvents.createdAt,
    })
    .from(ticketEvents)
    .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
    .where(
      inArray(
        tickets.organizationId,
        demoOrgs.map((o) => o.id),
      ),
    )
    .orderBy(asc(ticketEvents.id));

async function signIn(): Promise<string> {
  const login = await client(app).post('/auth/login', {
    email: DEMO_AGENTS[0]!.email,
    password: DEMO_PASSWORD,
  });
  const setCookie = login.headers['set-cookie'];
  return String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
}

describe('loadDemo', () => {
  it('loads the demo customers, their users and a few hundred tickets, quickly', async () => {
    expect(first.skipped).toBe(false);
    expect(first.organizations).toBe(DEMO_ORGANIZATIONS.length);
    expect(demoOrgs).toHaveLength(DEMO_ORGANIZATIONS.length);
    expect(first.users).toBe(STAFF_COUNT + CUSTOMER_COUNT);
    expect(first.tickets).toBe(demoTickets.length);
    expect(demoTickets.length).toBeGreaterThanOrEqual(300);
    expect(demoTickets.length).toBeLessThanOrEqual(400);
    expect(loadMs).toBeLessThan(20_000);
    const customers = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(
        and(
          eq(users.role, 'customer'),
          inArray(
            users.organizationId,
            demoOrgs.map((o) => o.id),
          ),
        ),
      );
    expect(customers[0]!.n).toBe(CUSTOMER_COUNT);
    expect(demoOrgs.every((o) => o.specialNotes.length > 0)).toBe(true);
  });

  it('gives every ticket exactly one created event, first in its timeline', async () => {
    const events = await eventsOfDemo();
    const firstKind = new Map<string, string>();
    const created = new Map<string, number>();
    for (const e of events) {
      if (!firstKind.has(e.ticketId)) firstKind.set(e.ticketId, e.kind);
      if (e.kind === 'created') created.set(e.ticketId, (created.get(e.ticketId) ?? 0) + 1);
    }
    for (const t of demoTickets) {
      expect(created.get(t.id), t.number).toBe(1);
      expect(firstKind.get(t.id), t.number).toBe('created');
    }
  });

  it('numbers tickets per organization without gaps, in creation order, and continues from there', async () => {
    for (const org of demoOrgs) {
      const own = demoTickets.filter((t) => t.organizationId === org.id);
      const numbers = own.map((t) => t.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers).toEqual(own.map((_, i) => `${org.code}-${String(i + 1).padStart(6, '0')}`));
      expect(org.ticketSeq).toBe(own.length);
    }
  });

  it('tells each timeline consistently: legal status moves ending in the ticket status, subjects that exist', async () => {
    const events = await eventsOfDemo();
    const commentIds = new Set(
      (
        await db
          .select({ id: comments.id })
          .from(comments)
          .where(
            inArray(
              comments.ticketId,
              demoTickets.map((t) => t.id),
            ),
          )
      ).map((c) => c.id),
    );
    const timeIds = new Set(
      (
        await db
          .select({ id: timeEntries.id })
          .from(timeEntries)
          .where(
            inArray(
              timeEntries.ticketId,
              demoTickets.map((t) => t.id),
            ),
          )
      ).map((e) => e.id),
    );
    const status = new Map<string, TTicketStatus>(demoTickets.map((t) => [t.id, 'new']));
    const lastAt = new Map<string, number>();
    for (const e of events) {
      expect(e.createdAt.getTime()).toBeGreaterThanOrEqual(lastAt.get(e.ticketId) ?? 0);
      lastAt.set(e.ticketId, e.createdAt.getTime());
      if (e.kind === 'comment') expect(commentIds.has(e.subjectId!)).toBe(true);
      if (e.kind === 'time_entry') expect(timeIds.has(e.subjectId!)).toBe(true);
      if (e.kind !== 'changed') continue;
      const changes = e.data.changes as { field: string; from: TTicketStatus; to: TTicketStatus }[];
      const move = changes.find((c) => c.field === 'status')!;
      expect(move.from).toBe(status.get(e.ticketId));
      expect(canTransition(move.from, move.to)).toBe(true);
      status.set(e.ticketId, move.to);
    }
    for (const t of demoTickets) {
      expect(t.status, t.number).toBe(status.get(t.id));
      expect(t.updatedAt.getTime()).toBe(lastAt.get(t.id));
      expect(t.updatedAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(Boolean(t.resolvedAt)).toBe(t.status === 'resolved' || t.status === 'closed');
      expect(Boolean(t.closedAt)).toBe(t.status === 'closed');
    }
    // Old tickets are finished, recent ones still being worked.
    const statuses = demoTickets.map((t) => t.status as TTicketStatus);
    expect(statuses).toContain('closed');
    expect(statuses.some(isOpenStatus)).toBe(true);
  });

  it('gives the tickets SLA clocks: met or breached when done, running for the open ones', async () => {
    const measured = demoTickets.filter((t) => t.status !== 'cancelled');
    expect(measured.every((t) => t.slaState !== 'none' && t.resolutionDueAt !== null)).toBe(true);
    for (const t of measured.filter((x) => x.status === 'closed'))
      expect(['met', 'breached']).toContain(t.resolutionState);
    const open = measured.filter((t) => isOpenStatus(t.status as TTicketStatus));
    expect(open.every((t) => ['within', 'at_risk', 'breached', 'paused'].includes(t.resolutionState))).toBe(
      true,
    );
    expect(demoTickets.filter((t) => t.status === 'cancelled').every((t) => t.slaState === 'none')).toBe(
      true,
    );
  });

  it('skips a second load and adds nothing', async () => {
    const again = await loadDemo();
    expect(again).toEqual({ ...first, skipped: true });
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(
        inArray(
          tickets.organizationId,
          demoOrgs.map((o) => o.id),
        ),
      );
    expect(row!.n).toBe(demoTickets.length);
  });

  it('gives each inspection the Basis checklist: answered in full once resolved, findings with follow-ups', async () => {
    const inspections = demoTickets.filter((t) => t.type === 'inspection');
    expect(inspections.length).toBeGreaterThan(5);
    const cookie = await signIn();
    const checklists = await Promise.all(
      inspections.map(async (t) => ({
        t,
        res: await client(app, { cookie }).get(`/tickets/${t.id}/inspection`),
      })),
    );
    let warnings = 0;
    let followUps = 0;
    for (const { t, res } of checklists) {
      expect(res.statusCode, t.number).toBe(200);
      const { summary, items } = res.data;
      expect(summary.total, t.number).toBe(10);
      if (t.status === 'resolved' || t.status === 'closed') {
        expect(summary.unanswered, t.number).toBe(0);
        expect(res.data.completedAt, t.number).not.toBeNull();
      } else expect(res.data.completedAt, t.number).toBeNull();
      warnings += summary.warning;
      for (const item of items.filter(
        (i: { answer: { result: string } | null }) => i.answer?.result === 'failed',
      )) {
        expect(item.answer.note, t.number).not.toBe('');
        const followUp = demoTickets.find((f) => f.id === item.answer.followUp?.id);
        if (!followUp) continue; // a failure found minutes ago may not have its follow-up yet
        followUps += 1;
        expect(followUp).toMatchObject({
          organizationId: t.organizationId,
          type: 'incident',
          systemId: t.systemId,
        });
        expect(followUp.title).toBe(`[점검 후속] ${item.title}`);
        expect(followUp.createdAt.getTime()).toBeGreaterThan(t.createdAt.getTime());
      }
    }
    expect(warnings).toBeGreaterThan(0);
    expect(followUps).toBeGreaterThan(0);
  });

  it('lets a demo agent sign in with the demo password and list the tickets', async () => {
    const login = await client(app).post('/auth/login', {
      email: DEMO_AGENTS[0]!.email,
      password: DEMO_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    expect(login.data.role).toBe('agent');
    const setCookie = login.headers['set-cookie'];
    const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
    const hnx = demoOrgs.find((o) => o.code === 'HNX')!;
    const list = await client(app, { cookie }).get(`/tickets?organizationId=${hnx.id}&limit=10`);
    expect(list.statusCode).toBe(200);
    expect(list.data.items).toHaveLength(10);
    expect(list.data.items[0].number).toMatch(/^HNX-\d{6}$/);
  });
});
