/**
 * The search tokenizer: the same words on the way into the index and on the way in from the search
 * box. Hangul becomes overlapping two-syllable pieces (bigrams) plus the whole word, so a word with a
 * particle attached (전표가, 전표를) still holds 전표; other letters and digits are words, lower-cased;
 * SAP names keep their shape: transaction codes (ME21N, /SCWM/MON), message IDs (M7 021 → m7-021),
 * SAP Note numbers, transport requests (DEVK900123), ABAP names (BAPI_PO_CREATE1).
 */

/** One token and where it stands in the NFC form of the text (UTF-16 offsets, end exclusive). */
export type TToken = { token: string; start: number; end: number };

type TRun = { kind: 'hangul' | 'word' | 'namespace'; text: string; start: number; end: number };

const HANGUL = '\\uAC00-\\uD7A3';
/** A namespaced SAP name (/SCWM/MON), a run of Hangul syllables, or a run of other letters, digits and `_`. */
const RUN = new RegExp(
  [
    `(?<![\\p{L}\\p{N}_/])\\/(?:(?![${HANGUL}])[\\p{L}\\p{N}_])+\\/(?:(?![${HANGUL}])[\\p{L}\\p{N}_])+`,
    `[${HANGUL}]+`,
    `(?:(?![${HANGUL}])[\\p{L}\\p{N}_])+`,
  ].join('|'),
  'gu',
);

/**
 * Korean particles (조사) that attach to a word, longest first. A query drops them; the index keeps a
 * one-syllable word that carries one (표가 → 표), which no bigram would hold.
 */
export const PARTICLES = [
  '에서는',
  '으로는',
  '에서',
  '으로',
  '에게',
  '한테',
  '께서',
  '까지',
  '부터',
  '처럼',
  '보다',
  '하고',
  '이나',
  '이랑',
  '에는',
  '에도',
  '이',
  '가',
  '을',
  '를',
  '은',
  '는',
  '의',
  '에',
  '도',
  '로',
  '와',
  '과',
  '만',
  '랑',
] as const;

/** Words that name what follows as an SAP Note; a query keeps the number only. */
const NOTE_WORDS = new Set(['sap', 'note', 'notes', 'oss', 'kba', '노트', '노트번호', '번호']);
const SAP_NOTE = /^\d{6,8}$/;
/** A message class (M7, F5, KI, V1, 00) before a three-digit message number. */
const MESSAGE_CLASS = /^(?=[a-z0-9]*[a-z])[a-z0-9]{2,3}$|^00$/;
const MESSAGE_NUMBER = /^\d{3}$/;
/** The class and number written together, as in M7021. */
const GLUED_MESSAGE = /^([a-z]\d)(\d{3})$/;
const MESSAGE_SEPARATOR = /^[ \t]?-?[ \t]?$/;
/** Longer tokens are left out: PostgreSQL refuses a lexeme over 2 KB, and nobody searches by them. */
const MAX_TOKEN_LENGTH = 64;

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

function runsOf(text: string): TRun[] {
  const runs: TRun[] = [];
  for (const m of text.matchAll(RUN)) {
    const value = m[0];
    const kind = value.startsWith('/') ? 'namespace' : /^[\uAC00-\uD7A3]/.test(value) ? 'hangul' : 'word';
    runs.push({ kind, text: value, start: m.index, end: m.index + value.length });
  }
  return runs;
}

/** The index tokens of one word of letters and digits: the word, its `_` parts, a glued message ID. */
function wordTokens(word: string, start: number, out: TToken[]): void {
  const end = start + word.length;
  const folded = fold(word);
  out.push({ token: folded, start, end });
  if (word.includes('_')) {
    let offset = start;
    for (const part of word.split('_')) {
      if (part) out.push({ token: fold(part), start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
  }
  const glued = GLUED_MESSAGE.exec(folded);
  if (glued) {
    out.push({ token: `${glued[1]}-${glued[2]}`, start, end });
    out.push({ token: glued[1]!, start, end: start + 2 });
    out.push({ token: glued[2]!, start: start + 2, end });
  }
}

/** The one-syllable word before a particle (표가 → 표), if the word is one. */
function oneSyllableStem(word: string): string | null {
  for (const particle of PARTICLES) {
    if (word.length - particle.length === 1 && word.endsWith(particle)) return word[0]!;
  }
  return null;
}

function hangulTokens(word: string, start: number, out: TToken[]): void {
  if (word.length === 1) {
    out.push({ token: word, start, end: start + 1 });
    return;
  }
  for (let i = 0; i + 1 < word.length; i++)
    out.push({ token: word.slice(i, i + 2), start: start + i, end: start + i + 2 });
  if (word.length > 2) out.push({ token: word, start, end: start + word.length });
  const stem = oneSyllableStem(word);
  if (stem) out.push({ token: stem, start, end: start + 1 });
}

/** Two runs that read as a message ID: `M7 021`, `M7-021`. */
function isMessageId(text: string, klass: TRun | undefined, number: TRun | undefined): boolean {
  return (
    klass?.kind === 'word' &&
    number?.kind === 'word' &&
    MESSAGE_CLASS.test(fold(klass.text)) &&
    MESSAGE_NUMBER.test(number.text) &&
    MESSAGE_SEPARATOR.test(text.slice(klass.end, number.start))
  );
}

/** Index tokens with their places in `text.normalize('NFC')`, in the order they appear. */
export function tokenizeWithOffsets(input: string): TToken[] {
  const text = input.normalize('NFC');
  const runs = runsOf(text);
  const out: TToken[] = [];
  runs.forEach((run, i) => {
    if (run.kind === 'hangul') hangulTokens(run.text, run.start, out);
    else if (run.kind === 'word') wordTokens(run.text, run.start, out);
    else {
      out.push({ token: fold(run.text), start: run.start, end: run.end });
      const [, space = '', name = ''] = run.text.split('/');
      out.push({ token: fold(space), start: run.start + 1, end: run.start + 1 + space.length });
      wordTokens(name, run.end - name.length, out);
    }
    const klass = runs[i - 1];
    if (klass && isMessageId(text, klass, run))
      out.push({ token: `${fold(klass.text)}-${run.text}`, start: klass.start, end: run.end });
  });
  return out.filter((t) => t.token.length > 0 && t.token.length <= MAX_TOKEN_LENGTH);
}

/** The tokens a text is indexed by, in order (repeats kept: positions feed the ranking). */
export function tokenize(text: string): string[] {
  return tokenizeWithOffsets(text).map((t) => t.token);
}

/** A query word without its particle: 전표가 → 전표, 시스템에서 → 시스템; at least two syllables stay. */
function stripParticle(word: string): string {
  if (word.length < 3) return word;
  for (const particle of PARTICLES) {
    if (word.endsWith(particle) && word.length - particle.length >= 2) return word.slice(0, -particle.length);
  }
  return word;
}

/** The tokens of one Hangul query word, all of which a matching text must hold. */
function hangulQueryTokens(word: string): string[] {
  const stem = stripParticle(word);
  if (stem.length <= 2) return [stem];
  return Array.from({ length: stem.length - 1 }, (_, i) => stem.slice(i, i + 2));
}

/**
 * The tokens of a search query, to be ANDed: every one must be among a matching text's index tokens.
 * A Hangul word of up to two syllables is its own token; a longer one gives all its bigrams; a
 * particle is dropped (전표가 → 전표, ME21N에서 → me21n). SAP names give their whole form only
 * (`M7 021` → m7-021, `/SCWM/MON`), and `SAP Note 2345678` or `노트 2345678` the number.
 */
export function queryTokens(q: string): string[] {
  const text = q.normalize('NFC');
  const runs = runsOf(text);
  const terms: { tokens: string[]; run: TRun }[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const next = runs[i + 1];
    if (isMessageId(text, run, next)) {
      terms.push({ tokens: [`${fold(run.text)}-${next!.text}`], run: next! });
      i++;
      continue;
    }
    if (run.kind === 'hangul') {
      const previous = terms.at(-1)?.run;
      const isAttachedParticle =
        previous !== undefined && previous.kind !== 'hangul' && previous.end === run.start;
      if (isAttachedParticle && (PARTICLES as readonly string[]).includes(run.text)) continue;
      terms.push({ tokens: hangulQueryTokens(run.text), run });
      continue;
    }
    const folded = fold(run.text);
    const glued = GLUED_MESSAGE.exec(folded);
    if (SAP_NOTE.test(folded)) {
      while (terms.length > 0 && terms.at(-1)!.tokens.every((t) => NOTE_WORDS.has(t))) terms.pop();
    }
    terms.push({ tokens: [glued ? `${glued[1]}-${glued[2]}` : folded], run });
  }
  const tokens = terms.flatMap((t) => t.tokens).filter((t) => t.length > 0 && t.length <= MAX_TOKEN_LENGTH);
  return [...new Set(tokens)];
}
