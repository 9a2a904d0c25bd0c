import { PARTICLES, queryTokens } from '@hamkke/core';

/**
 * Pieces of Korean verb endings and filler that nearly every ticket holds (…합니다, …부탁드립니다,
 * 확인 요청): they say nothing about what a case is about, so they neither find nor rank cases.
 */
const FILLER = new Set([
  '니다',
  '합니',
  '습니',
  '됩니',
  '있습',
  '없습',
  '립니',
  '드립',
  '부탁',
  '세요',
  '주세',
  '하여',
  '해서',
  '있는',
  '하는',
  '되는',
  '했습',
  '었습',
  '였습',
  '겠습',
  '요청',
  '문의',
  '확인',
  '바랍',
  '랍니',
  '해주',
  '니까',
  '인지',
  '는지',
  '경우',
  '관련',
  '합니다',
  '않습',
  '되지',
  '않고',
  '않는',
  '않아',
  '되어',
  '되었',
  '었습',
  '나요',
  '할까',
  '싶습',
  '어떻',
  '떻게',
  '입니다',
  '있습니다',
  '주세요',
  'the',
  'and',
  'for',
  'with',
  'not',
  'is',
  'are',
  'please',
  'to',
  'of',
  'in',
  'on',
]);

/** Most tokens a case is compared by: enough for a description's gist, few enough for the index. */
const MAX_TOKENS = 40;

/**
 * The tokens a ticket or article is compared by: the query tokens of its title and description (a
 * short Hangul word whole, a long one as bigrams, particles dropped, SAP names whole), without
 * filler, title first, each once.
 */
export function caseTokens(title: string, description: string): string[] {
  const tokens = [...queryTokens(title), ...queryTokens(description.slice(0, 4000))].filter(
    (t) => !FILLER.has(t) && !/^\d{1,2}$/.test(t) && !/^[\uac00-\ud7a3]$/.test(t),
  );
  return [...new Set(tokens)].slice(0, MAX_TOKENS);
}

function stripParticle(word: string): string {
  if (word.length < 3) return word;
  for (const p of PARTICLES)
    if (word.endsWith(p) && word.length - p.length >= 2) return word.slice(0, -p.length);
  return word;
}

/**
 * The words of `text` (as a person wrote them, particles dropped) whose every token another case also
 * holds: what "shared words" shows, readable rather than bigrams. At most `max`, in text order.
 */
export function sharedWords(text: string, shared: ReadonlySet<string>, max = 8): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push(word);
  };
  const words = text
    .normalize('NFC')
    .split(/[\s.,;:!?()[\]{}"'“”‘’<>·…]+/)
    .map((raw) => stripParticle(raw.replace(/^[-*#>]+/, '')))
    .filter((w) => w !== '');
  for (let i = 0; i < words.length && out.length < max; i++) {
    const word = words[i]!;
    // A message ID is two words that make one token (M7 021 → m7-021).
    const pair = i + 1 < words.length ? `${word} ${words[i + 1]}` : '';
    const pairTokens = pair ? queryTokens(pair) : [];
    if (pairTokens.length === 1 && pairTokens[0]!.includes('-') && shared.has(pairTokens[0]!)) {
      add(pair);
      i++;
      continue;
    }
    const tokens = queryTokens(word).filter((t) => !FILLER.has(t));
    if (tokens.length > 0 && tokens.every((t) => shared.has(t))) add(word);
  }
  return out;
}

/** A tsquery literal that ORs the tokens. */
export function orQueryLiteral(tokens: readonly string[]): string {
  return tokens.map((t) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`).join(' | ');
}
