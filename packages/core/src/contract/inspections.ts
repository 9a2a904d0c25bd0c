import { z } from 'zod';
import { SAP_MODULES } from '../lists.js';
import { ZActorRef, ZDate, ZUuid, zLine } from './common.js';
import { ZLevel } from './tickets.js';
import { ZAttachment } from './timeline.js';

// ── Checklist templates ──────────────────────────────────────────────────────────────────────────

/** One check of a template: grouped by area, with how to check and what a healthy system shows. */
export const ZInspectionItemInput = z
  .object({
    /** Kept from the previous version when given, so answers and reports line up across versions. */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, _ and -, up to 40')
      .optional(),
    area: zLine(80),
    title: zLine(200),
    /** How to check, e.g. "SM37에서 지난 1개월 취소(Canceled) 잡 조회". */
    guide: z.string().trim().max(4000).default(''),
    /** What a healthy system shows, e.g. "취소 잡 0건 또는 원인 확인됨". */
    expected: z.string().trim().max(2000).default(''),
  })
  .strict();
export type TInspectionItemInput = z.infer<typeof ZInspectionItemInput>;

const zItems = z
  .array(ZInspectionItemInput)
  .min(1)
  .max(200)
  .refine(
    (items) => new Set(items.filter((i) => i.id).map((i) => i.id)).size === items.filter((i) => i.id).length,
    {
      message: 'Item ids must be unique',
    },
  );

export const ZCreateInspectionTemplate = z
  .object({
    name: zLine(200),
    description: z.string().trim().max(4000).default(''),
    module: z.enum(SAP_MODULES).nullable().default(null),
    items: zItems,
  })
  .strict();
export type TCreateInspectionTemplate = z.infer<typeof ZCreateInspectionTemplate>;

/** Any change of name, description, module or items makes a new version; isActive alone does not. */
export const ZUpdateInspectionTemplate = z
  .object({
    name: zLine(200).optional(),
    description: z.string().trim().max(4000).optional(),
    module: z.enum(SAP_MODULES).nullable().optional(),
    items: zItems.optional(),
    isActive: z.boolean().optional(),
  })
  .strict();
export type TUpdateInspectionTemplate = z.infer<typeof ZUpdateInspectionTemplate>;

export const ZInspectionItem = z.object({
  id: z.string(),
  area: z.string(),
  title: z.string(),
  guide: z.string(),
  expected: z.string(),
});
export type TInspectionItem = z.infer<typeof ZInspectionItem>;

export const ZInspectionTemplate = z.object({
  id: ZUuid,
  /** The version shown (the current one unless a version was asked for). */
  version: z.number().int(),
  currentVersion: z.number().int(),
  name: z.string(),
  description: z.string(),
  module: z.string().nullable(),
  isActive: z.boolean(),
  items: z.array(ZInspectionItem),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TInspectionTemplate = z.infer<typeof ZInspectionTemplate>;

export const ZTemplateVersionParams = z.object({ id: ZUuid, version: z.coerce.number().int().min(1) });

// ── Schedules ────────────────────────────────────────────────────────────────────────────────────

export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * When an inspection is due, before moving it to a business day. Monthly: a day of the month (−1 =
 * the last day; 31 in a 30-day month is the 30th) or the nth weekday (nth −1 = the last). Quarterly:
 * the same in the given month of each quarter (1 = Jan/Apr/Jul/Oct). Or an RFC 5545 RRULE (e.g.
 * `FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE`), counted from the schedule's start date.
 */
export const ZRecurrence = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('monthly'),
        day: z
          .number()
          .int()
          .min(-1)
          .max(31)
          .refine((d) => d !== 0, 'not 0')
          .optional(),
        nth: z
          .number()
          .int()
          .min(-1)
          .max(5)
          .refine((n) => n !== 0, 'not 0')
          .optional(),
        weekday: z.enum(WEEKDAYS).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('quarterly'),
        monthOfQuarter: z.number().int().min(1).max(3).default(1),
        day: z
          .number()
          .int()
          .min(-1)
          .max(31)
          .refine((d) => d !== 0, 'not 0')
          .optional(),
        nth: z
          .number()
          .int()
          .min(-1)
          .max(5)
          .refine((n) => n !== 0, 'not 0')
          .optional(),
        weekday: z.enum(WEEKDAYS).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('rrule'),
        rrule: z
          .string()
          .trim()
          .max(500)
          .regex(/^(RRULE:)?FREQ=/i, 'An RRULE such as FREQ=MONTHLY;BYDAY=2TU'),
      })
      .strict(),
  ])
  .superRefine((r, ctx) => {
    if (r.kind === 'rrule') return;
    if (r.day !== undefined && r.weekday !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['weekday'],
        message: 'Give a day of the month or a weekday, not both',
      });
    if (r.nth !== undefined && r.weekday === undefined)
      ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'nth needs a weekday' });
  });
export type TRecurrence = z.infer<typeof ZRecurrence>;

/** Where a due date on a day off moves: the next business day (Korean practice), the previous one, or nowhere. */
export const SHIFTS = ['next', 'previous', 'none'] as const;
export const SCHEDULE_STATUSES = ['active', 'paused', 'ended'] as const;
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

const scheduleFields = {
  name: zLine(200),
  templateId: ZUuid,
  systemId: ZUuid.nullable().default(null),
  recurrence: ZRecurrence,
  shift: z.enum(SHIFTS).default('next'),
  /** The ticket is created this many business days before the due date (0: on the due date). */
  leadBusinessDays: z.number().int().min(0).max(60).default(3),
  /** The planned window on the due date, local time of the contract's calendar. */
  windowStart: ZClock.default('09:00'),
  windowEnd: ZClock.default('18:00'),
  assigneeId: ZUuid.nullable().default(null),
  team: zLine(80).nullable().default(null),
  impact: ZLevel.default('low'),
  urgency: ZLevel.default('medium'),
  startsOn: ZDate.optional(),
  /** The last day an inspection may be due; by default the contract's end. */
  endsOn: ZDate.nullable().optional(),
};

export const ZCreateInspectionSchedule = z.object({ contractId: ZUuid, ...scheduleFields }).strict();
export type TCreateInspectionSchedule = z.infer<typeof ZCreateInspectionSchedule>;

export const ZUpdateInspectionSchedule = z
  .object({
    name: scheduleFields.name.optional(),
    templateId: ZUuid.optional(),
    systemId: ZUuid.nullable().optional(),
    recurrence: ZRecurrence.optional(),
    shift: z.enum(SHIFTS).optional(),
    leadBusinessDays: z.number().int().min(0).max(60).optional(),
    windowStart: ZClock.optional(),
    windowEnd: ZClock.optional(),
    assigneeId: ZUuid.nullable().optional(),
    team: zLine(80).nullable().optional(),
    impact: ZLevel.optional(),
    urgency: ZLevel.optional(),
    endsOn: ZDate.nullable().optional(),
    /** paused: no tickets until active again (the occurrences in between are skipped); ended: for good. */
    status: z.enum(SCHEDULE_STATUSES).optional(),
  })
  .strict();
export type TUpdateInspectionSchedule = z.infer<typeof ZUpdateInspectionSchedule>;

export const ZListSchedulesQuery = z.object({
  organizationId: ZUuid.optional(),
  contractId: ZUuid.optional(),
  status: z.enum(SCHEDULE_STATUSES).optional(),
});

export const ZInspectionOccurrence = z.object({
  /** The nominal date of the recurrence: with the schedule, the key a ticket is created under once. */
  occurrenceOn: z.string(),
  /** The due date, moved to a business day of the contract's calendar. */
  dueOn: z.string(),
  /** When the ticket is (or was) created: lead time in business days before the due date, 00:00 local. */
  createAt: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  ticket: z.object({ id: ZUuid, number: z.string() }).nullable(),
});
export type TInspectionOccurrence = z.infer<typeof ZInspectionOccurrence>;

export const ZInspectionSchedule = z.object({
  id: ZUuid,
  organizationId: ZUuid,
  contractId: ZUuid,
  systemId: ZUuid.nullable(),
  templateId: ZUuid,
  name: z.string(),
  recurrence: ZRecurrence,
  rrule: z.string(),
  shift: z.enum(SHIFTS),
  leadBusinessDays: z.number().int(),
  windowStart: z.string(),
  windowEnd: z.string(),
  assigneeId: ZUuid.nullable(),
  team: z.string().nullable(),
  impact: ZLevel,
  urgency: ZLevel,
  calendarKey: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(SCHEDULE_STATUSES),
  nextOccurrence: ZInspectionOccurrence.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TInspectionSchedule = z.infer<typeof ZInspectionSchedule>;

export const ZOccurrencesQuery = z.object({ count: z.coerce.number().int().min(1).max(60).default(12) });
export const ZInspectionOccurrences = z.object({
  /** Occurrences that have a ticket, newest first. */
  created: z.array(ZInspectionOccurrence),
  /** The next ones the schedule will create, in order. */
  upcoming: z.array(ZInspectionOccurrence),
});

// ── Running an inspection ────────────────────────────────────────────────────────────────────────

export const INSPECTION_RESULTS = ['ok', 'warning', 'failed'] as const;
export const ZInspectionResult = z.enum(INSPECTION_RESULTS);

export const ZStartInspection = z.object({ templateId: ZUuid }).strict();

export const ZAnswerInspectionItem = z
  .object({
    result: ZInspectionResult,
    note: z.string().trim().max(4000).default(''),
    /** Attachments of the same ticket (uploaded with POST /tickets/:id/attachments) that show the result. */
    attachmentIds: z.array(ZUuid).max(20).default([]),
  })
  .strict();
export type TAnswerInspectionItem = z.infer<typeof ZAnswerInspectionItem>;

export const ZCreateFollowUp = z
  .object({
    type: z.enum(['incident', 'request']).default('incident'),
    title: zLine(300).optional(),
    impact: ZLevel.optional(),
    urgency: ZLevel.optional(),
  })
  .strict();
export type TCreateFollowUp = z.infer<typeof ZCreateFollowUp>;

export const ZInspectionAnswer = z.object({
  result: ZInspectionResult,
  note: z.string(),
  attachments: z.array(ZAttachment),
  answeredBy: ZActorRef.nullable(),
  answeredAt: z.string(),
  followUp: z.object({ id: ZUuid, number: z.string(), status: z.string() }).nullable(),
});

export const ZInspection = z.object({
  ticketId: ZUuid,
  ticketNumber: z.string(),
  template: z.object({
    id: ZUuid,
    name: z.string(),
    version: z.number().int(),
    module: z.string().nullable(),
  }),
  scheduleId: ZUuid.nullable(),
  occurrenceOn: z.string().nullable(),
  items: z.array(ZInspectionItem.extend({ answer: ZInspectionAnswer.nullable() })),
  summary: z.object({
    total: z.number().int(),
    ok: z.number().int(),
    warning: z.number().int(),
    failed: z.number().int(),
    unanswered: z.number().int(),
  }),
  completedAt: z.string().nullable(),
  completedBy: ZActorRef.nullable(),
});
export type TInspection = z.infer<typeof ZInspection>;

// ── Calendar feeds ───────────────────────────────────────────────────────────────────────────────

export const ZCreateTeamFeed = z.object({ team: zLine(80) }).strict();
export const ZCalendarFeed = z.object({
  id: ZUuid,
  kind: z.enum(['person', 'team']),
  team: z.string().nullable(),
  /** The subscription address, shown once: only its hash is stored. Creating again rotates it. */
  url: z.string(),
  createdAt: z.string(),
});
export const ZCalendarFeedInfo = ZCalendarFeed.omit({ url: true });
export const ZCalendarFeedList = z.object({ items: z.array(ZCalendarFeedInfo) });

// ── Inspections across tickets (history, reports) ────────────────────────────────────────────────

export const ZListInspectionsQuery = z.object({
  organizationId: ZUuid.optional(),
  systemId: ZUuid.optional(),
  /** Inspections planned (or, without a plan, opened) from this date on, Seoul time. */
  from: ZDate.optional(),
  /** …up to and including this date. */
  to: ZDate.optional(),
  state: z.enum(['open', 'completed']).optional(),
});
export type TListInspectionsQuery = z.infer<typeof ZListInspectionsQuery>;

export const ZInspectionFinding = z.object({
  itemId: z.string(),
  area: z.string(),
  title: z.string(),
  result: z.enum(['warning', 'failed']),
  note: z.string(),
  followUp: z.object({ id: ZUuid, number: z.string(), status: z.string() }).nullable(),
});

export const ZInspectionListItem = z.object({
  ticketId: ZUuid,
  ticketNumber: z.string(),
  title: z.string(),
  status: z.string(),
  organizationId: ZUuid,
  systemId: ZUuid.nullable(),
  scheduleId: ZUuid.nullable(),
  plannedStart: z.string().nullable(),
  completedAt: z.string().nullable(),
  template: z.object({ id: ZUuid, name: z.string(), version: z.number().int() }),
  summary: z.object({
    total: z.number().int(),
    ok: z.number().int(),
    warning: z.number().int(),
    failed: z.number().int(),
    unanswered: z.number().int(),
  }),
  /** Items answered warning or failed, with their follow-up ticket: the open findings of a report. */
  findings: z.array(ZInspectionFinding),
});
export const ZInspectionList = z.object({ items: z.array(ZInspectionListItem) });
