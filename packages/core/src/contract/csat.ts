import { z } from 'zod';
import { ZDate, ZUuid } from './common.js';

/** Longest comment a survey takes: a few paragraphs, never a pasted log. */
export const CSAT_COMMENT_MAX = 2000;

export const ZCsatRating = z.coerce.number().int().min(1).max(5);

/** The survey link's secret: 43 base64url characters (32 random bytes). */
export const ZCsatToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
export type TCsatToken = z.infer<typeof ZCsatToken>;

/** A rating of 1 (very dissatisfied) to 5 (very satisfied) and an optional comment. */
export const ZCsatAnswer = z.object({
  rating: ZCsatRating,
  comment: z.string().trim().max(CSAT_COMMENT_MAX).optional().default(''),
});
export type TCsatAnswer = z.infer<typeof ZCsatAnswer>;

/** `?rating=` preselects the choice on the page (what the mail's 1–5 links carry); GET never records it. */
export const ZCsatPageQuery = z.object({
  rating: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
});

/** What the requester is asked about, by token or signed in. */
export const ZCsatSurvey = z.object({
  ticketId: ZUuid,
  ticketNumber: z.string(),
  ticketTitle: z.string(),
  expiresAt: z.string(),
  /** `open` may be answered; the rest say why not. */
  state: z.enum(['open', 'answered', 'expired', 'superseded', 'reopened']),
  rating: z.number().int().nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type TCsatSurvey = z.infer<typeof ZCsatSurvey>;

export const CSAT_GROUPS = ['organization', 'agent', 'module', 'month'] as const;

/** Staff: results grouped by customer, agent, module or month (Seoul) of the resolution, over sent surveys. */
export const ZCsatSummaryQuery = z
  .object({
    groupBy: z.enum(CSAT_GROUPS).default('month'),
    /** First day counted (Seoul), inclusive. */
    from: ZDate.optional(),
    /** Last day counted (Seoul), inclusive. */
    to: ZDate.optional(),
    organizationId: ZUuid.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to must not be before from' });
export type TCsatSummaryQuery = z.infer<typeof ZCsatSummaryQuery>;

export const ZCsatSummaryRow = z.object({
  /** The organization, agent id, module or `YYYY-MM`; null for surveys with no agent or module. */
  key: z.string().nullable(),
  label: z.string(),
  /** Surveys sent (not superseded by a later resolution). */
  sent: z.number().int(),
  responses: z.number().int(),
  /** responses / sent, 0 to 1 (rounded to 4 places); 0 when nothing was sent. */
  responseRate: z.number(),
  /** Mean rating (rounded to 2 places); null without responses. */
  average: z.number().nullable(),
  /** Responses per rating: index 0 is rating 1, index 4 rating 5. */
  distribution: z.array(z.number().int()).length(5),
});
export type TCsatSummaryRow = z.infer<typeof ZCsatSummaryRow>;

export const ZCsatSummary = z.object({
  groupBy: z.enum(CSAT_GROUPS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  rows: z.array(ZCsatSummaryRow),
  total: ZCsatSummaryRow,
});
export type TCsatSummary = z.infer<typeof ZCsatSummary>;
