import { highlightRanges, snippetOf, type TSearchHit } from '@hamkke/core';
import type { TTicketMatch } from './search-tickets.js';

/**
 * A search result as the API gives it: plain text with highlight offsets (never markup), the
 * snippet drawn from the description and the comments the caller may read.
 */
export function presentTicketHit(match: TTicketMatch, tokens: readonly string[]): TSearchHit {
  const title = match.title.normalize('NFC');
  const snippet = snippetOf([match.description, ...match.comments], tokens);
  return {
    type: 'ticket',
    id: match.id,
    number: match.number,
    title,
    titleHighlights: highlightRanges(title, tokens),
    snippet: snippet.text,
    highlights: snippet.highlights,
    score: Math.round(match.score * 10_000) / 10_000,
  };
}
