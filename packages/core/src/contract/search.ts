import { z } from 'zod';
import { ZUuid, zQueryList } from './common.js';
import { ZSapModule } from './systems.js';
import { ZTicketStatus } from './tickets.js';

/** What search will cover; only tickets are searched so far, so the other kinds are refused (400). */
export const SEARCH_TYPES = ['ticket'] as const;

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  type: z.enum(SEARCH_TYPES).default('ticket'),
  organizationId: ZUuid.optional(),
  module: zQueryList(ZSapModule),
  status: zQueryList(ZTicketStatus),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(500).optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** A stretch of text to highlight: UTF-16 offsets into the string it belongs to, `end` exclusive. */
export const ZTextRange = z.object({ start: z.number().int(), end: z.number().int() });

/** Every kind of thing the search box finds; SEARCH_TYPES lists those searchable so far. */
export const ZSearchHitType = z.enum(['ticket', 'article', 'organization', 'system']);

export const ZSearchHit = z.object({
  type: ZSearchHitType,
  id: ZUuid,
  /** The ticket number (or the article's / system's short code); null where a kind has none. */
  number: z.string().nullable(),
  title: z.string(),
  /** Where the query's words are in `title`. */
  titleHighlights: z.array(ZTextRange),
  /** A passage of the description or a comment the caller may read, plain text on one line. */
  snippet: z.string(),
  /** Where the query's words are in `snippet`. */
  highlights: z.array(ZTextRange),
  /** Higher is better: 1 and above when every word is in the title. */
  score: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchPage = z.object({ items: z.array(ZSearchHit), nextCursor: z.string().nullable() });
export type TSearchPage = z.infer<typeof ZSearchPage>;
