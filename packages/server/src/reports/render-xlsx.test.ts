import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderMonthlyReportXlsx } from './render-xlsx.js';
import { monthlyReportFixture } from './report.fixtures.js';

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet below its header, as plain values. */
function rows(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

describe('monthly report XLSX', () => {
  it('has one sheet per raw table, each with a bold frozen header row', async () => {
    const wb = await open(await renderMonthlyReportXlsx(monthlyReportFixture(), 'ko'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '요약',
      '유형별',
      '모듈별',
      '우선순위별',
      '채널별',
      'SLA',
      '공수 추이',
      '점검',
      '주요 장애',
      '만족도',
      '이월 항목',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).getCell(1).font?.bold, ws.name).toBe(true);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThan(8);
    }
  });

  it('holds the figures as numbers', async () => {
    const wb = await open(await renderMonthlyReportXlsx(monthlyReportFixture(), 'ko'));
    expect(rows(wb, '유형별')[0]).toEqual(['문의', 'inquiry', 83, 80, 75]);
    expect(rows(wb, '모듈별').at(-1)).toEqual(['(모듈 없음)', undefined, 11, 10, 9]);
    expect(rows(wb, '채널별')[1]).toEqual(['이메일', 'email', 52, 48, 44]);
    const total = rows(wb, 'SLA').at(-1)!;
    expect(total.slice(0, 7)).toEqual(['합계', 131, 4, 97, 121, 8, 93.8]);
    expect(total.slice(7)).toEqual([135, 38, 95, 129, 742, 2160]);
    expect(rows(wb, '공수 추이').at(-1)).toEqual(['2026-11', 148.5, 160, 121, 31.5, 8.5]);
    expect(rows(wb, '만족도')).toEqual([
      [5, 27],
      [4, 11],
      [3, 2],
      [2, 1],
      [1, 0],
    ]);
    const summary = new Map(rows(wb, '요약').map(([k, v]) => [k, v]));
    expect(summary.get('고객사')).toBe('대한정밀(주)');
    expect(summary.get('주요 장애')).toBe(3);
    expect(summary.get('해결 SLA 달성률 (%)')).toBe(93.8);
    expect(summary.get('사용 공수(유상) (시간)')).toBe(148.5);
    expect(rows(wb, '이월 항목')).toHaveLength(8);
  });

  it('writes instants as dates in the report time zone', async () => {
    const wb = await open(await renderMonthlyReportXlsx(monthlyReportFixture(), 'ko'));
    const incident = rows(wb, '주요 장애')[0]!;
    expect(incident[0]).toBe('HMK-1001');
    // Created 2026-11-04T00:10Z is 09:10 in Seoul; the cell shows the Seoul wall clock.
    expect(incident[6]).toEqual(new Date('2026-11-04T09:10:00Z'));
    expect(wb.getWorksheet('주요 장애')!.getRow(2).getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(incident[9]).toBe('번호 범위 FBN1 소진으로 전표 번호 채번 실패');
  });

  it('names its sheets in English when asked', async () => {
    const wb = await open(await renderMonthlyReportXlsx(monthlyReportFixture(), 'en'));
    expect(wb.worksheets.map((ws) => ws.name)).toContain('Hours trend');
    expect(rows(wb, 'By type')[1]).toEqual(['Incident', 'incident', 31, 29, 25]);
  });

  it('stays readable when a text holds control characters', async () => {
    const report = monthlyReportFixture({ remarks: 'SM21 로그\u0001 발췌\u0008 끝' });
    const wb = await open(await renderMonthlyReportXlsx(report, 'ko'));
    const summary = new Map(rows(wb, '요약').map(([k, v]) => [k, v]));
    expect(summary.get('운영팀 의견')).toBe('SM21 로그 발췌 끝');
  });
});
