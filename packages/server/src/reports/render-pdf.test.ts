import { describe, expect, it } from 'vitest';
import { renderMonthlyReportPdf } from './render-pdf.js';
import { bigMonthlyReportFixture, monthlyReportFixture, pdfPages } from './report.fixtures.js';

const SIGNED = {
  status: 'signed' as const,
  signedBy: { id: '0b8f3c8e-7c1a-4e0a-9d7e-2f1c3b4a5d6e', name: '이팀장' },
  signedAt: '2026-12-02T01:15:00.000Z',
};

describe('monthly report PDF', () => {
  it('has a cover with the customer, the period and the draft status', async () => {
    const pages = await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(), 'ko'));
    const cover = pages[0]!;
    expect(cover).toContain('대한정밀(주)');
    expect(cover).toContain('2026년 11월 운영 보고');
    expect(cover).toContain('2026-11-01 ~ 2026-11-30');
    expect(cover).toContain('초안');
    // The watermark is on every page of a draft.
    for (const page of pages) expect(page).toContain('초안');
  });

  it('lists the Korean section headings in the order of the report', async () => {
    const text = (await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(), 'ko'))).join('\n');
    const headings = [
      '1. 요약',
      '2. 티켓 현황',
      '3. SLA 달성률',
      '4. 응답·해결 시간',
      '5. 공수 사용 현황',
      '6. 정기 점검 결과',
      '7. 주요 장애',
      '8. 고객 만족도',
      '9. 이월 항목',
      '10. 운영팀 의견',
    ];
    const positions = headings.map((h) => text.indexOf(h));
    expect(
      positions.every((p) => p >= 0),
      headings.filter((_, i) => positions[i]! < 0).join(', '),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("shows the report's figures", async () => {
    const text = (await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(), 'ko'))).join('\n');
    expect(text).toContain('이번 달 주요 장애(P1/P2)는 3건입니다.');
    expect(text).toContain('93.8%'); // resolution SLA attainment
    expect(text).toContain('96.6%'); // P3 response attainment
    expect(text).toContain('12시간 22분'); // mean resolution, 742 business minutes
    expect(text).toContain('148.5'); // hours used
    // An incident's cause, wrapped in its table cell.
    expect(text.replace(/\s+/g, '')).toContain('번호범위FBN1소진으로전표번호채번실패');
    expect(text).toContain('월말 기준 미해결 8건이 다음 달로 이월됩니다.');
    expect(text).toContain('HMK-0707');
    expect(text).toContain('(모듈 없음)');
  });

  it('renders the Markdown remarks as plain paragraphs and bullets', async () => {
    const pages = await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(), 'ko'));
    const text = pages.join('\n');
    expect(text).toContain('이번 달 운영 총평');
    expect(text).toContain('FI 전표 전기 장애');
    expect(text).not.toContain('**');
    expect(text).not.toContain('## ');
    expect(text).toContain('운영 가이드 (https://example.com/guide) 개정');
  });

  it('numbers every page "n / N"', async () => {
    const pages = await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(), 'ko'));
    expect(pages.length).toBeGreaterThan(2);
    for (const [i, page] of pages.entries()) expect(page.split('\n')).toContain(`${i + 1} / ${pages.length}`);
  });

  it('embeds the Korean font as a subset', async () => {
    const pdf = (await renderMonthlyReportPdf(monthlyReportFixture(), 'ko')).toString('latin1');
    expect(pdf).toContain('/FontFile2');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NanumGothic\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NanumGothicBold\b/);
  });

  it('shows who signed a signed report and no draft watermark', async () => {
    const pages = await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(SIGNED), 'ko'));
    expect(pages[0]).toContain('승인됨');
    expect(pages[0]).toContain('이팀장');
    expect(pages[0]).toContain('2026-12-02 10:15'); // Seoul time
    expect(pages.join('\n')).not.toContain('초안');
  });

  it('speaks English when asked', async () => {
    const pages = await pdfPages(await renderMonthlyReportPdf(monthlyReportFixture(SIGNED), 'en'));
    expect(pages[0]).toContain('Operations report, November 2026');
    const text = pages.join('\n');
    expect(text).toContain('3. SLA attainment');
    expect(text).toContain('3 notable incidents (P1/P2) this month.');
  });

  it('breaks long tables across pages with their header repeated, quickly', async () => {
    const report = bigMonthlyReportFixture(50, 300);
    await renderMonthlyReportPdf(report, 'ko'); // warm up: font files and parsers
    const started = performance.now();
    const pdf = await renderMonthlyReportPdf(report, 'ko');
    const ms = performance.now() - started;
    const pages = await pdfPages(pdf);
    const withLastItem = pages.findIndex((p) => p.includes('HMK-3299'));
    const withFirstItem = pages.findIndex((p) => p.includes('HMK-3000'));
    expect(withLastItem).toBeGreaterThan(withFirstItem + 3);
    // Every page of the carried-over list starts its table with the header row.
    for (const page of pages.slice(withFirstItem + 1, withLastItem + 1)) expect(page).toContain('담당자');
    expect(ms).toBeLessThan(3000); // well under a second on a quiet machine; loose for a loaded CI
  });

  it('renders a month without any activity and text the font lacks', async () => {
    const zero = { met: 0, breached: 0, attainmentPercent: null };
    const none = { count: 0, mean: null, p90: null };
    const report = monthlyReportFixture({
      contracts: [],
      tickets: {
        total: { created: 0, resolved: 0, closed: 0 },
        byType: [],
        byModule: [],
        byPriority: [],
        byChannel: [],
      },
      sla: { response: zero, resolution: zero, byPriority: [] },
      times: { unit: 'minutes', response: none, resolution: none, byPriority: [] },
      hours: {
        entitlement: 0,
        used: 0,
        nonBillable: 0,
        remaining: 0,
        percentUsed: null,
        byWorkClass: { A: 0, B: 0, C: 0 },
        trend: [],
      },
      inspections: { done: 0, items: { ok: 0, warning: 0, failed: 0 }, openFindings: 0, findings: [] },
      notableIncidents: [],
      satisfaction: { sent: 0, responses: 0, average: null, distribution: [0, 0, 0, 0, 0] },
      carriedOver: { count: 0, items: [] },
      remarks: `😀 탭\t문자와 ${'아주긴단어'.repeat(200)}\n\n${'긴 의견입니다. '.repeat(2000)}`,
    });
    const pages = await pdfPages(await renderMonthlyReportPdf(report, 'ko'));
    const text = pages.join('\n');
    expect(text).toContain('이번 달 주요 장애(P1/P2)는 없습니다.');
    expect(text).toContain('경과 시간 기준');
    expect(pages.length).toBeGreaterThan(5);
  });
});
