import { tokenize } from '@hamkke/core';
import { type SQL, sql } from 'drizzle-orm';

/** PostgreSQL keeps at most this many positions per lexeme and none past this position. */
const MAX_POSITIONS_PER_TOKEN = 256;
const MAX_POSITION = 16_383;
/**
 * A section stops taking new words past about this size, so the three sections of a document stay
 * well under PostgreSQL's 1 MB per tsvector however long the text (words seen before still count).
 */
const MAX_SECTION_BYTES = 300_000;
/** What one lexeme costs in a tsvector besides its text: its entry and the position count, roughly. */
const LEXEME_OVERHEAD_BYTES = 8;

const quote = (token: string) => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * A tsvector literal of the core tokenizer's tokens, with their positions (`'전표':1,7 '표가':2`).
 * Built here rather than by `to_tsvector('simple', …)`: PostgreSQL's parser would split the tokens
 * again (`m7-021` into `m7` and `-021`, `bapi_po_create1` at each `_`), undoing the tokenizer.
 */
export function tsvectorLiteral(text: string): string {
  const positions = new Map<string, number[]>();
  let bytes = 0;
  tokenize(text).forEach((token, i) => {
    let list = positions.get(token);
    if (!list) {
      const cost = Buffer.byteLength(token) + LEXEME_OVERHEAD_BYTES;
      if (bytes + cost > MAX_SECTION_BYTES) return;
      bytes += cost;
      list = [];
      positions.set(token, list);
    }
    if (list.length < MAX_POSITIONS_PER_TOKEN) {
      list.push(Math.min(i + 1, MAX_POSITION));
      bytes += 2;
    }
  });
  return [...positions].map(([token, list]) => `${quote(token)}:${[...new Set(list)].join(',')}`).join(' ');
}

/** A tsquery literal that ANDs the tokens, each limited to the given weights (`'전표':A & 'fb60':A`). */
export function tsqueryLiteral(tokens: readonly string[], weights = ''): string {
  return tokens.map((t) => `${quote(t)}${weights ? `:${weights}` : ''}`).join(' & ');
}

export type TSearchableTicket = {
  number: string;
  title: string;
  description: string;
  sapNotes: string[];
  transports: string[];
};
export type TSearchableComment = { body: string; visibility: 'public' | 'internal' };

/** Title weighs most (A), then the description with the SAP Notes, transports and number (B), then comments (C). */
function weighted(title: string, body: string, comments: string): SQL {
  return sql`setweight(${tsvectorLiteral(title)}::tsvector, 'A') || setweight(${tsvectorLiteral(body)}::tsvector, 'B') || setweight(${tsvectorLiteral(comments)}::tsvector, 'C')`;
}

/**
 * The two documents a ticket is found by: the public one holds only what its customer may read,
 * so a customer's search cannot reach a word that stands only in an internal note.
 */
export function ticketSearchVectors(
  ticket: TSearchableTicket,
  comments: readonly TSearchableComment[],
): { publicVector: SQL; staffVector: SQL } {
  const body = [ticket.description, ...ticket.sapNotes, ...ticket.transports, ticket.number].join('\n');
  const publicComments = comments.filter((c) => c.visibility === 'public').map((c) => c.body);
  return {
    publicVector: weighted(ticket.title, body, publicComments.join('\n')),
    staffVector: weighted(ticket.title, body, comments.map((c) => c.body).join('\n')),
  };
}
