import { describe, expect, it } from 'vitest';
import { choseong, isChoseongQuery, matchesChoseong } from './choseong.js';
import { highlightRanges, snippetOf } from './highlight.js';
import { queryTokens, tokenize } from './tokenize.js';

/** Whether a text would be found by a query: every query token among the text's index tokens. */
const finds = (q: string, text: string) => {
  const index = new Set(tokenize(text));
  const tokens = queryTokens(q);
  return tokens.length > 0 && tokens.every((t) => index.has(t));
};

describe('tokenize', () => {
  it('indexes Hangul as overlapping bigrams plus the whole word', () => {
    expect(tokenize('전표 조회 권한')).toEqual(['전표', '조회', '권한']);
    expect(tokenize('전표가 저장되지')).toEqual([
      '전표',
      '표가',
      '전표가',
      '저장',
      '장되',
      '되지',
      '저장되지',
    ]);
  });

  it('keeps a one-syllable word, also with a particle attached', () => {
    expect(tokenize('표')).toEqual(['표']);
    expect(tokenize('표가')).toContain('표');
    expect(tokenize('값을')).toContain('값');
  });

  it('lower-cases Latin words and splits Korean from Latin written together', () => {
    expect(tokenize('Posting ERROR in ME21N에서')).toEqual(['posting', 'error', 'in', 'me21n', '에서']);
  });

  it('keeps transaction codes, transports and SAP Note numbers whole', () => {
    expect(tokenize('ME21N FB60 SE38 DEVK900123 SAP Note 2345678')).toEqual([
      'me21n',
      'fb60',
      'se38',
      'devk900123',
      'sap',
      'note',
      '2345678',
    ]);
  });

  it('keeps a namespaced transaction whole and its parts', () => {
    expect(tokenize('/SCWM/MON 실행')).toEqual(['/scwm/mon', 'scwm', 'mon', '실행']);
  });

  it('keeps an ABAP name with underscores whole and its parts', () => {
    expect(tokenize('BAPI_PO_CREATE1')).toEqual(['bapi_po_create1', 'bapi', 'po', 'create1']);
  });

  it('joins a message class and number into one token and keeps the parts', () => {
    expect(tokenize('메시지 M7 021 발생')).toEqual(expect.arrayContaining(['m7-021', 'm7', '021']));
    expect(tokenize('M7-021')).toContain('m7-021');
    expect(tokenize('M7021')).toEqual(expect.arrayContaining(['m7021', 'm7-021', 'm7', '021']));
    expect(tokenize('M7, 021')).not.toContain('m7-021');
  });

  it('reads decomposed Hangul (NFD, as macOS writes it) like composed Hangul', () => {
    expect(tokenize('전표'.normalize('NFD'))).toEqual(['전표']);
  });

  it('leaves out tokens too long to search by', () => {
    expect(tokenize(`첨부 ${'A'.repeat(500)}`)).toEqual(['첨부']);
  });
});

describe('queryTokens', () => {
  it('gives a two-syllable word as its own bigram and longer words as all their bigrams', () => {
    expect(queryTokens('전표')).toEqual(['전표']);
    expect(queryTokens('저장되지')).toEqual(['저장', '장되', '되지']);
  });

  it('drops particles typed in the query', () => {
    expect(queryTokens('전표가')).toEqual(['전표']);
    expect(queryTokens('시스템에서')).toEqual(['시스', '스템']);
    expect(queryTokens('ME21N에서 저장 오류')).toEqual(['me21n', '저장', '오류']);
  });

  it('reads SAP Notes however they are written', () => {
    expect(queryTokens('SAP Note 2345678')).toEqual(['2345678']);
    expect(queryTokens('노트 2345678')).toEqual(['2345678']);
    expect(queryTokens('SAP노트 2345678 적용')).toEqual(['2345678', '적용']);
    expect(queryTokens('SAP 노트')).toEqual(['sap', '노트']);
  });

  it('keeps message IDs and namespaced transactions whole', () => {
    expect(queryTokens('M7 021')).toEqual(['m7-021']);
    expect(queryTokens('m7021')).toEqual(['m7-021']);
    expect(queryTokens('/SCWM/MON')).toEqual(['/scwm/mon']);
  });

  it('finds the texts a person would expect', () => {
    expect(finds('전표', '전표 조회 권한 문의')).toBe(true);
    expect(finds('전표', 'FB60 전표가 저장되지 않음')).toBe(true);
    expect(finds('전표를', 'FB60 전표가 저장되지 않음')).toBe(true);
    expect(finds('ME21N 저장 오류', 'ME21N 저장 시 오류 M7 021')).toBe(true);
    expect(finds('ME21N 저장 오류', 'FB60 전표가 저장되지 않음')).toBe(false);
    expect(finds('M7 021', '구매오더 생성 시 메시지 M7021 발생')).toBe(true);
    expect(finds('SAP Note 2345678', '노트 2345678 적용 후 재확인')).toBe(true);
    expect(finds('devk900123', '운영 반영 요청: DEVK900123')).toBe(true);
    expect(finds('Posting Error', 'posting error in FB60')).toBe(true);
  });

  it('gives nothing for punctuation alone', () => {
    expect(queryTokens('!!! ...')).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks the word without its particle', () => {
    const text = 'FB60 전표가 저장되지 않음';
    const ranges = highlightRanges(text, queryTokens('전표 저장'));
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['전표', '저장']);
  });

  it('marks a message ID written with a space as one stretch', () => {
    const text = '오류 M7 021 발생';
    expect(highlightRanges(text, queryTokens('M7 021')).map((r) => text.slice(r.start, r.end))).toEqual([
      'M7 021',
    ]);
  });

  it('cuts a passage around the first hit from the text with the most hits', () => {
    const long = `${'배경 설명 '.repeat(30)}월말 마감 때 전표 저장이 안 됩니다`;
    const snippet = snippetOf(['관련 없음', long], queryTokens('전표 저장'));
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.highlights.map((r) => snippet.text.slice(r.start, r.end))).toEqual(['전표', '저장']);
  });

  it('shows the start of the first text when nothing matches', () => {
    expect(snippetOf(['', '첫 줄\n둘째 줄'], ['없음'])).toEqual({ text: '첫 줄 둘째 줄', highlights: [] });
  });
});

describe('choseong', () => {
  it('gives the initial consonants of Hangul syllables and leaves the rest', () => {
    expect(choseong('전표')).toBe('ㅈㅍ');
    expect(choseong('FB60 전표 까치')).toBe('FB60 ㅈㅍ ㄲㅊ');
  });

  it('matches a picker query typed in initial consonants', () => {
    expect(isChoseongQuery('ㅈㅍ')).toBe(true);
    expect(isChoseongQuery('전표')).toBe(false);
    expect(matchesChoseong('전표 조회 권한', 'ㅈㅍㅈㅎ')).toBe(true);
    expect(matchesChoseong('전표 조회 권한', 'ㄱㅎ')).toBe(true);
    expect(matchesChoseong('구매오더', 'ㅈㅍ')).toBe(false);
  });
});
