import { randomUUID } from 'node:crypto';
import { count, inArray, sql } from 'drizzle-orm';
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit/record-audit.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { db } from '../db/current.js';
import type { TDbOrTx, TTx } from '../db/database.js';
import {
  comments,
  contracts,
  organizations,
  systems,
  ticketEvents,
  tickets,
  timeEntries,
  users,
} from '../db/schema.js';
import { backfillTicketSearch } from '../search/refresh-ticket-search.js';
import { buildDemoTickets } from './build-demo-tickets.js';
import { loadDemoArticles } from './demo-articles.js';
import { addMinutes } from './demo-clock.js';
import { DEMO_ORGANIZATIONS, type TDemoOrganization } from './demo-organizations.js';
import type { TDemoOrgRef, TDemoStaffRef } from './demo-refs.js';
import { withDemoSla } from './demo-sla.js';
import { DEMO_AGENTS, DEMO_MANAGER, DEMO_PASSWORD, DEMO_VIEWER } from './demo-staff.js';
import { insertDemoChecklists } from './insert-demo-checklists.js';

export type TDemoSummary = { skipped: boolean; organizations: number; users: number; tickets: number };

/** Advisory lock key, so two processes started with --demo together load the data once. */
const DEMO_LOCK = 72_690_003;
const DEMO_CODES = DEMO_ORGANIZATIONS.map((o) => o.code);
const DEMO_EMAILS = [
  DEMO_MANAGER,
  DEMO_VIEWER,
  ...DEMO_AGENTS,
  ...DEMO_ORGANIZATIONS.flatMap((o) => o.customers),
].map((p) => p.email);
const BATCH_SIZE = 500;

async function insertInBatches<T extends PgTable>(
  tx: TTx,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE)
    await tx.insert(table).values(rows.slice(i, i + BATCH_SIZE));
}

/** The first day of the month `monthsAgo` before this one, and the day before the same date a year on. */
function contractPeriod(now: Date, monthsAgo: number): { startsOn: string; endsOn: string } {
  const seoul = addMinutes(now, 9 * 60);
  const [year, month] = [seoul.getUTCFullYear(), seoul.getUTCMonth()];
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return {
    startsOn: day(Date.UTC(year, month - monthsAgo, 1)),
    endsOn: day(Date.UTC(year, month - monthsAgo + 12, 0)),
  };
}

/** `2026-03-01` → `2026.03`, as a contract period is written. */
const yearMonth = (date: string) => date.slice(0, 7).replace('-', '.');

/** What is there already, counted the same way as a fresh load. */
async function presentSummary(tx: TDbOrTx): Promise<TDemoSummary> {
  const orgs = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(inArray(organizations.code, DEMO_CODES));
  if (orgs.length === 0) return { skipped: false, organizations: 0, users: 0, tickets: 0 };
  const [userCount] = await tx
    .select({ n: count() })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, DEMO_EMAILS));
  const [ticketCount] = await tx
    .select({ n: count() })
    .from(tickets)
    .where(
      inArray(
        tickets.organizationId,
        orgs.map((o) => o.id),
      ),
    );
  return { skipped: true, organizations: orgs.length, users: userCount!.n, tickets: ticketCount!.n };
}

/** Gives every organization, system, contract and customer its id, and the refs tickets are built from. */
function planOrganization(demo: TDemoOrganization, now: Date) {
  const id = randomUUID();
  const period = contractPeriod(now, demo.contract.startedMonthsAgo);
  const createdAt = new Date(`${period.startsOn}T09:00:00+09:00`);
  const systemRows = demo.systems.map((s) => ({ ...s, id: randomUUID(), organizationId: id, createdAt }));
  const erp = (tier: 'DEV' | 'QAS' | 'PRD') =>
    systemRows.find((s) => s.tier === tier && !/BW|BTP/.test(s.product) && s.client !== '200')!;
  const bw = systemRows.find((s) => s.product.includes('BW'));
  const btp = systemRows.find((s) => s.product.includes('BTP'));
  const contract = {
    id: randomUUID(),
    organizationId: id,
    name: `${period.startsOn.slice(0, 4)}년 SAP AMS 운영 계약 (${yearMonth(period.startsOn)}~${yearMonth(period.endsOn)})`,
    ...period,
    services: demo.contract.services,
    monthlyHours: demo.contract.monthlyHours,
    calendarKey: 'kr-standard',
    inspectionCadence: demo.contract.inspectionCadence,
    notes: demo.contract.notes,
    createdAt,
  };
  const customers = demo.customers.map((c) => ({ ...c, id: randomUUID() }));
  const ref: TDemoOrgRef = {
    id,
    code: demo.code,
    name: demo.name,
    companyCode: demo.companyCode,
    plants: demo.plants,
    contractId: contract.id,
    monthlyHours: demo.contract.monthlyHours,
    inspectionCadence: demo.contract.inspectionCadence,
    modules: new Set(['BC', ...demo.systems.flatMap((s) => s.modules)]),
    devSid: erp('DEV').sid,
    prdSid: erp('PRD').sid,
    systemIds: { DEV: erp('DEV').id, QAS: erp('QAS').id, PRD: erp('PRD').id, BW: bw?.id, BTP: btp?.id },
    customers,
  };
  return { demo, ref, createdAt, systemRows, contract, customers };
}

/**
 * Loads the Korean demo data set: customers with their systems, contracts and special notes, the AMS
 * team and customer users (password `hamkke-demo-1234`), and a few hundred tickets of the last four
 * months with their timelines. All or nothing, in one transaction; skipped when already loaded.
 */
export async function loadDemo(now: Date = new Date()): Promise<TDemoSummary> {
  const already = await presentSummary(db);
  if (already.skipped) return already;
  // Hashed once for every demo user: argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
    const present = await presentSummary(tx);
    if (present.skipped) return present;

    const plans = DEMO_ORGANIZATIONS.map((o) => planOrganization(o, now));
    const teamSince = new Date(Math.min(...plans.map((p) => p.createdAt.getTime())));
    const manager = { ...DEMO_MANAGER, id: randomUUID() };
    const agents = DEMO_AGENTS.map((a) => ({ ...a, id: randomUUID() }));
    const viewer = { ...DEMO_VIEWER, id: randomUUID() };
    const staff: TDemoStaffRef = { manager, agents };
    const built = buildDemoTickets(
      plans.map((p) => p.ref),
      staff,
      now,
    );

    const user = (
      p: { id: string; name: string; email: string },
      role: 'manager' | 'agent' | 'viewer' | 'customer',
      organizationId: string | null,
      createdAt: Date,
    ) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      role,
      organizationId,
      passwordHash,
      locale: 'ko' as const,
      createdAt,
    });
    const userRows = [
      user(manager, 'manager', null, teamSince),
      ...agents.map((a) => user(a, 'agent', null, teamSince)),
      user(viewer, 'viewer', null, teamSince),
      ...plans.flatMap((p) => p.customers.map((c) => user(c, 'customer', p.ref.id, p.createdAt))),
    ];

    await insertInBatches(
      tx,
      organizations,
      plans.map((p) => ({
        id: p.ref.id,
        name: p.demo.name,
        code: p.demo.code,
        specialNotes: p.demo.specialNotes,
        ticketSeq: built.ticketSeq.get(p.ref.id) ?? 0,
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
      })),
    );
    await insertInBatches(
      tx,
      systems,
      plans.flatMap((p) => p.systemRows.map((s) => ({ ...s, updatedAt: s.createdAt }))),
    );
    await insertInBatches(
      tx,
      contracts,
      plans.map((p) => ({ ...p.contract, updatedAt: p.contract.createdAt })),
    );
    await insertInBatches(tx, users, userRows);
    await insertInBatches(tx, tickets, await withDemoSla(tx, built.tickets, built.comments, now));
    await insertInBatches(tx, comments, built.comments);
    await insertInBatches(tx, timeEntries, built.timeEntries);
    await insertInBatches(tx, ticketEvents, built.events);
    await insertDemoChecklists(tx, built.checklists);
    await backfillTicketSearch(tx);
    await loadDemoArticles(
      tx,
      plans.map((p) => p.ref.id),
    );

    const summary: TDemoSummary = {
      skipped: false,
      organizations: plans.length,
      users: userRows.length,
      tickets: built.tickets.length,
    };
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'load_demo',
      entityType: 'demo',
      entityId: null,
      after: { ...summary, comments: built.comments.length, events: built.events.length },
    });
    return summary;
  });
}
