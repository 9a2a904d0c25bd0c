import { businessMinutesBetween, type TPriority } from '@hamkke/core';
import { loadCalendar, loadCalendars } from '../calendars/load-calendars.js';
import type { TDbOrTx } from '../db/database.js';
import type { tickets } from '../db/schema.js';
import { deriveSla, NO_SLA } from './derive-sla.js';
import { policyOf, resolveSla, type TSlaPolicyRow, type TSlaSettings } from './resolve-sla.js';

type TTicketRow = typeof tickets.$inferSelect;
export type TSlaPatch = Partial<typeof tickets.$inferInsert>;

/** A change of due times that the timeline records. */
export type TSlaRecompute = {
  cause: 'priority' | 'contract' | 'calendar';
  responseDueAt: { from: string | null; to: string | null };
  resolutionDueAt: { from: string | null; to: string | null };
};

const STOPPING = ['resolved', 'closed'];
const isPausing = (policy: TSlaPolicyRow | null, status: string) =>
  STOPPING.includes(status) || Boolean(policy?.pauseStatuses.includes(status));
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A calendar from this process's snapshot (reference data, at most a second old), else read now. */
async function calendarOf(tx: TDbOrTx, key: string | null) {
  if (!key) return null;
  return (await loadCalendars(tx, { maySnapshot: true })).get(key) ?? (await loadCalendar(key, tx));
}

/** SLA columns of a ticket about to be created at `createdAt`. */
export async function slaForNewTicket(
  tx: TDbOrTx,
  settings: TSlaSettings | null,
  draft: { status: string; createdAt: Date },
): Promise<TSlaPatch> {
  const calendar = settings ? await calendarOf(tx, settings.calendarKey) : null;
  if (!settings || !calendar) return {};
  const inputs = {
    createdAt: draft.createdAt,
    status: draft.status,
    resolvedAt: null,
    firstResponseAt: null,
    responseTargetMin: settings.responseTargetMin,
    resolutionTargetMin: settings.resolutionTargetMin,
    responsePausedMin: 0,
    resolutionPausedMin: 0,
    slaPausedSince: null,
  };
  return {
    slaPolicyId: settings.policy.id,
    slaCalendarKey: settings.calendarKey,
    slaCalendarRevision: calendar.revision,
    responseTargetMin: settings.responseTargetMin,
    resolutionTargetMin: settings.resolutionTargetMin,
    ...deriveSla(inputs, settings.policy.atRiskRatio, calendar.calendar, draft.createdAt),
  };
}

/**
 * The SLA columns after a change of `before` into `after`: pauses open and close with the status
 * (waiting for the customer, by policy; resolved and closed stop the clock, a reopen resumes it), a
 * new priority or contract brings new targets and due times, and everything is derived anew.
 */
export async function slaAfterChange(
  tx: TDbOrTx,
  before: TTicketRow,
  after: TTicketRow,
  now: Date,
): Promise<{ patch: TSlaPatch; recompute: TSlaRecompute | null }> {
  const patch: TSlaPatch = {};
  const isRetargeted = before.priority !== after.priority || before.contractId !== after.contractId;
  let policy = await policyOf(tx, after.slaPolicyId);
  if (!after.slaPolicyId && !isRetargeted) return { patch, recompute: null };

  const current = await calendarOf(tx, before.slaCalendarKey);
  const wasPaused = before.slaPausedSince !== null;
  const willPause = isPausing(policy, after.status);
  if (wasPaused && !willPause && current) {
    const paused = Math.max(0, businessMinutesBetween(before.slaPausedSince!, now, current.calendar));
    if (!before.firstResponseAt) patch.responsePausedMin = before.responsePausedMin + paused;
    patch.resolutionPausedMin = before.resolutionPausedMin + paused;
    patch.slaPausedSince = null;
  } else if (!wasPaused && willPause) {
    patch.slaPausedSince = now;
  }

  let recompute: TSlaRecompute | null = null;
  if (isRetargeted) {
    const settings = await resolveSla(tx, after.contractId, after.priority as TPriority);
    policy = settings?.policy ?? null;
    Object.assign(patch, {
      slaPolicyId: settings?.policy.id ?? null,
      slaCalendarKey: settings?.calendarKey ?? null,
      responseTargetMin: settings?.responseTargetMin ?? null,
      resolutionTargetMin: settings?.resolutionTargetMin ?? null,
      slaCycle: before.slaCycle + 1,
    });
  }
  const calendarKey = patch.slaCalendarKey !== undefined ? patch.slaCalendarKey : after.slaCalendarKey;
  const calendar = await calendarOf(tx, calendarKey);
  if (!calendar || !policy) {
    return { patch: { ...patch, ...NO_SLA }, recompute: null };
  }
  patch.slaCalendarRevision = calendar.revision;
  const derived = deriveSla({ ...after, ...patch } as TTicketRow, policy.atRiskRatio, calendar.calendar, now);
  if (isRetargeted) {
    recompute = {
      cause: before.priority !== after.priority ? 'priority' : 'contract',
      responseDueAt: { from: iso(before.responseDueAt), to: iso(derived.responseDueAt) },
      resolutionDueAt: { from: iso(before.resolutionDueAt), to: iso(derived.resolutionDueAt) },
    };
  }
  return { patch: { ...patch, ...derived }, recompute };
}
