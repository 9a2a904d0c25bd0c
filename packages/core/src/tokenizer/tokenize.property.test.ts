import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTICLES, queryTokens, tokenize } from './tokenize.js';

const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
const hangulWord = fc.array(syllable, { minLength: 1, maxLength: 6 }).map((s) => s.join(''));
const particle = fc.constantFrom('', ...PARTICLES);
const latinWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/);
const filler = fc.array(fc.oneof(hangulWord, latinWord), { maxLength: 4 }).map((w) => w.join(' '));

describe('tokenizer properties', () => {
  it('finds a Korean word in any text that holds it followed by any particle', () => {
    fc.assert(
      fc.property(filler, hangulWord, particle, filler, (before, word, p, after) => {
        const index = new Set(tokenize(`${before} ${word}${p} ${after}`));
        for (const token of queryTokens(word)) expect(index).toContain(token);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a Latin word or SAP code whatever its case, also with a particle attached', () => {
    fc.assert(
      fc.property(latinWord, particle, fc.boolean(), (word, p, upper) => {
        const written = upper ? word.toUpperCase() : word.toLowerCase();
        const index = new Set(tokenize(`확인 ${written}${p} 요청`));
        for (const token of queryTokens(word)) expect(index).toContain(token);
        expect(queryTokens(word.toUpperCase())).toEqual(queryTokens(word.toLowerCase()));
      }),
    );
  });

  it('keeps transaction codes and transport requests whole, lower-cased', () => {
    const tcode = fc.stringMatching(/^[A-Z]{2,4}[0-9]{2}[A-Z]?$/);
    const transport = fc.stringMatching(/^[A-Z][A-Z0-9]{2}K[0-9]{6}$/);
    fc.assert(
      fc.property(fc.oneof(tcode, transport), (code) => {
        expect(tokenize(`${code} 실행 오류`)).toContain(code.toLowerCase());
        expect(queryTokens(code)).toContain(code.toLowerCase());
      }),
    );
  });

  it('finds a message ID written with a space, a hyphen or glued', () => {
    const klass = fc.stringMatching(/^[A-Z][0-9]$/);
    const num = fc.stringMatching(/^[0-9]{3}$/);
    const sep = fc.constantFrom(' ', '-', '');
    fc.assert(
      fc.property(klass, num, sep, sep, (k, n, written, typed) => {
        const index = new Set(tokenize(`메시지 ${k}${written}${n} 발생`));
        for (const token of queryTokens(`${k}${typed}${n}`)) expect(index).toContain(token);
      }),
    );
  });

  it('never yields an empty token or one longer than 64 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const token of [...tokenize(text), ...queryTokens(text)]) {
          expect(token.length).toBeGreaterThan(0);
          expect(token.length).toBeLessThanOrEqual(64);
        }
      }),
    );
  });
});
