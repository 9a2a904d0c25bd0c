import { describe, expect, it } from 'vitest';
import { choseong, initialsOf, isChoseongQuery, matchesChoseong, pickRank } from './choseong.js';

describe('초성 for pickers', () => {
  it('gives the initial consonants of Hangul and keeps the rest', () => {
    expect(choseong('전표 조회')).toBe('ㅈㅍ ㅈㅎ');
    expect(choseong('FB60 전표')).toBe('FB60 ㅈㅍ');
    expect(initialsOf('(주)현대 제철 AB')).toBe('(ㅈ)ㅎㄷㅈㅊab');
    expect(initialsOf('까치 빵')).toBe('ㄲㅊㅃ');
  });

  it('tells a query of initial consonants from text', () => {
    expect(isChoseongQuery('ㅎㄷ')).toBe(true);
    expect(isChoseongQuery('ㅎ ㄷ')).toBe(true);
    expect(isChoseongQuery('현ㄷ')).toBe(false);
    expect(isChoseongQuery('HD')).toBe(false);
    expect(matchesChoseong('한빛화학', 'ㅎㅎ')).toBe(true);
  });

  it('ranks a name that starts with the query before one whose word does, before one that holds it', () => {
    expect(pickRank('ㅎㄷ', ['현대제철'])).toBe(0);
    expect(pickRank('ㅎㄷ', ['(주)현대제철'])).toBe(1);
    expect(pickRank('ㅎㄷ', ['삼성 현대'])).toBe(1);
    expect(pickRank('ㅎㄷ', ['대한현대'])).toBe(2);
    expect(pickRank('ㅎㄷ', ['삼성전자'])).toBeNull();
    expect(pickRank('hy', ['Hyundai Steel'])).toBe(0);
    expect(pickRank('steel', ['Hyundai Steel'])).toBe(1);
    expect(pickRank('현대', ['대한현대'])).toBe(2);
    expect(pickRank('kim', ['김하늘', 'kim.haneul@example.com'])).toBe(0);
    expect(pickRank('  ', ['아무나'])).toBe(0);
  });

  it('takes the best of several fields and skips empty ones', () => {
    expect(pickRank('HNX', ['한빛화학', 'HNX'])).toBe(0);
    expect(pickRank('ㅎㅂ', ['', '한빛화학'])).toBe(0);
  });
});
