import type { TLevel } from '@hamkke/core';
import { and, asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { db as currentDb } from '../db/current.js';
import type { TDb, TTx } from '../db/database.js';
import {
  contracts,
  inspectionOccurrences,
  inspectionRuns,
  inspectionSchedules,
  type inspectionTemplateVersions,
  systems,
} from '../db/schema.js';
import { runEvery } from '../jobs/run-every.js';
import { insertStaffTicket } from './insert-ticket.js';
import { nextNominal, occurrenceOf } from './occurrences.js';
import { calendarOfKey, type TScheduleRow } from './schedules.js';
import { ensureStandardTemplates } from './standard-templates.js';
import { currentTemplateVersion } from './templates.js';

export type TInspectionSweepResult = { schedules: number; created: number };

const BATCH = 50;
/** Occurrences one schedule may catch up in one pass (a long downtime of a daily RRULE); the rest next pass. */
const MAX_PER_SCHEDULE = 100;
const MAX_PASSES = 100;

type TVersionRow = typeof inspectionTemplateVersions.$inferSelect;

/** What every ticket of a schedule shares: the template's current version and the system's name. */
async function scheduleContext(tx: TTx, s: TScheduleRow): Promise<{ v: TVersionRow; on: string }> {
  const version = await currentTemplateVersion(tx, s.templateId);
  const [system] = s.systemId
    ? await tx
        .select({ sid: systems.sid, client: systems.client })
        .from(systems)
        .where(eq(systems.id, s.systemId))
    : [];
  return {
    v: version!,
    on: system ? ` (${system.sid}${system.client ? `/${system.client}` : ''})` : '',
  };
}

/** Opens the inspection ticket of one occurrence, with its checklist at the template's current version. */
async function openInspection(
  tx: TTx,
  s: TScheduleRow,
  { v, on }: { v: TVersionRow; on: string },
  o: ReturnType<typeof occurrenceOf>,
) {
  const ticket = await insertStaffTicket(tx, SYSTEM_ACTOR, {
    organizationId: s.organizationId,
    contractId: s.contractId,
    systemId: s.systemId,
    module: v.module,
    type: 'inspection',
    title: `[정기 점검] ${s.name} ${o.dueOn}${on}`,
    description: `${v.name} (v${v.version}) — 점검 예정일 ${o.dueOn}${
      o.dueOn !== o.occurrenceOn ? ` (원래 ${o.occurrenceOn}, 영업일로 이동)` : ''
    }\n\n${v.description}`,
    impact: s.impact as TLevel,
    urgency: s.urgency as TLevel,
    assigneeId: s.assigneeId,
    team: s.team,
    plannedStart: o.plannedStart,
    plannedEnd: o.plannedEnd,
  });
  await tx.insert(inspectionRuns).values({
    ticketId: ticket.id,
    templateVersionId: v.id,
    scheduleId: s.id,
    occurrenceOn: o.occurrenceOn,
  });
  return ticket;
}

/** One batch of schedules whose next ticket is due: each occurrence up to `now` becomes a ticket once. */
async function sweepBatch(
  db: TDb,
  now: Date,
  only: string[] | undefined,
): Promise<{ schedules: number; created: number }> {
  return db.transaction(async (tx) => {
    // SKIP LOCKED: another process works on the schedules it took; this one takes the rest.
    const rows = await tx
      .select({ s: inspectionSchedules, calendarKey: contracts.calendarKey })
      .from(inspectionSchedules)
      .innerJoin(contracts, eq(contracts.id, inspectionSchedules.contractId))
      .where(
        and(
          eq(inspectionSchedules.status, 'active'),
          isNotNull(inspectionSchedules.nextCreateAt),
          lte(inspectionSchedules.nextCreateAt, now),
          only ? inArray(inspectionSchedules.id, only) : undefined,
        ),
      )
      .orderBy(asc(inspectionSchedules.nextCreateAt))
      .limit(BATCH)
      .for('update', { of: inspectionSchedules, skipLocked: true });
    let created = 0;
    for (const { s, calendarKey } of rows) {
      const calendar = await calendarOfKey(tx, calendarKey);
      let next: string | null = s.nextOccurrenceOn;
      let occurrence = next ? occurrenceOf(s, calendar, next) : null;
      let context: Awaited<ReturnType<typeof scheduleContext>> | null = null;
      for (let n = 0; occurrence && occurrence.createAt <= now && n < MAX_PER_SCHEDULE; n++) {
        // The key (schedule, date) is taken first: whatever ran before, this occurrence has one ticket.
        const [taken] = await tx
          .select({ on: inspectionOccurrences.occurrenceOn })
          .from(inspectionOccurrences)
          .where(
            and(
              eq(inspectionOccurrences.scheduleId, s.id),
              eq(inspectionOccurrences.occurrenceOn, occurrence.occurrenceOn),
            ),
          );
        if (!taken) {
          context ??= await scheduleContext(tx, s);
          const ticket = await openInspection(tx, s, context, occurrence);
          await tx.insert(inspectionOccurrences).values({
            scheduleId: s.id,
            occurrenceOn: occurrence.occurrenceOn,
            dueOn: occurrence.dueOn,
            ticketId: ticket.id,
          });
          created++;
        }
        next = nextNominal(s, occurrence.occurrenceOn);
        occurrence = next ? occurrenceOf(s, calendar, next) : null;
      }
      await tx
        .update(inspectionSchedules)
        .set({
          nextOccurrenceOn: next,
          nextCreateAt: occurrence?.createAt ?? null,
          ...(next === null ? { status: 'ended' as const } : {}),
        })
        .where(eq(inspectionSchedules.id, s.id));
    }
    return { schedules: rows.length, created };
  });
}

/**
 * One pass of the inspection job: every occurrence whose creation time has come (lead time before
 * its due date) becomes an `inspection` ticket, also those missed while no process ran. Safe in
 * several processes at once: schedules are taken with SKIP LOCKED, and the primary key of
 * `inspection_occurrences` (schedule, date), written in the ticket's transaction, refuses a second.
 * `db` is the pool to run on (a second pool stands for a second process in tests); `only` limits
 * the pass to some schedules.
 */
export async function sweepInspections(
  now = new Date(),
  { db = currentDb, only }: { db?: TDb; only?: string[] } = {},
): Promise<TInspectionSweepResult> {
  let schedules = 0;
  let created = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const done = await sweepBatch(db, now, only);
    schedules += done.schedules;
    created += done.created;
    if (done.schedules < BATCH) break;
  }
  return { schedules, created };
}

/** Seeds the standard templates, then runs `sweepInspections` every `intervalMs`, one pass at a time. */
export function startInspectionScheduler(intervalMs: number, logger: Logger): () => Promise<void> {
  const seeding = currentDb
    .transaction((tx) => ensureStandardTemplates(tx))
    .catch((error: unknown) => logger.error({ err: error }, 'inspection templates not seeded'));
  return runEvery(
    intervalMs,
    logger,
    'inspection sweep failed',
    async () => {
      const r = await sweepInspections();
      if (r.created) logger.info(r, 'inspection sweep');
    },
    seeding,
  );
}
