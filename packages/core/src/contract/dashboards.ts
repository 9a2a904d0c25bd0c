import { z } from 'zod';
import { PRIORITIES } from '../priority/priority.js';
import { ZActorRef, ZDate, ZUuid } from './common.js';
import { ZCsatSummaryRow } from './csat.js';
import { IMPROVEMENT_KINDS, IMPROVEMENT_METRICS, IMPROVEMENT_STATUSES } from './improvements.js';
import { ZSapModule } from './systems.js';
import { ZPersonLoad } from './team.js';

/** The figures, one route each: `GET /api/v1/dashboards/<figure>`. */
export const DASHBOARD_FIGURES = [
  'flow',
  'sla',
  'times',
  'reopen',
  'first-contact',
  'satisfaction',
  'hours',
  'load',
  'recurring',
  'abc',
  'improvements',
] as const;
export type TDashboardFigure = (typeof DASHBOARD_FIGURES)[number];
export const ZDashboardFigureParam = z.object({ figure: z.enum(DASHBOARD_FIGURES) });

/**
 * Filters every figure takes. `from`/`to` are Seoul days, inclusive (default: the 12 weeks ending
 * today); at most two years at once. `teamId` narrows tickets to the team's (`tickets.team` = its
 * name) and time to its members. `format=csv` answers CSV instead of JSON (so does `Accept: text/csv`).
 */
export const ZDashboardQuery = z
  .object({
    organizationId: ZUuid.optional(),
    module: ZSapModule.optional(),
    teamId: ZUuid.optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
    granularity: z.enum(['week', 'month']).default('week'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to must not be before from' });
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

/**
 * Click-through: the query string (no leading `?`) for `GET /api/v1/tickets` — and for the
 * workspace list's URL — that lists exactly the tickets behind a number, e.g.
 * `organizationId=…&resolvedFrom=2026-11-02T00:00:00%2B09:00&resolvedTo=…&isReopened=true`.
 */
export const ZTicketsLink = z.string();

/** What the answer was computed over, after defaults. */
export const ZDashboardScope = z.object({
  organizationId: ZUuid.nullable(),
  module: ZSapModule.nullable(),
  teamId: ZUuid.nullable(),
  /** The team's name, which tickets carry in `team`. */
  team: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['week', 'month']),
  computedAt: z.string(),
});

/** A period of the chart: an ISO week (`2026-W48`) or a month (`2026-11`), clipped to from–to. */
const period = {
  period: z.string(),
  /** First day counted (Seoul, inclusive). */
  start: z.string(),
  /** Last day counted (Seoul, inclusive). */
  end: z.string(),
};

/** A share with what it stands on: `rate` = part / (part + rest), 0–1 (4 places), null when 0 / 0. */
const ZRate = z.object({ count: z.number().int(), total: z.number().int(), rate: z.number().nullable() });

// ── flow ──────────────────────────────────────────────────────────────────────────────────────────
export const ZDashboardFlow = z.object({
  scope: ZDashboardScope,
  points: z.array(
    z.object({
      ...period,
      created: z.number().int(),
      resolved: z.number().int(),
      /** Tickets open at the end of the period's last day (created before, not resolved/closed/cancelled by then). */
      backlog: z.number().int(),
      tickets: z.object({ created: ZTicketsLink, resolved: ZTicketsLink, backlog: ZTicketsLink }),
    }),
  ),
  total: z.object({ created: z.number().int(), resolved: z.number().int() }),
});
export type TDashboardFlow = z.infer<typeof ZDashboardFlow>;

// ── sla ───────────────────────────────────────────────────────────────────────────────────────────
/** One clock's attainment: of the tickets whose clock has an outcome, how many met it. */
const ZSlaAttainment = z.object({
  met: z.number().int(),
  breached: z.number().int(),
  /** met / (met + breached), 0–1; null with neither. */
  rate: z.number().nullable(),
});
const ZSlaLinks = z.object({
  responseMet: ZTicketsLink,
  responseBreached: ZTicketsLink,
  resolutionMet: ZTicketsLink,
  resolutionBreached: ZTicketsLink,
});
const ZSlaRow = z.object({ response: ZSlaAttainment, resolution: ZSlaAttainment, tickets: ZSlaLinks });
export const ZDashboardSla = z.object({
  scope: ZDashboardScope,
  points: z.array(z.object({ ...period, ...ZSlaRow.shape })),
  byPriority: z.array(z.object({ priority: z.enum(PRIORITIES), ...ZSlaRow.shape })),
  total: ZSlaRow,
});
export type TDashboardSla = z.infer<typeof ZDashboardSla>;

// ── times ─────────────────────────────────────────────────────────────────────────────────────────
/** Wall-clock minutes: median and 90th percentile (nearest rank), null without tickets. */
const ZDuration = z.object({
  count: z.number().int(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
});
const ZTimesRow = z.object({
  /** Creation → first staff response, of tickets created in the period. */
  response: ZDuration,
  /** Creation → (last) resolution, of tickets resolved in the period. */
  resolution: ZDuration,
  tickets: z.object({ response: ZTicketsLink, resolution: ZTicketsLink }),
});
export const ZDashboardTimes = z.object({
  scope: ZDashboardScope,
  points: z.array(z.object({ ...period, ...ZTimesRow.shape })),
  total: ZTimesRow,
});
export type TDashboardTimes = z.infer<typeof ZDashboardTimes>;

// ── reopen, first-contact ─────────────────────────────────────────────────────────────────────────
/** `count` of the `total` tickets resolved in the period; `tickets.count` lists the count, `tickets.total` the total. */
const ZRateRow = z.object({
  ...ZRate.shape,
  tickets: z.object({ count: ZTicketsLink, total: ZTicketsLink }),
});
export const ZDashboardRate = z.object({
  scope: ZDashboardScope,
  points: z.array(z.object({ ...period, ...ZRateRow.shape })),
  total: ZRateRow,
});
export type TDashboardRate = z.infer<typeof ZDashboardRate>;

// ── satisfaction ──────────────────────────────────────────────────────────────────────────────────
/** The CSAT summary row (sent, responses, responseRate, average, distribution) with its tickets. */
export const ZDashboardCsatRow = ZCsatSummaryRow.extend({ tickets: ZTicketsLink });
export const ZDashboardSatisfaction = z.object({
  scope: ZDashboardScope,
  /** Per week or month of the survey (sent at resolution). */
  points: z.array(z.object({ ...period, ...ZDashboardCsatRow.shape })),
  byOrganization: z.array(ZDashboardCsatRow),
  byAgent: z.array(ZDashboardCsatRow),
  byModule: z.array(ZDashboardCsatRow),
  total: ZDashboardCsatRow,
});
export type TDashboardSatisfaction = z.infer<typeof ZDashboardSatisfaction>;

// ── hours ─────────────────────────────────────────────────────────────────────────────────────────
/** Per customer and month (always monthly): time logged on its tickets against its contracts' monthly hours. */
export const ZDashboardHours = z.object({
  scope: ZDashboardScope,
  points: z.array(
    z.object({
      ...period,
      organization: z.object({ id: ZUuid, name: z.string(), code: z.string() }),
      minutes: z.number().int(),
      billableMinutes: z.number().int(),
      hours: z.number(),
      /** Sum of `monthlyHours` of its contracts running in that month; 0 without one. */
      entitledHours: z.number(),
      /** hours / entitledHours, 0–… (4 places); null without entitlement. */
      usedShare: z.number().nullable(),
      tickets: ZTicketsLink,
    }),
  ),
});
export type TDashboardHours = z.infer<typeof ZDashboardHours>;

// ── load ──────────────────────────────────────────────────────────────────────────────────────────
/** `GET /team/load` for the team (or everyone); organization, module and period do not apply. */
export const ZDashboardLoad = z.object({
  scope: ZDashboardScope,
  weekStart: z.string(),
  points: z.array(ZPersonLoad.extend({ tickets: ZTicketsLink })),
});
export type TDashboardLoad = z.infer<typeof ZDashboardLoad>;

// ── recurring ─────────────────────────────────────────────────────────────────────────────────────
export const ZDashboardRecurring = z.object({
  scope: ZDashboardScope,
  points: z.array(
    z.object({
      organization: z.object({ id: ZUuid, name: z.string() }),
      sharedBy: z.enum(['system', 'module']),
      systemId: ZUuid.nullable(),
      module: ZSapModule.nullable(),
      sharedWords: z.array(z.string()),
      firstAt: z.string(),
      lastAt: z.string(),
      count: z.number().int(),
      tickets: ZTicketsLink,
    }),
  ),
});
export type TDashboardRecurring = z.infer<typeof ZDashboardRecurring>;

// ── abc ───────────────────────────────────────────────────────────────────────────────────────────
const ZAbc = z.object({ A: z.number(), B: z.number(), C: z.number() });
/** `GET /team/hours-split` (always weekly) with the tickets the time was logged on, per class. */
export const ZDashboardAbc = z.object({
  scope: ZDashboardScope,
  points: z.array(
    z.object({
      ...period,
      minutes: ZAbc,
      totalMinutes: z.number().int(),
      share: ZAbc,
      tickets: z.object({ A: ZTicketsLink, B: ZTicketsLink, C: ZTicketsLink }),
    }),
  ),
  total: z.object({ minutes: ZAbc, totalMinutes: z.number().int(), share: ZAbc }),
});
export type TDashboardAbc = z.infer<typeof ZDashboardAbc>;

// ── improvements ──────────────────────────────────────────────────────────────────────────────────
const ZMeasured = z.object({
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  tickets: ZTicketsLink,
});
/** Improvement items (not dropped) with their metric: before (stored), target, after (stored, or live while measuring). */
export const ZDashboardImprovements = z.object({
  scope: ZDashboardScope,
  points: z.array(
    z.object({
      id: ZUuid,
      title: z.string(),
      kind: z.enum(IMPROVEMENT_KINDS),
      status: z.enum(IMPROVEMENT_STATUSES),
      owner: ZActorRef.nullable(),
      metric: z.enum(IMPROVEMENT_METRICS).nullable(),
      organizationId: ZUuid.nullable(),
      module: z.string().nullable(),
      before: ZMeasured.nullable(),
      targetValue: z.number().nullable(),
      after: ZMeasured.nullable(),
      /** (after − before) / before, 4 places; null unless both are known and before ≠ 0. */
      change: z.number().nullable(),
    }),
  ),
});
export type TDashboardImprovements = z.infer<typeof ZDashboardImprovements>;

/** The response schema of each figure (feeds `/api/docs`). */
export const DASHBOARD_RESPONSES = {
  flow: ZDashboardFlow,
  sla: ZDashboardSla,
  times: ZDashboardTimes,
  reopen: ZDashboardRate,
  'first-contact': ZDashboardRate,
  satisfaction: ZDashboardSatisfaction,
  hours: ZDashboardHours,
  load: ZDashboardLoad,
  recurring: ZDashboardRecurring,
  abc: ZDashboardAbc,
  improvements: ZDashboardImprovements,
} as const satisfies Record<TDashboardFigure, z.ZodType>;
