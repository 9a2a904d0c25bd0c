import { z } from 'zod';
import { ZActorRef, ZDate, ZUuid } from './common.js';

export const VISIBILITIES = ['public', 'internal'] as const;
export const ZVisibility = z.enum(VISIBILITIES);
export const WORK_CLASSES = ['A', 'B', 'C'] as const;

export const ZCreateComment = z
  .object({ body: z.string().trim().min(1).max(50000), visibility: ZVisibility.default('public') })
  .strict();
export type TCreateComment = z.infer<typeof ZCreateComment>;

export const ZCreateTimeEntry = z
  .object({
    minutes: z.number().int().min(1).max(1440),
    date: ZDate,
    billable: z.boolean().default(true),
    workClass: z.enum(WORK_CLASSES).default('A'),
    note: z.string().max(2000).default(''),
  })
  .strict();
export type TCreateTimeEntry = z.infer<typeof ZCreateTimeEntry>;

export const ZComment = z.object({
  id: ZUuid,
  ticketId: ZUuid,
  body: z.string(),
  visibility: ZVisibility,
  author: ZActorRef.nullable(),
  createdAt: z.string(),
});
export const ZAttachment = z.object({
  id: ZUuid,
  ticketId: ZUuid,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  visibility: ZVisibility,
  uploader: ZActorRef.nullable(),
  createdAt: z.string(),
});
export const ZTimeEntry = z.object({
  id: ZUuid,
  ticketId: ZUuid,
  user: ZActorRef.nullable(),
  minutes: z.number().int(),
  date: z.string(),
  billable: z.boolean(),
  workClass: z.enum(WORK_CLASSES),
  note: z.string(),
  createdAt: z.string(),
});
export type TComment = z.infer<typeof ZComment>;
export type TAttachment = z.infer<typeof ZAttachment>;
export type TTimeEntry = z.infer<typeof ZTimeEntry>;

export const ZFieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

const base = { id: z.string(), at: z.string(), actor: ZActorRef.nullable(), visibility: ZVisibility };
export const ZTimelineItem = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('created') }),
  z.object({ ...base, kind: z.literal('changed'), changes: z.array(ZFieldChange) }),
  z.object({ ...base, kind: z.literal('comment'), comment: ZComment }),
  z.object({ ...base, kind: z.literal('attachment'), attachment: ZAttachment }),
  z.object({ ...base, kind: z.literal('time_entry'), timeEntry: ZTimeEntry }),
  /** SLA news for staff: due times recomputed, a clock at risk or breached, an escalation applied. */
  z.object({ ...base, kind: z.literal('sla'), sla: z.record(z.string(), z.unknown()) }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;
export const ZTimeline = z.object({ items: z.array(ZTimelineItem) });

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: ZActorRef.nullable(),
  sourceAddress: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const ZAuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});
