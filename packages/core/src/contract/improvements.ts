import { z } from 'zod';
import { ZActorRef, ZDate, ZUuid, zLine, zQueryList } from './common.js';
import { ZSapModule } from './systems.js';

export const IMPROVEMENT_KINDS = ['B', 'C'] as const;
export const IMPROVEMENT_ORIGINS = [
  'recurring_incident',
  'problem',
  'meeting_decision',
  'customer_feedback',
  'retrospective',
] as const;
export const IMPROVEMENT_STATUSES = ['idea', 'planned', 'doing', 'measuring', 'done', 'dropped'] as const;
export type TImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

/** idea → planned → doing → measuring → done, a step back when plans change, dropped from anywhere open. */
export const IMPROVEMENT_FLOW: Readonly<Record<TImprovementStatus, readonly TImprovementStatus[]>> = {
  idea: ['planned', 'dropped'],
  planned: ['doing', 'idea', 'dropped'],
  doing: ['measuring', 'planned', 'dropped'],
  measuring: ['done', 'doing', 'dropped'],
  done: [],
  dropped: ['idea'],
};

/**
 * The metrics Hamkke computes from the tickets, each optionally narrowed to one customer and/or module:
 * - `mean_resolution_hours`: mean wall-clock hours from creation to resolution of tickets resolved in the window;
 * - `reopen_rate`: of tickets resolved in the window, the share reopened after that resolution (0–1);
 * - `hours_per_inquiry`: hours logged on inquiries resolved in the window, per such inquiry;
 * - `tickets_per_week`: tickets created in the window, per 7 days.
 */
export const IMPROVEMENT_METRICS = [
  'mean_resolution_hours',
  'reopen_rate',
  'hours_per_inquiry',
  'tickets_per_week',
] as const;
export const ZImprovementMetric = z
  .object({
    kind: z.enum(IMPROVEMENT_METRICS),
    organizationId: ZUuid.nullable().default(null),
    module: ZSapModule.nullable().default(null),
  })
  .strict();
export type TImprovementMetric = z.infer<typeof ZImprovementMetric>;

const fields = {
  title: zLine(200),
  description: z.string().max(20000),
  kind: z.enum(IMPROVEMENT_KINDS),
  origin: z.enum(IMPROVEMENT_ORIGINS),
  ownerId: ZUuid.nullable(),
  metric: ZImprovementMetric.nullable(),
  baselineFrom: ZDate.nullable(),
  baselineTo: ZDate.nullable(),
  targetValue: z.number().finite().nullable(),
  measureFrom: ZDate.nullable(),
  measureTo: ZDate.nullable(),
  ticketIds: z.array(ZUuid).max(100),
  articleIds: z.array(ZUuid).max(100),
};

export const ZCreateImprovement = z
  .object({
    ...fields,
    description: fields.description.default(''),
    ownerId: fields.ownerId.optional(),
    metric: fields.metric.default(null),
    baselineFrom: fields.baselineFrom.default(null),
    baselineTo: fields.baselineTo.default(null),
    targetValue: fields.targetValue.default(null),
    measureFrom: fields.measureFrom.default(null),
    measureTo: fields.measureTo.default(null),
    ticketIds: fields.ticketIds.default([]),
    articleIds: fields.articleIds.default([]),
  })
  .strict();
export type TCreateImprovement = z.infer<typeof ZCreateImprovement>;

export const ZUpdateImprovement = z
  .object({
    ...fields,
    status: z.enum(IMPROVEMENT_STATUSES),
    /** The version the client saw; a stale one is a conflict. */
    version: z.number().int().min(1),
  })
  .partial()
  .strict();
export type TUpdateImprovement = z.infer<typeof ZUpdateImprovement>;

export const ZImprovementQuery = z.object({
  status: zQueryList(z.enum(IMPROVEMENT_STATUSES)),
  kind: z.enum(IMPROVEMENT_KINDS).optional(),
  ownerId: ZUuid.optional(),
});

export const ZImprovement = z.object({
  id: ZUuid,
  title: z.string(),
  description: z.string(),
  kind: z.enum(IMPROVEMENT_KINDS),
  origin: z.enum(IMPROVEMENT_ORIGINS),
  owner: ZActorRef.nullable(),
  status: z.enum(IMPROVEMENT_STATUSES),
  metric: z
    .object({
      kind: z.enum(IMPROVEMENT_METRICS),
      organizationId: ZUuid.nullable(),
      module: z.string().nullable(),
    })
    .nullable(),
  baselineFrom: z.string().nullable(),
  baselineTo: z.string().nullable(),
  baselineValue: z.number().nullable(),
  baselineComputedAt: z.string().nullable(),
  targetValue: z.number().nullable(),
  measureFrom: z.string().nullable(),
  measureTo: z.string().nullable(),
  afterValue: z.number().nullable(),
  afterComputedAt: z.string().nullable(),
  tickets: z.array(z.object({ id: ZUuid, number: z.string(), title: z.string() })),
  articles: z.array(z.object({ id: ZUuid, title: z.string() })),
  /** The weekly-meeting decisions it came from (meeting id, its ISO week, the decision's text). */
  decisions: z.array(z.object({ id: ZUuid, meetingId: ZUuid, week: z.string(), text: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TImprovement = z.infer<typeof ZImprovement>;

const ZMetricValue = z.object({
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  /** How many tickets the value stands on. */
  sample: z.number().int(),
});
export const ZImprovementMetricResult = z.object({
  metric: ZImprovement.shape.metric,
  before: ZMetricValue.nullable(),
  after: ZMetricValue.nullable(),
  targetValue: z.number().nullable(),
  computedAt: z.string(),
});
export type TImprovementMetricResult = z.infer<typeof ZImprovementMetricResult>;
