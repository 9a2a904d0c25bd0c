/** The initial consonants (초성) in the order of the Hangul syllable block. */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
/** Syllables per initial consonant: 21 vowels × 28 finals. */
const PER_INITIAL = 21 * 28;

/**
 * The initial consonants of the Hangul syllables in `text`, other characters as they are: 전표 → ㅈㅍ,
 * `FB60 전표` → `FB60 ㅈㅍ`. Pickers match what a user types as ㅈㅍ against it.
 */
export function choseong(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    out +=
      code >= FIRST_SYLLABLE && code <= LAST_SYLLABLE
        ? INITIALS[Math.floor((code - FIRST_SYLLABLE) / PER_INITIAL)]!
        : ch;
  }
  return out;
}

/** Whether a query is typed in initial consonants only (ㅈㅍ, ㅅㅈ ㅇㄹ), so a picker should match by 초성. */
export function isChoseongQuery(q: string): boolean {
  const letters = q.replace(/\s+/g, '');
  return letters.length > 0 && [...letters].every((ch) => INITIALS.includes(ch));
}

/** Whether `name` matches a 초성 query: 전표 조회 matches ㅈㅍ, ㅈㅍㅈㅎ and ㅈㅍ ㅈㅎ. */
export function matchesChoseong(name: string, q: string): boolean {
  const initials = choseong(name).replace(/\s+/g, '');
  return initials.includes(q.replace(/\s+/g, ''));
}

/** 초성 of a name without spaces, Latin lower-cased: `(주)현대 제철` → `(ㅈ)ㅎㄷㅈㅊ`. */
export function initialsOf(name: string): string {
  return choseong(name).replace(/\s+/g, '').toLowerCase();
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
/** Where a name splits into words for a picker: spaces, brackets, middle dots, commas, slashes, hyphens. */
const WORD_BREAK = /[\s()（）·,/-]+/;

/**
 * How well a name (or its code, e-mail…) answers what a user typed into a picker, or null when it
 * does not: 0 when it starts with the query, 1 when one of its words does, 2 when it merely holds
 * it. A query of initial consonants (`ㅎㄷ`) is matched against the names' 초성 (현대제철, (주)한독),
 * anything else against the text in any case (`hy` → Hyundai). The best of the fields counts.
 */
export function pickRank(q: string, fields: readonly string[]): 0 | 1 | 2 | null {
  const isInitials = isChoseongQuery(q);
  const needle = isInitials ? q.replace(/\s+/g, '') : fold(q.trim());
  if (needle === '') return 0;
  let best: 0 | 1 | 2 | null = null;
  for (const field of fields) {
    if (!field) continue;
    const whole = isInitials ? initialsOf(field) : fold(field);
    const words = field.split(WORD_BREAK).map((w) => (isInitials ? initialsOf(w) : fold(w)));
    const rank = whole.startsWith(needle)
      ? 0
      : words.some((w) => w.startsWith(needle))
        ? 1
        : whole.includes(needle)
          ? 2
          : null;
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}
