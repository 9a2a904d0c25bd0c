/**
 * The judged relevance set: queries as SAP business users and agents type them into the search box,
 * over the demo corpus (demo/load-demo.ts), each with the tickets that answer it, judged by reading
 * the demo's ticket kinds (demo/demo-templates-*.ts): a ticket is relevant when its title is one of
 * `titles` (a title ending in `…` matches by its start, for titles with a number filled in; one
 * starting with `…` by what follows), or when
 * its text (title, description, SAP Notes, transports) contains `contains`. `{note}` and
 * `{transport}` stand for the lowest SAP Note and transport number of the loaded demo. Judged by meaning, not by
 * what the ranker returns: a query whose words are not in the relevant tickets still counts (and
 * scores 0) — `KE30 느림`, where the tickets say 지연.
 */
export type TJudgedQuery = { q: string; titles?: string[]; contains?: string; why?: string };

/** Fills `{note}` and `{transport}` in a judged query with numbers the loaded demo holds. */
export function resolveJudged(
  judged: TJudgedQuery,
  values: { note: string; transport: string },
): TJudgedQuery {
  const fill = (text: string) => text.replace('{note}', values.note).replace('{transport}', values.transport);
  return { ...judged, q: fill(judged.q), contains: judged.contains && fill(judged.contains) };
}

const T = {
  fb60: 'FB60 송장 전기 시 세금코드 오류 (FICORE 704)',
  etax: '전자세금계산서 역발행 건 FI 전표 미생성 문의',
  f110: 'F110 자동지급 실행 시 지급 제안 목록에서 업체 누락',
  fcv: '외화 평가(FAGL_FCV) 실행 결과 검증 요청',
  f13: '월말 결산 중 F.13 자동 반제 실행 시 덤프 발생',
  fb08: '전표 역분개(FB08) 권한 부여 요청',
  fbl3n: 'FBL3N 계정 잔액과 FS10N 금액 불일치 문의',
  ke30: '월말 결산 중 KE30 수익성 보고서 조회 지연',
  ksu5: 'KSU5 배부 실행 후 원가센터 잔액이 남는 현상 문의',
  ck11n: 'CK11N 표준원가 산정 시 "평가 가격 없음" 오류 (CK 465)',
  va01: 'VA01 판매오더 생성 시 가격결정 오류 (조건 PR00 없음)',
  vf01: 'VF01 대금청구 시 회계 이전 안 됨 (계정결정 오류)',
  vl02n: 'VL02N 출고 처리 후 재고가 차감되지 않음 문의',
  credit: '고객 BP 여신한도 일괄 변경 요청 (…',
  vkm3: '여신 보류된 판매오더 해제 불가 (VKM3)',
  me21n: 'ME21N 구매오더 저장 시 M7 021 오류',
  migo: 'MIGO 입고 처리 시 "전기 기간이 열려 있지 않음" 오류 (M7 053)',
  miro: 'MIRO 송장 검증 시 가격 차이로 지급 보류 문의',
  release: '구매 릴리즈 전략 결재자 변경 요청',
  mrp: 'MRP 실행(MD01N) 후 구매요청 미생성',
  vat: '부가세 신고서(RFUMSV00) 금액과 세금계산서 합계 차이 문의',
  inforec: '구매 정보 레코드 단가 일괄 변경 방법 문의',
  mb51: 'MB51 자재 전표 조회 시 이동유형별 합계 보는 방법 문의',
  form: '거래명세서 출력 양식에 납품처 주소 추가 가능 여부 문의',
  io: '내부오더 예산 잔액 조회 리포트 문의',
  tax: '중도 퇴사자 연말정산 원천징수영수증 출력 방법 문의',
  co11n: 'CO11N 작업실적 확정 시 백플러시 자재 재고 부족 오류',
  mes: 'MES 실적 인터페이스 수신 누락 (IDoc 상태 51)',
  qa32: 'QA32 사용결정 후 품질검사 재고가 가용 재고로 이동하지 않음',
  equi: '설비 마스터 일괄 등록 요청 (…',
  wbs: 'CJ20N WBS 예산 초과 오류(BP 604) 문의',
  payroll: '급여 계산(PC00_M41_CALC) 시 건강보험 요율 반영 오류',
  ewm: 'EWM 웨어하우스 태스크 확정 시 오류 (/SCWM/L3 소스 빈 재고 부족)',
  st22: 'ST22 덤프 다수 발생 (TSV_TNEW_PAGE_ALLOC_FAILED)',
  /** The follow-up a failed ST22 item of a demo inspection opens: about the same dumps. */
  st22FollowUp: '[점검 후속] 런타임 오류 덤프 (ST22)',
  sm37: 'PRD 야간 배치잡 취소 (SM37 Z_FI_DAILY_INTERFACE)',
  lock: 'SAP 계정 잠김 해제 및 비밀번호 초기화 요청',
  newUser: '신규 입사자 SAP 계정 생성 및 역할 부여 요청',
  note: 'SAP Note …',
  transport: '운송요청 …',
  slow: 'PRD 시스템 응답 지연 (대화 응답시간 3초 이상)',
  gui: 'SAP GUI 8.00 업그레이드 후 엑셀 다운로드 오류',
  zsdr: 'ZSDR0010 매출 현황 리포트 실행 시 시간 초과 (TIME_OUT)',
  upload: 'ZFI 전표 업로드 프로그램 엑셀 양식 항목 추가',
  chain: 'BW 프로세스 체인 야간 실패 (PC_SD_DAILY_LOAD)',
  bwDiff: 'BW 매출 리포트와 ERP 매출 금액 차이 문의',
  iflow: 'Integration Suite iFlow 전자세금계산서 전송 실패',
  pos: 'POS 매출 인터페이스 새벽 배치 지연',
  fiori: "Fiori 앱 '구매요청 승인' 타일이 로딩되지 않음",
  ke30Problem: '월말 KE30 조회 지연 재발 – 근본 원인 분석',
  rfc: '매일 아침 반복되는 MES 인터페이스 RFC 타임아웃 원인 분석',
  zmmr: 'ZMMR0200 재고 현황 리포트 성능 개선',
  batchMonitor: '월말 결산 배치잡 모니터링 자동화',
  guide: '반복 문의 정리 – 출고·대금청구 처리 가이드 작성',
  inspection: '…정기 점검',
} as const;

export const JUDGED_QUERIES: TJudgedQuery[] = [
  // What business users type: a transaction code, a symptom, a few Korean words.
  { q: '전표 전기 오류', titles: [T.fb60, T.migo, T.vf01], why: 'a document that will not post' },
  { q: 'ME21N 저장 오류', titles: [T.me21n] },
  { q: '권한', titles: [T.fb08, T.vkm3], why: 'authorization asked for or missing' },
  {
    q: '마감',
    titles: [T.f13, T.ke30, T.ke30Problem, T.batchMonitor, T.payroll, T.migo],
    why: 'period and payroll closing',
  },
  // The demo draws its SAP Note and transport numbers afresh on each load: the lowest of each is asked for.
  { q: 'SAP Note {note}', contains: '{note}' },
  { q: '{transport}', contains: '{transport}' },
  { q: 'M7 021', titles: [T.me21n] },
  { q: 'M7 053', titles: [T.migo] },
  { q: '전표가 생성되지 않음', titles: [T.etax, T.vf01] },
  { q: '세금코드', titles: [T.fb60, T.vat] },
  { q: '세금계산서', titles: [T.etax, T.vat, T.iflow] },
  { q: '전자세금계산서 전송 실패', titles: [T.iflow] },
  { q: '자동지급 업체 누락', titles: [T.f110] },
  { q: 'F110', titles: [T.f110] },
  { q: '외화 평가', titles: [T.fcv] },
  { q: 'OB08 환율', titles: [T.fcv] },
  { q: '덤프', titles: [T.f13, T.st22, T.zsdr, T.st22FollowUp] },
  { q: 'ST22', titles: [T.st22, T.f13, T.st22FollowUp] },
  { q: 'TIME_OUT', titles: [T.zsdr] },
  { q: '역분개 권한', titles: [T.fb08] },
  { q: 'FB08', titles: [T.fb08] },
  { q: '계정 잔액 불일치', titles: [T.fbl3n] },
  { q: 'KE30', titles: [T.ke30, T.ke30Problem] },
  { q: 'KE30 느림', titles: [T.ke30, T.ke30Problem], why: 'the tickets say 지연, not 느림' },
  { q: '배부 후 잔액', titles: [T.ksu5] },
  { q: '표준원가', titles: [T.ck11n] },
  { q: 'CK 465', titles: [T.ck11n] },
  { q: '가격결정 오류', titles: [T.va01] },
  { q: 'PR00', titles: [T.va01] },
  { q: '대금청구 회계 이전', titles: [T.vf01] },
  { q: 'VKOA 계정결정', titles: [T.vf01] },
  { q: '출고 재고 차감', titles: [T.vl02n] },
  { q: '여신한도를 변경', titles: [T.credit] },
  { q: '여신 보류 해제', titles: [T.vkm3] },
  { q: '권한이 없음', titles: [T.vkm3] },
  { q: '입고 전기 기간', titles: [T.migo] },
  { q: 'MMPV', titles: [T.migo] },
  { q: '송장 검증 지급 보류', titles: [T.miro] },
  { q: '지급 보류', titles: [T.miro, T.f110] },
  { q: '결재자를 변경', titles: [T.release] },
  { q: 'MRP 구매요청', titles: [T.mrp] },
  { q: '부가세 신고 차이', titles: [T.vat] },
  { q: '정보 레코드 단가', titles: [T.inforec] },
  { q: 'MB51 이동유형', titles: [T.mb51] },
  { q: '거래명세서', titles: [T.form] },
  { q: '내부오더 예산', titles: [T.io] },
  { q: '백플러시', titles: [T.co11n] },
  { q: 'IDoc 51', titles: [T.mes] },
  { q: 'MES 인터페이스', titles: [T.mes, T.rfc] },
  { q: '사용결정', titles: [T.qa32] },
  { q: '설비 등록', titles: [T.equi] },
  { q: 'WBS 예산 초과', titles: [T.wbs] },
  { q: '건강보험 요율', titles: [T.payroll] },
  { q: '/SCWM/L3', titles: [T.ewm] },
  { q: '웨어하우스 태스크', titles: [T.ewm] },
  { q: '계정 잠김', titles: [T.lock] },
  { q: '비밀번호 초기화', titles: [T.lock] },
  { q: '신규 입사자 계정', titles: [T.newUser] },
  { q: '보안 패치', titles: [T.note] },
  { q: 'PRD 이관 요청', titles: [T.transport] },
  { q: '응답 지연', titles: [T.slow] },
  { q: '엑셀 다운로드', titles: [T.gui] },
  { q: '엑셀 양식 항목 추가', titles: [T.upload] },
  { q: '프로세스 체인 실패', titles: [T.chain] },
  { q: 'BW 매출 차이', titles: [T.bwDiff] },
  { q: 'iFlow', titles: [T.iflow, T.pos] },
  { q: 'Fiori 로딩', titles: [T.fiori] },
  { q: 'RFC 타임아웃', titles: [T.rfc] },
  { q: '재고 현황 리포트', titles: [T.zmmr] },
  { q: '배치잡', titles: [T.sm37, T.batchMonitor] },
  { q: '정기 점검', titles: [T.inspection] },
  // What agents type: an add-on table or program from an internal note.
  { q: 'ZFIT_ETAX', titles: [T.etax] },
  { q: 'SM37 Z_FI_DAILY_INTERFACE', titles: [T.sm37] },
  // Latin words mistyped: typo tolerance should carry them.
  { q: 'Integraton Suite 실패', titles: [T.iflow] },
  { q: 'Keystroe 인증서', titles: [T.iflow] },
  { q: 'Fioir 타일', titles: [T.fiori] },
  { q: 'Securty Patch', titles: [T.note] },
  { q: 'Adobe Fomr', titles: [T.form] },
];

/** Whether a demo ticket answers a judged query. */
export function isRelevant(
  judged: TJudgedQuery,
  ticket: { title: string; description: string; sapNotes: string[]; transports: string[] },
): boolean {
  if (judged.contains) {
    const text = [ticket.title, ticket.description, ...ticket.sapNotes, ...ticket.transports].join('\n');
    if (text.includes(judged.contains)) return true;
  }
  return (judged.titles ?? []).some((title) => {
    if (title.startsWith('…')) return ticket.title.includes(title.slice(1));
    return title.endsWith('…') ? ticket.title.startsWith(title.slice(0, -1)) : ticket.title === title;
  });
}

export type TRelevanceScore = {
  q: string;
  relevant: number;
  precisionAt5: number;
  cappedPrecisionAt5: number;
  reciprocalRank: number;
};

/**
 * Precision@5 (relevant among the first five, over five), the same capped (over the number of
 * relevant tickets when fewer than five exist), and the reciprocal rank of the first relevant hit.
 */
export function scoreRanking(q: string, ranked: boolean[], relevantCount: number): TRelevanceScore {
  const top5 = ranked.slice(0, 5).filter(Boolean).length;
  const first = ranked.indexOf(true);
  return {
    q,
    relevant: relevantCount,
    precisionAt5: top5 / 5,
    cappedPrecisionAt5: relevantCount === 0 ? 0 : top5 / Math.min(5, relevantCount),
    reciprocalRank: first === -1 ? 0 : 1 / (first + 1),
  };
}
