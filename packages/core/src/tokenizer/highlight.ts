import { tokenizeWithOffsets } from './tokenize.js';

/** A highlighted stretch of a text: UTF-16 offsets, `end` exclusive. */
export type TRange = { start: number; end: number };

/**
 * Where the query's tokens occur in `text` (taken in its NFC form), merged where they touch:
 * `FB60 전표가` with the query `전표` gives the range of 전표, without the particle.
 */
export function highlightRanges(text: string, tokens: readonly string[]): TRange[] {
  const wanted = new Set(tokens);
  const hits = tokenizeWithOffsets(text)
    .filter((t) => wanted.has(t.token))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const ranges: TRange[] = [];
  for (const hit of hits) {
    const last = ranges.at(-1);
    if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
    else ranges.push({ start: hit.start, end: hit.end });
  }
  return ranges;
}

/** A short passage of one of the texts with the query's tokens marked by offsets into it. */
export type TSnippet = { text: string; highlights: TRange[] };

const ELLIPSIS = '…';

/** How many different query tokens a text holds. */
function distinctHits(text: string, tokens: readonly string[]): number {
  const wanted = new Set(tokens);
  return new Set(tokenizeWithOffsets(text).flatMap((t) => (wanted.has(t.token) ? [t.token] : []))).size;
}

/**
 * The passage to show under a search result: from the text that holds the most of the query's
 * tokens (the first on a tie), about `width` characters starting a little before the first hit, on
 * one line, with `…` where it was cut. With no hit, the start of the first non-empty text.
 */
export function snippetOf(texts: readonly string[], tokens: readonly string[], width = 160): TSnippet {
  const lines = texts.map((t) => t.normalize('NFC').replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  if (lines.length === 0) return { text: '', highlights: [] };
  let best = lines[0]!;
  let bestHits = 0;
  for (const line of lines) {
    const hits = distinctHits(line, tokens);
    if (hits > bestHits) [best, bestHits] = [line, hits];
  }
  const ranges = highlightRanges(best, tokens);
  let from = Math.max(0, (ranges[0]?.start ?? 0) - 30);
  // Start at a word boundary when one is near, not in the middle of a word.
  const space = best.indexOf(' ', from);
  if (from > 0 && space !== -1 && space < (ranges[0]?.start ?? 0)) from = space + 1;
  const to = Math.min(best.length, from + width);
  const prefix = from > 0 ? ELLIPSIS : '';
  const text = `${prefix}${best.slice(from, to)}${to < best.length ? ELLIPSIS : ''}`;
  const shift = prefix.length - from;
  const highlights = ranges
    .filter((r) => r.start < to && r.end > from)
    .map((r) => ({ start: Math.max(r.start, from) + shift, end: Math.min(r.end, to) + shift }));
  return { text, highlights };
}
