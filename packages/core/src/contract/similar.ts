import { z } from 'zod';
import { ZUuid } from './common.js';
import { ZSapModule } from './systems.js';

/** Why a past case matched: the words it shares with the ticket, and whether system and module are the same. */
export const ZSimilarReasons = z.object({
  sharedWords: z.array(z.string()),
  isSameSystem: z.boolean(),
  isSameModule: z.boolean(),
});
export type TSimilarReasons = z.infer<typeof ZSimilarReasons>;

export const ZSimilarTicket = z.object({
  id: ZUuid,
  number: z.string(),
  title: z.string(),
  status: z.string(),
  module: ZSapModule.nullable(),
  systemId: ZUuid.nullable(),
  resolvedAt: z.string().nullable(),
  score: z.number(),
  reasons: ZSimilarReasons,
});
export type TSimilarTicket = z.infer<typeof ZSimilarTicket>;

export const ZSimilarArticle = z.object({
  id: ZUuid,
  code: z.string(),
  title: z.string(),
  score: z.number(),
  reasons: ZSimilarReasons,
});
export type TSimilarArticle = z.infer<typeof ZSimilarArticle>;

export const ZRecurringTicket = z.object({
  id: ZUuid,
  number: z.string(),
  title: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

/** Several similar incidents of one organization and system (or module) close together in time. */
export const ZProblemCandidate = z.object({
  organizationId: ZUuid,
  organizationName: z.string(),
  /** What the incidents have in common besides their text. */
  sharedBy: z.enum(['system', 'module']),
  systemId: ZUuid.nullable(),
  module: ZSapModule.nullable(),
  sharedWords: z.array(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
  tickets: z.array(ZRecurringTicket),
});
export type TProblemCandidate = z.infer<typeof ZProblemCandidate>;

export const ZSimilarCases = z.object({
  ticketId: ZUuid,
  tickets: z.array(ZSimilarTicket),
  articles: z.array(ZSimilarArticle),
  /** The recurring-incident group this ticket belongs to, if any (staff only; null for customers). */
  problemCandidate: ZProblemCandidate.nullable(),
});
export type TSimilarCases = z.infer<typeof ZSimilarCases>;

export const ZProblemCandidatesQuery = z.object({
  /** Incidents created in the last this many days are grouped. */
  days: z.coerce.number().int().min(1).max(180).default(30),
  organizationId: ZUuid.optional(),
});
export type TProblemCandidatesQuery = z.infer<typeof ZProblemCandidatesQuery>;
export const ZProblemCandidates = z.object({ items: z.array(ZProblemCandidate) });
