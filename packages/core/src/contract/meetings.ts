import { z } from 'zod';
import { ZActorRef, ZInstant, ZLocale, ZUuid, zLine } from './common.js';
import { IMPROVEMENT_KINDS, IMPROVEMENT_METRICS, IMPROVEMENT_STATUSES } from './improvements.js';
import { ZProblemCandidate } from './similar.js';
import { ZTicketType } from './tickets.js';

/** An ISO week, `2026-W48` (Monday–Sunday, Asia/Seoul). */
export const ZIsoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'YYYY-Www, e.g. 2026-W48');
export type TIsoWeek = z.infer<typeof ZIsoWeek>;

/** A met SLA target with less than this share of its time left counts as a near miss. */
export const NEAR_MISS_SHARE = 0.1;

export const ZWeeklyPackQuery = z.object({
  week: ZIsoWeek,
  format: z.enum(['json', 'pdf']).default('json'),
  lang: ZLocale.optional(),
});
export type TWeeklyPackQuery = z.infer<typeof ZWeeklyPackQuery>;

const ZOrgRef = z.object({ id: ZUuid, name: z.string() });
const ZTicketRef = z.object({
  id: ZUuid,
  number: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.string(),
  organization: ZOrgRef,
});
export type TWeeklyTicketRef = z.infer<typeof ZTicketRef>;

/** New and closed tickets of one customer in the week (closed: resolved or closed in the week, once). */
export const ZWeeklyCustomerFlow = z.object({
  organization: ZOrgRef,
  created: z.number().int(),
  closed: z.number().int(),
  /** Tickets created in the week by type (incident, request, inquiry, …). */
  createdByType: z.record(z.string(), z.number().int()),
  /** Open at the end of the week (created up to then, not resolved/closed by then as far as now shows). */
  openAtEnd: z.number().int(),
});
export type TWeeklyCustomerFlow = z.infer<typeof ZWeeklyCustomerFlow>;

/** One step of an incident's story: a status change or a public reply, in order. */
export const ZIncidentStep = z.object({
  at: z.string(),
  kind: z.enum(['created', 'status', 'reply']),
  actor: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The reply's text (first 500 characters), null for a status change. */
  text: z.string().nullable(),
});
export type TIncidentStep = z.infer<typeof ZIncidentStep>;

/** A P1/P2 incident created, resolved or open during the week, with its story. */
export const ZWeeklyIncident = ZTicketRef.extend({
  system: z.object({ id: ZUuid, sid: z.string() }).nullable(),
  module: z.string().nullable(),
  assignee: ZActorRef.nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  steps: z.array(ZIncidentStep),
  /** The internal notes up to the resolution (the analysis), condensed; null when there are none. */
  cause: z.string().nullable(),
  /** The team's resolving public reply (last one up to the resolution); null while unresolved. */
  action: z.string().nullable(),
});
export type TWeeklyIncident = z.infer<typeof ZWeeklyIncident>;

/** One SLA target that was missed, or met with less than `NEAR_MISS_SHARE` of its time left, in the week. */
export const ZWeeklySlaEntry = z.object({
  ticket: ZTicketRef,
  target: z.enum(['response', 'resolution']),
  dueAt: z.string(),
  /** When the target was met (first response / resolution); null if still not met. */
  metAt: z.string().nullable(),
  /** The target in business minutes. */
  targetMinutes: z.number().int().nullable(),
  /** Share of the target's time left when met (0–1); negative or null for a breach. */
  leftShare: z.number().nullable(),
});
export type TWeeklySlaEntry = z.infer<typeof ZWeeklySlaEntry>;

export const ZWeeklyFinding = z.object({
  itemId: z.string(),
  area: z.string(),
  title: z.string(),
  result: z.enum(['warning', 'failed']),
  note: z.string(),
  followUp: z.object({ id: ZUuid, number: z.string(), status: z.string() }).nullable(),
});
export type TWeeklyFinding = z.infer<typeof ZWeeklyFinding>;

/** An inspection completed in the week, with its counts and findings. */
export const ZWeeklyInspection = z.object({
  ticket: z.object({ id: ZUuid, number: z.string(), title: z.string() }),
  organization: ZOrgRef,
  system: z.object({ id: ZUuid, sid: z.string() }).nullable(),
  templateName: z.string(),
  completedAt: z.string(),
  completedBy: ZActorRef.nullable(),
  counts: z.object({ ok: z.number().int(), warning: z.number().int(), failed: z.number().int() }),
  findings: z.array(ZWeeklyFinding),
});
export type TWeeklyInspection = z.infer<typeof ZWeeklyInspection>;

/** A change of a customer's special notes in the week (from the audit log). */
export const ZWeeklyNotesChange = z.object({
  organization: ZOrgRef,
  at: z.string(),
  by: ZActorRef.nullable(),
  before: z.string(),
  after: z.string(),
});
export type TWeeklyNotesChange = z.infer<typeof ZWeeklyNotesChange>;

export const ZWeeklyDeployment = z.object({
  id: ZUuid,
  person: ZActorRef,
  project: z.string(),
  organization: ZOrgRef.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  sharePercent: z.number().int(),
});
export type TWeeklyDeployment = z.infer<typeof ZWeeklyDeployment>;

/** An improvement item that is open, or whose status changed in the week, with its measured metric. */
export const ZWeeklyImprovement = z.object({
  id: ZUuid,
  title: z.string(),
  kind: z.enum(IMPROVEMENT_KINDS),
  origin: z.string(),
  owner: ZActorRef.nullable(),
  status: z.enum(IMPROVEMENT_STATUSES),
  /** Status moves made in the week, in order. */
  statusChanges: z.array(
    z.object({ at: z.string(), by: ZActorRef.nullable(), from: z.string(), to: z.string() }),
  ),
  metric: z.enum(IMPROVEMENT_METRICS).nullable(),
  baselineValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  /** The stored after value (done), else the value measured from `measureFrom` to the week's end. */
  measuredValue: z.number().nullable(),
});
export type TWeeklyImprovement = z.infer<typeof ZWeeklyImprovement>;

// ── Meetings and decisions ────────────────────────────────────────────────────────────────────────

export const DECISION_OUTCOMES = ['improvement', 'ticket'] as const;

export const ZMeetingDecision = z.object({
  id: ZUuid,
  meetingId: ZUuid,
  text: z.string(),
  becomes: z.enum(DECISION_OUTCOMES),
  improvement: z.object({ id: ZUuid, title: z.string(), status: z.string() }).nullable(),
  ticket: z.object({ id: ZUuid, number: z.string(), title: z.string(), status: z.string() }).nullable(),
  createdBy: ZActorRef.nullable(),
  createdAt: z.string(),
});
export type TMeetingDecision = z.infer<typeof ZMeetingDecision>;

export const ZMeeting = z.object({
  id: ZUuid,
  week: ZIsoWeek,
  heldAt: z.string(),
  attendees: z.array(ZActorRef),
  /** People without an account (e.g. a guest from a customer), by name. */
  guests: z.array(z.string()),
  /** Markdown. */
  notes: z.string(),
  createdBy: ZActorRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  decisions: z.array(ZMeetingDecision),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZCreateMeeting = z
  .object({
    week: ZIsoWeek,
    heldAt: ZInstant,
    attendeeIds: z.array(ZUuid).max(100).default([]),
    guests: z.array(zLine(100)).max(50).default([]),
    notes: z.string().max(50000).default(''),
  })
  .strict();
export type TCreateMeeting = z.infer<typeof ZCreateMeeting>;

/** Corrects a meeting's record after it was saved: when it was held, who came, the notes. */
export const ZUpdateMeeting = z
  .object({
    heldAt: ZInstant.optional(),
    attendeeIds: z.array(ZUuid).max(100).optional(),
    guests: z.array(zLine(100)).max(50).optional(),
    notes: z.string().max(50000).optional(),
  })
  .strict();
export type TUpdateMeeting = z.infer<typeof ZUpdateMeeting>;

export const ZMeetingQuery = z.object({ week: ZIsoWeek.optional() });
export type TMeetingQuery = z.infer<typeof ZMeetingQuery>;

const decisionText = z.string().trim().min(1).max(5000);
/** A decision that becomes an improvement item (origin `meeting_decision`). */
export const ZDecisionToImprovement = z
  .object({
    text: decisionText,
    becomes: z.literal('improvement'),
    /** Defaults to the decision's first line (up to 200 characters). */
    title: zLine(200).optional(),
    kind: z.enum(IMPROVEMENT_KINDS).default('B'),
    ownerId: ZUuid.nullable().optional(),
  })
  .strict();
/** A decision that becomes a ticket (a request by default) of a customer. */
export const ZDecisionToTicket = z
  .object({
    text: decisionText,
    becomes: z.literal('ticket'),
    organizationId: ZUuid,
    title: zLine(300).optional(),
    type: ZTicketType.default('request'),
    assigneeId: ZUuid.nullable().optional(),
    systemId: ZUuid.nullable().optional(),
  })
  .strict();
export const ZCreateMeetingDecision = z.discriminatedUnion('becomes', [
  ZDecisionToImprovement,
  ZDecisionToTicket,
]);
export type TCreateMeetingDecision = z.infer<typeof ZCreateMeetingDecision>;

// ── The pack ────────────────────────────────────────────────────────────────────────────────────

/** Everything the weekly sharing meeting (주간 공유회의) looks at, for one ISO week in Asia/Seoul. */
export const ZWeeklyPack = z.object({
  week: ZIsoWeek,
  /** Monday and Sunday of the week (Seoul dates). */
  weekStart: z.string(),
  weekEnd: z.string(),
  timeZone: z.literal('Asia/Seoul'),
  generatedAt: z.string(),
  nearMissShare: z.number(),
  totals: z.object({
    created: z.number().int(),
    closed: z.number().int(),
    majorIncidents: z.number().int(),
    slaBreaches: z.number().int(),
    slaNearMisses: z.number().int(),
    inspections: z.number().int(),
    findings: z.number().int(),
  }),
  customers: z.array(ZWeeklyCustomerFlow),
  majorIncidents: z.array(ZWeeklyIncident),
  sla: z.object({ breaches: z.array(ZWeeklySlaEntry), nearMisses: z.array(ZWeeklySlaEntry) }),
  /** Recurring-incident groups with at least one incident in the week. */
  recurring: z.array(ZProblemCandidate),
  inspections: z.array(ZWeeklyInspection),
  notesChanges: z.array(ZWeeklyNotesChange),
  deployments: z.object({ starting: z.array(ZWeeklyDeployment), ending: z.array(ZWeeklyDeployment) }),
  improvements: z.array(ZWeeklyImprovement),
  meetings: z.array(ZMeeting),
});
export type TWeeklyPack = z.infer<typeof ZWeeklyPack>;
