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
