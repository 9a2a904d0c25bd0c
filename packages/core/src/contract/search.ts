import { z } from 'zod';
import { ZInstant, ZUuid, zQueryList } from './common.js';
import { ZSapModule } from './systems.js';
import { ZTicketStatus } from './tickets.js';

/** Every kind of thing the search box finds. */
export const SEARCH_TYPES = ['ticket', 'article', 'organization', 'system'] as const;
export const ZSearchHitType = z.enum(SEARCH_TYPES);
export type TSearchHitType = z.infer<typeof ZSearchHitType>;

/**
 * The search box. Without `type`, every kind the caller may see, merged best first. Filters narrow
 * the kinds they apply to and leave out those they cannot apply to: `status` and `createdFrom`/`createdTo`
 * keep tickets only; `module` keeps tickets, articles and systems (of that module); `organizationId`
 * keeps that customer's tickets, systems and organization (and general articles with its own).
 */
export const ZSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(200),
    type: ZSearchHitType.optional(),
    organizationId: ZUuid.optional(),
    module: zQueryList(ZSapModule),
    status: zQueryList(ZTicketStatus),
    /** Tickets created at or after this instant. */
    createdFrom: ZInstant.optional(),
    /** Tickets created before this instant. */
    createdTo: ZInstant.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(1000).optional(),
  })
  .refine((q) => !q.createdFrom || !q.createdTo || Date.parse(q.createdFrom) <= Date.parse(q.createdTo), {
    path: ['createdTo'],
    message: 'createdTo must not be before createdFrom',
  });
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** A stretch of text to highlight: UTF-16 offsets into the string it belongs to, `end` exclusive. */
export const ZTextRange = z.object({ start: z.number().int(), end: z.number().int() });

export const ZSearchHit = z.object({
  type: ZSearchHitType,
  id: ZUuid,
  /** The ticket number, the article's code, the organization's code, the system's SID/client; null where none. */
  number: z.string().nullable(),
  title: z.string(),
  /** Where the query's words are in `title`. */
  titleHighlights: z.array(ZTextRange),
  /** A passage the caller may read (description, comment, body, product…), plain text on one line. */
  snippet: z.string(),
  /** Where the query's words are in `snippet`. */
  highlights: z.array(ZTextRange),
  /**
   * Higher is better: 1 and above when every word is in the title; below 0 for a ticket holding all
   * the words but one, listed after every hit that holds them all.
   */
  score: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchPage = z.object({ items: z.array(ZSearchHit), nextCursor: z.string().nullable() });
export type TSearchPage = z.infer<typeof ZSearchPage>;

/** What a picker lists. */
export const PICK_KINDS = ['organizations', 'users', 'systems'] as const;

/**
 * A picker's query: initial consonants (`ㅎㄷ` → 현대…) or the start of a name, code, SID or e-mail
 * (any word of it); empty lists the first ones by name.
 */
export const ZPickQuery = z.object({
  q: z.string().trim().max(50).default(''),
  organizationId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type TPickQuery = z.infer<typeof ZPickQuery>;

export const ZPickItem = z.object({
  id: ZUuid,
  /** The name to show: organization name, user name, `SID client` of a system. */
  name: z.string(),
  /** A second line: the code, the e-mail and role, the organization and product. */
  detail: z.string(),
  organizationId: ZUuid.nullable(),
});
export type TPickItem = z.infer<typeof ZPickItem>;
export const ZPickPage = z.object({ items: z.array(ZPickItem) });
