import type { TPriority } from '@hamkke/core';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { loadCalendars } from '../calendars/load-calendars.js';
import { db } from '../db/current.js';
import type { TTx } from '../db/database.js';
import { slaEscalations, slaPolicies, tickets } from '../db/schema.js';
import { runEvery } from '../jobs/run-every.js';
import { managerIds, notify } from '../notifications/notify.js';
import { appendEvent } from '../tickets/append-event.js';
import { deriveSla, type TSlaDerived } from './derive-sla.js';
import type { TSlaPolicyRow } from './resolve-sla.js';

type TTicketRow = typeof tickets.$inferSelect;
type TClock = 'response' | 'resolution';
type TFiring = 'at_risk' | 'breached';

export type TSweepResult = { checked: number; fired: number; recomputed: number };

const BATCH = 500;
/** At most this many batches per sweep; the rest waits for the next sweep. */
const MAX_PASSES = 200;
const LIVE = ['within', 'at_risk', 'paused'];
const RAISED: Record<TPriority, TPriority> = { P1: 'P1', P2: 'P1', P3: 'P2', P4: 'P3' };

/** The events a clock's move from `from` to `to` fires; a jump past at-risk (after downtime) fires both. */
function firings(from: string, to: string): TFiring[] {
  if (to === 'at_risk' && from === 'within') return ['at_risk'];
  if (to === 'breached' && from === 'within') return ['at_risk', 'breached'];
  if (to === 'breached' && from === 'at_risk') return ['breached'];
  return [];
}

/**
 * Records one SLA event and applies the policy's rules for it, unless it already fired: the key
 * (ticket, clock, event, cycle) is taken first, so no event fires twice, whatever the processes.
 */
async function fire(
  tx: TTx,
  t: TTicketRow,
  policy: TSlaPolicyRow,
  clock: TClock,
  kind: TFiring,
  dueAt: Date | null,
  managers: string[],
  update: Partial<TTicketRow>,
): Promise<boolean> {
  const [taken] = await tx
    .insert(slaEscalations)
    .values({ ticketId: t.id, clock, kind, cycle: t.slaCycle })
    .onConflictDoNothing()
    .returning({ ticketId: slaEscalations.ticketId });
  if (!taken) return false;
  const applied: string[] = [];
  for (const rule of policy.escalations.filter((r) => r.on === kind && r.clock === clock)) {
    if (rule.action === 'notify') {
      await notify(tx, [update.assigneeId !== undefined ? update.assigneeId : t.assigneeId, ...managers], {
        kind: `sla_${kind}`,
        ticketId: t.id,
        data: { number: t.number, title: t.title, clock, dueAt: dueAt?.toISOString() ?? null },
      });
      applied.push('notify');
    } else if (rule.action === 'raise_priority') {
      const from = (update.priority ?? t.priority) as TPriority;
      if (RAISED[from] !== from) {
        update.priority = RAISED[from];
        update.isPriorityManual = true;
        await appendEvent(tx, SYSTEM_ACTOR, t.id, {
          kind: 'changed',
          visibility: 'public',
          data: { changes: [{ field: 'priority', from, to: RAISED[from] }], reason: 'sla_escalation' },
        });
        applied.push('raise_priority');
      }
    } else if (rule.action === 'reassign_team' && rule.team) {
      await appendEvent(tx, SYSTEM_ACTOR, t.id, {
        kind: 'changed',
        visibility: 'internal',
        data: {
          changes: [
            { field: 'team', from: t.team, to: rule.team },
            { field: 'assignee', from: t.assigneeId ? { id: t.assigneeId, name: '' } : null, to: null },
          ],
          reason: 'sla_escalation',
        },
      });
      update.team = rule.team;
      update.assigneeId = null;
      applied.push('reassign_team');
    }
  }
  await appendEvent(tx, SYSTEM_ACTOR, t.id, {
    kind: 'sla',
    visibility: 'internal',
    data: { reason: kind, clock, dueAt: dueAt?.toISOString() ?? null, escalations: applied },
  });
  return true;
}

async function policiesById(tx: TTx): Promise<Map<string, TSlaPolicyRow>> {
  return new Map((await tx.select().from(slaPolicies)).map((p) => [p.id, p]));
}

/** Tickets whose next SLA moment has come: new states, fired events, escalations applied. */
async function sweepDue(now: Date): Promise<{ checked: number; fired: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(tickets)
      .where(lte(tickets.slaNextCheckAt, now))
      .orderBy(asc(tickets.slaNextCheckAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return { checked: 0, fired: 0 };
    // One after the other: a transaction is one connection, which runs one query at a time.
    const calendars = await loadCalendars(tx);
    const policies = await policiesById(tx);
    const managers = await managerIds(tx);
    let fired = 0;
    for (const t of rows) {
      const policy = t.slaPolicyId ? policies.get(t.slaPolicyId) : undefined;
      const calendar = t.slaCalendarKey ? calendars.get(t.slaCalendarKey) : undefined;
      if (!policy || !calendar) {
        await tx.update(tickets).set({ slaNextCheckAt: null }).where(eq(tickets.id, t.id));
        continue;
      }
      const derived = deriveSla(t, policy.atRiskRatio, calendar.calendar, now);
      const update: Partial<TTicketRow> = { ...derived };
      for (const clock of ['response', 'resolution'] as const) {
        const to = derived[`${clock}State`];
        for (const kind of firings(t[`${clock}State`], to)) {
          if (await fire(tx, t, policy, clock, kind, derived[`${clock}DueAt`], managers, update)) fired++;
        }
      }
      const isTouched = update.priority !== undefined || update.team !== undefined;
      await tx
        .update(tickets)
        .set({ ...update, ...(isTouched ? { version: sql`${tickets.version} + 1`, updatedAt: now } : {}) })
        .where(eq(tickets.id, t.id));
    }
    return { checked: rows.length, fired };
  });
}

/** Open tickets whose calendar changed since their due times were computed: computed anew, and said so. */
async function recomputeForCalendars(now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const calendars = await loadCalendars(tx);
    const policies = await policiesById(tx);
    let recomputed = 0;
    for (const [key, { revision, calendar }] of calendars) {
      const rows = await tx
        .select()
        .from(tickets)
        .where(
          and(
            eq(tickets.slaCalendarKey, key),
            lt(tickets.slaCalendarRevision, revision),
            inArray(tickets.slaState, LIVE),
          ),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const t of rows) {
        const policy = t.slaPolicyId ? policies.get(t.slaPolicyId) : undefined;
        if (!policy) continue;
        const derived: TSlaDerived = deriveSla(t, policy.atRiskRatio, calendar, now);
        await tx
          .update(tickets)
          .set({ ...derived, slaCalendarRevision: revision })
          .where(eq(tickets.id, t.id));
        const iso = (d: Date | null) => d?.toISOString() ?? null;
        if (
          iso(t.resolutionDueAt) !== iso(derived.resolutionDueAt) ||
          iso(t.responseDueAt) !== iso(derived.responseDueAt)
        ) {
          await appendEvent(tx, SYSTEM_ACTOR, t.id, {
            kind: 'sla',
            visibility: 'internal',
            data: {
              reason: 'recomputed',
              cause: 'calendar',
              responseDueAt: { from: iso(t.responseDueAt), to: iso(derived.responseDueAt) },
              resolutionDueAt: { from: iso(t.resolutionDueAt), to: iso(derived.resolutionDueAt) },
            },
          });
          recomputed++;
        }
      }
    }
    return recomputed;
  });
}

/**
 * One pass of the SLA job. Safe to run in several processes at once: each takes the tickets it
 * works on with SKIP LOCKED, and each SLA event fires at most once by its key. What happened while
 * no process ran is caught up on the next pass.
 */
export async function sweepSla(now = new Date()): Promise<TSweepResult> {
  const recomputed = await recomputeForCalendars(now);
  let checked = 0;
  let fired = 0;
  // Each pass moves every ticket it takes past `now`, so passes end; the cap is a safety net.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const done = await sweepDue(now);
    checked += done.checked;
    fired += done.fired;
    if (done.checked < BATCH) break;
  }
  return { checked, fired, recomputed };
}

/** Runs `sweepSla` every `intervalMs`, never two passes at once in this process. Returns the stopper. */
export function startSlaSweeper(intervalMs: number, logger: Logger): () => Promise<void> {
  return runEvery(intervalMs, logger, 'SLA sweep failed', async () => {
    const r = await sweepSla();
    if (r.fired || r.recomputed) logger.info(r, 'SLA sweep');
  });
}
