import { z } from 'zod';
import { SAP_MODULES, TICKET_TYPES } from '../lists.js';
import { PRIORITIES } from '../priority/priority.js';
import { TICKET_STATUSES } from '../status/status.js';
import { ZActorRef, ZLocale, ZUuid } from './common.js';
import { ZMonth } from './contracts.js';

// The monthly operations report (운영 보고) of one customer. Its figures are computed by the server
// from tickets, SLA clocks, time entries, inspections and CSAT; once a manager signs it, the figures
// are frozen as a snapshot. Fields are only ever added to this shape, never changed.

export const REPORT_STATUSES = ['draft', 'signed'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export const REPORT_FORMATS = ['json', 'pdf', 'xlsx'] as const;
export const ZReportFormat = z.enum(REPORT_FORMATS);
export const REPORT_TIME_UNITS = ['business_minutes', 'minutes'] as const;

const ZCount = z.number().int().min(0);
const ZOrgRef = z.object({ id: ZUuid, name: z.string(), code: z.string() });

/** Tickets of one group: created in the month, and resolved / closed in the month (whenever created). */
const ZTicketCounts = z.object({ created: ZCount, resolved: ZCount, closed: ZCount });
const zBreakdown = <T extends z.ZodType>(key: T) => z.array(ZTicketCounts.extend({ key }));

/**
 * SLA clocks settled in the month, each counted once: `met` in the month it stopped (first response /
 * resolution) by its due time; `breached` in the month its due time passed without it stopping in time
 * (stopped late or still running). Cancelled tickets and tickets without an SLA are not counted.
 */
export const ZSlaAttainment = z.object({
  met: ZCount,
  breached: ZCount,
  /** met / (met + breached) × 100, one decimal; null when nothing settled. */
  attainmentPercent: z.number().nullable(),
});
export type TSlaAttainment = z.infer<typeof ZSlaAttainment>;

/** Durations of the clocks that stopped in the month. */
export const ZDurationStats = z.object({
  count: ZCount,
  /** Mean, rounded to whole units; null when count is 0. */
  mean: z.number().nullable(),
  /** 90th percentile (nearest rank), null when count is 0. */
  p90: z.number().nullable(),
});
export type TDurationStats = z.infer<typeof ZDurationStats>;

const ZWorkClassHours = z.object({ A: z.number(), B: z.number(), C: z.number() });

export const ZHoursMonth = z.object({
  month: ZMonth,
  /** Billable hours (one decimal) on the organization's tickets, by time-entry date. */
  hours: z.number(),
  /** Sum of the monthly hours of contracts in force that month. */
  entitlement: z.number(),
  /** All hours (billable and not) split by work class A/B/C. */
  byWorkClass: ZWorkClassHours,
});
export type THoursMonth = z.infer<typeof ZHoursMonth>;

export const ZReportTicketRef = z.object({
  id: ZUuid,
  number: z.string(),
  title: z.string(),
  type: z.enum(TICKET_TYPES),
  priority: z.enum(PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  module: z.enum(SAP_MODULES).nullable(),
  createdAt: z.string(),
  assignee: z.string().nullable(),
});
export type TReportTicketRef = z.infer<typeof ZReportTicketRef>;

/** A P1/P2 incident or problem created in the month; cause and action are explained in docs/reports.md. */
export const ZNotableIncident = ZReportTicketRef.extend({
  resolvedAt: z.string().nullable(),
  /** Where `cause` came from: the ticket's resolution comment, or none found. */
  cause: z.string(),
  action: z.string(),
});
export type TNotableIncident = z.infer<typeof ZNotableIncident>;

export const ZMonthlyReport = z.object({
  organization: ZOrgRef,
  month: ZMonth,
  /** The IANA zone the month is cut in (the contract calendar's, Asia/Seoul by default). */
  timeZone: z.string(),
  /** The month as instants: [start, end). */
  period: z.object({ start: z.string(), end: z.string() }),
  contracts: z.array(
    z.object({
      id: ZUuid,
      name: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      monthlyHours: z.number(),
      calendarKey: z.string(),
      services: z.array(z.string()),
    }),
  ),
  tickets: z.object({
    total: ZTicketCounts,
    byType: zBreakdown(z.enum(TICKET_TYPES)),
    /** `null` key: tickets without a module. */
    byModule: zBreakdown(z.enum(SAP_MODULES).nullable()),
    byPriority: zBreakdown(z.enum(PRIORITIES)),
    byChannel: zBreakdown(z.string()),
  }),
  sla: z.object({
    response: ZSlaAttainment,
    resolution: ZSlaAttainment,
    byPriority: z.array(
      z.object({ priority: z.enum(PRIORITIES), response: ZSlaAttainment, resolution: ZSlaAttainment }),
    ),
  }),
  times: z.object({
    /** Business minutes of the ticket's SLA calendar (pauses excluded). */
    unit: z.enum(REPORT_TIME_UNITS),
    response: ZDurationStats,
    resolution: ZDurationStats,
    byPriority: z.array(
      z.object({ priority: z.enum(PRIORITIES), response: ZDurationStats, resolution: ZDurationStats }),
    ),
  }),
  hours: z.object({
    entitlement: z.number(),
    /** Billable hours: what consumes the entitlement. */
    used: z.number(),
    nonBillable: z.number(),
    remaining: z.number(),
    /** used / entitlement × 100, one decimal; null without an entitlement. */
    percentUsed: z.number().nullable(),
    byWorkClass: ZWorkClassHours,
    /** Six months, oldest first, ending with the report's month. */
    trend: z.array(ZHoursMonth),
  }),
  inspections: z.object({
    /** Inspections completed in the month. */
    done: ZCount,
    items: z.object({ ok: ZCount, warning: ZCount, failed: ZCount }),
    /** Follow-up tickets of any inspection of the organization still open at month end. */
    openFindings: ZCount,
    findings: z.array(ZReportTicketRef),
  }),
  notableIncidents: z.array(ZNotableIncident),
  satisfaction: z.object({
    /** Surveys sent for tickets resolved in the month. */
    sent: ZCount,
    responses: ZCount,
    /** Mean rating, two decimals; null without responses. */
    average: z.number().nullable(),
    /** Index 0 is rating 1, index 4 rating 5. */
    distribution: z.array(ZCount).length(5),
  }),
  carriedOver: z.object({
    /** Tickets created before month end and not resolved, closed or cancelled at month end. */
    count: ZCount,
    /** The oldest first, at most 200. */
    items: z.array(ZReportTicketRef),
  }),
  /** The team's remarks, Markdown; editable until sign-off. */
  remarks: z.string(),
  status: ZReportStatus,
  signedBy: ZActorRef.nullable(),
  signedAt: z.string().nullable(),
  generatedAt: z.string(),
});
export type TMonthlyReport = z.infer<typeof ZMonthlyReport>;

// ---- routes ----

export const ZReportMonthParams = z.object({ id: ZUuid, month: ZMonth });
export type TReportMonthParams = z.infer<typeof ZReportMonthParams>;

/** `GET /organizations/:id/reports/monthly?month=&format=&lang=`; `format` wins over `Accept`. */
export const ZMonthlyReportQuery = z.object({
  month: ZMonth,
  format: ZReportFormat.optional(),
  /** Language of a PDF/XLSX; the user's locale when absent. */
  lang: ZLocale.optional(),
});
export type TMonthlyReportQuery = z.infer<typeof ZMonthlyReportQuery>;

export const REPORT_REMARKS_MAX = 20000;
export const ZUpdateReportRemarks = z.object({ remarks: z.string().max(REPORT_REMARKS_MAX) }).strict();
export type TUpdateReportRemarks = z.infer<typeof ZUpdateReportRemarks>;

/** Sign-off takes no fields; an empty body or `{}`. */
export const ZSignOffReport = z.object({}).strict();

/** Mail a signed report: to the chosen customer users of the organization, or to all of them. */
export const ZMailReport = z
  .object({ userIds: z.array(ZUuid).min(1).max(100).optional(), lang: ZLocale.optional() })
  .strict();
export type TMailReport = z.infer<typeof ZMailReport>;
export const ZMailReportResult = z.object({
  recipients: z.array(z.object({ id: ZUuid, name: z.string(), email: z.string() })),
});
export type TMailReportResult = z.infer<typeof ZMailReportResult>;

/** A stored report of an organization (list rows). */
export const ZMonthlyReportSummary = z.object({
  organization: ZOrgRef,
  month: ZMonth,
  /** `none`: no draft stored yet for this month. */
  status: z.enum(['none', ...REPORT_STATUSES]),
  generatedAt: z.string().nullable(),
  signedBy: ZActorRef.nullable(),
  signedAt: z.string().nullable(),
  mailedAt: z.string().nullable(),
});
export type TMonthlyReportSummary = z.infer<typeof ZMonthlyReportSummary>;
export const ZMonthlyReportList = z.object({ items: z.array(ZMonthlyReportSummary) });
export type TMonthlyReportList = z.infer<typeof ZMonthlyReportList>;

/** `GET /reports/monthly?month=`: every customer with a monthly-report contract in force, and its status. */
export const ZMonthlyReportListQuery = z.object({ month: ZMonth });

export const ZCreateReportRun = z
  .object({ month: ZMonth, organizationIds: z.array(ZUuid).min(1).max(2000).optional() })
  .strict();
export type TCreateReportRun = z.infer<typeof ZCreateReportRun>;

export const REPORT_RUN_ITEM_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped'] as const;
export const ZReportRun = z.object({
  id: ZUuid,
  month: ZMonth,
  status: z.enum(['running', 'finished']),
  total: ZCount,
  done: ZCount,
  failed: ZCount,
  createdBy: ZActorRef.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  items: z.array(
    z.object({
      organization: ZOrgRef,
      /** `skipped`: the report was already signed, so it was left as it is. */
      status: z.enum(REPORT_RUN_ITEM_STATUSES),
      error: z.string().nullable(),
      finishedAt: z.string().nullable(),
    }),
  ),
});
export type TReportRun = z.infer<typeof ZReportRun>;
