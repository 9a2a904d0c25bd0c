import type { TICKET_TYPES, TLevel, TSapModule } from '@hamkke/core';

/**
 * A kind of ticket the team sees again and again. Texts may hold placeholders filled per ticket:
 * {bukrs} {plant} {vendor} {customer} {doc} {po} {so} {material} {kostl} {tr} {note} {n} {month}.
 */
export type TTicketTemplate = {
  module: TSapModule;
  type: Exclude<(typeof TICKET_TYPES)[number], 'inspection'>;
  title: string;
  description: string;
  /** Internal note: what the agent found. */
  cause: string;
  /** Public reply that resolves the ticket. */
  resolution: string;
  impact?: TLevel[];
  urgency?: TLevel[];
  tags?: string[];
  /** How often it comes up relative to others (default 2). */
  weight?: number;
  isMonthEnd?: boolean;
  /** Found by the team's own monitoring early in the morning, not reported by the customer. */
  isMonitoring?: boolean;
  hasNote?: boolean;
  hasTransport?: boolean;
};

export const BUSINESS_TEMPLATES: TTicketTemplate[] = [
  {
    module: 'FI',
    type: 'incident',
    weight: 4,
    title: 'FB60 송장 전기 시 세금코드 오류 (FICORE 704)',
    description:
      '매입 송장을 FB60으로 입력할 때 세금코드 V1을 선택하면 "세금코드 V1이(가) 국가 KR에 대해 정의되지 않았습니다" 메시지가 나오며 전기가 되지 않습니다.\n회사코드 {bukrs}, 공급업체 {vendor}입니다. 오늘 중 지급 처리가 필요한 건이라 빠른 확인 부탁드립니다.',
    cause:
      'FTXP 세금코드 V1 조건 레코드가 QAS에만 있고 PRD 이관이 누락됨. 운송요청 {tr}에 포함되어 있으나 미이관 상태 확인.',
    resolution:
      '세금코드 설정 운송요청({tr})을 승인받아 PRD에 이관하였습니다. 다시 전기해 보시고 이상이 있으면 본 티켓에 회신 부탁드립니다.',
    impact: ['medium'],
    urgency: ['high', 'medium'],
    tags: ['세금코드'],
    hasTransport: true,
  },
  {
    module: 'FI',
    type: 'inquiry',
    weight: 4,
    title: '전자세금계산서 역발행 건 FI 전표 미생성 문의',
    description:
      '공급업체 {vendor}에서 역발행한 전자세금계산서가 포털에는 수신되었는데 FI 매입 전표가 생성되지 않았습니다.\n승인번호 기준으로 {n}건이며, 부가세 신고 전에 처리되어야 합니다.',
    cause: '애드온 테이블 ZFIT_ETAX 수신 상태 E(매핑 실패). 공급업체 사업자번호가 BP 마스터와 불일치.',
    resolution:
      '공급업체 BP의 사업자등록번호가 변경 전 번호로 등록되어 매핑에 실패했습니다. 구매팀에서 BP 정보를 수정한 뒤 ZFIR_ETAX_REPROC으로 재처리하여 전표 {n}건이 생성된 것을 확인했습니다.',
    tags: ['전자세금계산서'],
  },
  {
    module: 'FI',
    type: 'incident',
    title: 'F110 자동지급 실행 시 지급 제안 목록에서 업체 누락',
    description:
      '이번 주 지급일 자동지급(F110)을 실행했는데 공급업체 {vendor} 외 {n}곳이 지급 제안 목록에 나오지 않습니다. 만기일은 모두 지난 상태입니다.',
    cause: '해당 업체들 BP에 지급 보류(지급 블록 A) 설정. 구매팀이 계약 갱신 중 걸어둔 것으로 확인.',
    resolution:
      '누락된 업체는 BP에 지급 보류(A)가 설정되어 있었습니다. 구매팀 확인 후 보류 해제하였고, 추가 실행(F110 재실행)으로 지급 제안에 포함되는 것을 확인했습니다.',
    urgency: ['high', 'medium'],
    tags: ['자동지급'],
  },
  {
    module: 'FI',
    type: 'inquiry',
    isMonthEnd: true,
    title: '외화 평가(FAGL_FCV) 실행 결과 검증 요청',
    description:
      '{month} 결산 외화 평가를 테스트 실행했는데 USD 채권 평가손익이 전월 대비 크게 차이가 납니다. 환율(OB08) 입력은 재무팀에서 완료했습니다. 본 실행 전에 결과 검토 부탁드립니다.',
    cause: '환율 유형 M 월말 환율이 1일자로 입력되어 평가 기준일 환율이 전월 값으로 조회됨.',
    resolution:
      '평가 기준일({month} 말일) 환율이 입력되지 않아 이전 환율이 적용되었습니다. OB08에 말일자 환율 입력 후 테스트 실행 결과가 정상임을 확인했습니다. 본 실행 진행하셔도 됩니다.',
    tags: ['월말결산'],
  },
  {
    module: 'FI',
    type: 'incident',
    isMonthEnd: true,
    title: '월말 결산 중 F.13 자동 반제 실행 시 덤프 발생',
    description:
      '월말 결산 중 F.13 자동 반제를 실행하면 "런타임 오류"가 나면서 중단됩니다. 결산 일정상 내일 오전까지 완료되어야 합니다.',
    cause: 'ST22: TSV_TNEW_PAGE_ALLOC_FAILED. 반제 대상 계정 범위 전체 지정으로 미결 항목 80만 건 로딩.',
    resolution:
      '반제 대상이 한 번에 너무 많아 메모리 부족 덤프가 발생했습니다. 계정 범위를 나누어 백그라운드로 실행하도록 변형(variant)을 만들어 드렸고, 전체 반제가 정상 완료되었습니다.',
    impact: ['medium', 'high'],
    urgency: ['high'],
    tags: ['월말결산', '덤프'],
  },
  {
    module: 'FI',
    type: 'request',
    title: '전표 역분개(FB08) 권한 부여 요청',
    description: '재무팀 신규 담당자에게 FB08 역분개 권한을 부여해 주세요. 팀장 승인 메일 첨부합니다.',
    cause: '역할 Z_FI_GL_POST에 FB08 포함. 사용자에게 역할 추가, SU01 변경 이력 남김.',
    resolution:
      '요청하신 사용자에게 역분개 권한(역할 Z_FI_GL_POST)을 부여했습니다. 재로그인 후 사용 가능합니다.',
    impact: ['low'],
    urgency: ['medium', 'low'],
    tags: ['권한'],
  },
  {
    module: 'FI',
    type: 'inquiry',
    title: 'FBL3N 계정 잔액과 FS10N 금액 불일치 문의',
    description:
      'G/L 계정 잔액이 FS10N과 FBL3N에서 다르게 나옵니다. 회사코드 {bukrs}, 계정 21010100입니다. 어느 쪽이 맞는지 확인 부탁드립니다.',
    cause:
      'FBL3N 레이아웃에 "정상 항목"만 선택되어 있고, 전기 보류 전표는 FS10N과 구분 필요. 실제 불일치 없음.',
    resolution:
      '두 화면 모두 정상입니다. FBL3N 조회 시 "특수 G/L 거래" 항목이 제외되어 차이가 보였습니다. 조회 조건에 특수 G/L을 포함하면 금액이 일치합니다. 조회 방법을 캡처로 정리해 드렸습니다.',
    impact: ['low'],
    urgency: ['low', 'medium'],
  },
  {
    module: 'CO',
    type: 'incident',
    isMonthEnd: true,
    weight: 3,
    title: '월말 결산 중 KE30 수익성 보고서 조회 지연',
    description:
      '결산 기간에 KE30 수익성 분석 보고서 조회가 10분 이상 걸리거나 시간 초과로 끊깁니다. 임원 보고 자료라 오늘 중 조회가 필요합니다.',
    cause: 'CE1 테이블 요약 수준(KEDV) 미갱신. 마지막 빌드가 3개월 전. 결산 배치와 겹쳐 DB 부하 큼.',
    resolution:
      '요약 수준 데이터를 재구축(KEDU)하고 보고서가 요약 수준을 읽도록 설정했습니다. 조회 시간이 약 20초로 줄었습니다. 매월 결산 전 요약 수준 갱신을 배치로 등록해 두었습니다.',
    impact: ['medium', 'high'],
    urgency: ['high', 'medium'],
    tags: ['월말결산', '성능'],
  },
  {
    module: 'CO',
    type: 'inquiry',
    isMonthEnd: true,
    title: 'KSU5 배부 실행 후 원가센터 잔액이 남는 현상 문의',
    description:
      '{month} 배부(KSU5) 실행 후에도 원가센터 {kostl}에 잔액이 남아 있습니다. 배부 규칙 확인 부탁드립니다.',
    cause: '배부 사이클 세그먼트의 원가요소 그룹에 신규 원가요소 미포함.',
    resolution:
      '신규 생성된 원가요소가 배부 사이클(KSU2)의 원가요소 그룹에 포함되어 있지 않았습니다. 그룹에 추가 후 배부 재실행하여 잔액 0을 확인했습니다.',
    tags: ['월말결산'],
  },
  {
    module: 'CO',
    type: 'incident',
    title: 'CK11N 표준원가 산정 시 "평가 가격 없음" 오류 (CK 465)',
    description: '플랜트 {plant}, 자재 {material} 표준원가 산정 시 하위 부품 가격이 없다는 오류가 납니다.',
    cause: '하위 원자재 구매정보레코드 유효기간 만료로 평가 전략 L(구매정보) 단계에서 가격 없음.',
    resolution:
      '하위 원자재의 구매 정보 레코드 유효기간이 만료되어 가격을 찾지 못했습니다. 구매팀에서 정보 레코드 연장 후 CK11N 재산정이 정상 처리되었습니다.',
    tags: ['표준원가'],
  },
  {
    module: 'SD',
    type: 'incident',
    weight: 3,
    title: 'VA01 판매오더 생성 시 가격결정 오류 (조건 PR00 없음)',
    description:
      '고객 {customer} 판매오더 생성 시 "필수 조건 PR00이 없습니다" 오류로 저장이 안 됩니다. 오늘 출고 예정 오더입니다.',
    cause: 'VK11 조건 레코드 유효기간이 전일 종료. 가격 갱신 요청이 영업관리팀 내부에서 누락.',
    resolution:
      '해당 고객·자재의 PR00 조건 레코드 유효기간이 어제 종료되었습니다. 영업관리팀에서 신규 단가를 등록(VK11)한 뒤 오더 저장이 정상 처리되었습니다.',
    urgency: ['high', 'medium'],
    tags: ['가격결정'],
  },
  {
    module: 'SD',
    type: 'incident',
    title: 'VF01 대금청구 시 회계 이전 안 됨 (계정결정 오류)',
    description:
      '대금청구 문서 {doc} 생성 후 회계 전표가 만들어지지 않고 "계정결정 오류" 상태로 남아 있습니다.',
    cause: 'VKOA 계정결정에 신규 자재 계정지정그룹 Z3 미등록.',
    resolution:
      '신규 자재 계정지정그룹(Z3)의 매출 계정결정(VKOA)이 누락되어 있었습니다. 설정 이관({tr}) 후 VFX3에서 회계 이전 재처리하여 전표 생성을 확인했습니다.',
    hasTransport: true,
  },
  {
    module: 'SD',
    type: 'inquiry',
    weight: 3,
    title: 'VL02N 출고 처리 후 재고가 차감되지 않음 문의',
    description:
      '납품 {doc}를 VL02N에서 출고 처리했는데 MMBE 재고가 그대로입니다. 어떤 상태인지 확인 부탁드립니다.',
    cause: '출고 전기 시 오류로 상태 C가 아닌 B. 배치 할당 누락.',
    resolution:
      '납품 문서에 배치가 할당되지 않아 출고 전기가 되지 않은 상태였습니다. 배치 할당 후 출고 전기하여 재고 차감을 확인했습니다. 출고 시 하단 메시지 확인 부탁드립니다.',
    impact: ['low', 'medium'],
  },
  {
    module: 'SD',
    type: 'request',
    title: '고객 BP 여신한도 일괄 변경 요청 ({n}건)',
    description:
      '분기 여신 심사 결과에 따라 고객 {n}곳의 여신한도를 변경해 주세요. 변경 목록 엑셀 첨부합니다.',
    cause: 'UKM_BP 일괄 변경용 LSMW 재사용. QAS 테스트 후 PRD 반영.',
    resolution:
      '첨부 목록 {n}건의 여신한도를 변경 반영했습니다. 반영 결과 엑셀을 첨부하니 확인 부탁드립니다.',
    impact: ['low'],
    urgency: ['low', 'medium'],
  },
  {
    module: 'SD',
    type: 'inquiry',
    title: '여신 보류된 판매오더 해제 불가 (VKM3)',
    description: '여신 보류된 판매오더 {so}를 VKM3에서 해제하려고 하는데 버튼이 비활성화되어 있습니다.',
    cause: '사용자 역할에 여신 관리자 권한(F_UKM_SGMT) 없음.',
    resolution: '여신 해제 권한이 없는 상태였습니다. 팀장 승인 후 권한을 부여했고, 해제 처리가 가능합니다.',
    tags: ['권한'],
  },
  {
    module: 'MM',
    type: 'incident',
    weight: 4,
    title: 'ME21N 구매오더 저장 시 M7 021 오류',
    description:
      '재고 이전 구매오더를 ME21N으로 생성하면 저장 시 M7 021 (미제한 재고 부족) 메시지가 나옵니다. 플랜트 {plant}, 자재 {material}입니다.',
    cause: '공급 플랜트 저장위치 재고가 MMBE상 부족. 전일 출고 미전기 건이 재고를 잡고 있음.',
    resolution:
      '공급 플랜트에 가용 재고가 부족하여 발생한 메시지입니다. 전일 미처리 출고 건을 정리한 후 구매오더가 정상 저장되었습니다.',
    urgency: ['high', 'medium'],
  },
  {
    module: 'MM',
    type: 'incident',
    weight: 3,
    title: 'MIGO 입고 처리 시 "전기 기간이 열려 있지 않음" 오류 (M7 053)',
    description:
      '구매오더 {po} 입고를 MIGO로 처리하는데 전기 기간 오류가 납니다. 자재 입고가 막혀 생산에 영향이 있습니다.',
    cause: 'MMPV 기간 이월 미실행. 월 배치 잡 Z_MM_PERIOD_CLOSE가 공휴일로 스킵됨.',
    resolution:
      '자재 전기 기간 이월(MMPV)이 실행되지 않은 상태였습니다. 기간 이월 후 입고 처리가 가능합니다.',
    impact: ['high', 'medium'],
    urgency: ['high'],
    tags: ['기간마감'],
  },
  {
    module: 'MM',
    type: 'inquiry',
    weight: 3,
    title: 'MIRO 송장 검증 시 가격 차이로 지급 보류 문의',
    description:
      '구매오더 {po} 송장 검증 후 전표에 지급 보류(R)가 걸렸습니다. 이유와 해제 방법을 알려주세요.',
    cause: '허용 한도 PP(가격 차이) 초과: 단가 차이 6%. 허용 한도 5%.',
    resolution:
      '송장 단가가 구매오더 단가보다 허용 한도(5%)를 넘게 높아 자동 보류되었습니다. 구매팀 확인 후 MRBR에서 보류 해제하시면 됩니다. 해제 절차를 정리해 드렸습니다.',
    impact: ['low', 'medium'],
  },
  {
    module: 'MM',
    type: 'request',
    title: '구매 릴리즈 전략 결재자 변경 요청',
    description:
      '조직 개편으로 구매오더 결재자가 변경됩니다. 릴리즈 코드 P2 결재자를 신규 팀장으로 바꿔 주세요.',
    cause: 'CL24N 분류값 + 사용자 역할 변경. 설정 운송요청 {tr}.',
    resolution:
      '릴리즈 전략 결재자 변경 설정을 이관({tr})하였습니다. 내일 생성되는 구매오더부터 신규 결재자로 결재됩니다.',
    urgency: ['medium', 'low'],
    hasTransport: true,
  },
  {
    module: 'MM',
    type: 'incident',
    title: 'MRP 실행(MD01N) 후 구매요청 미생성',
    description:
      '야간 MRP 실행 후 플랜트 {plant} 원자재 구매요청이 생성되지 않았습니다. 재고는 안전재고 미만입니다.',
    cause: '자재 마스터 MRP 유형 ND로 변경된 이력(MM03 변경 문서). 현업 일괄 변경 작업 중 실수.',
    resolution:
      '해당 자재들의 MRP 유형이 지난주 일괄 변경 작업에서 ND(계획 없음)로 바뀌어 있었습니다. 원복 후 MRP 재실행하여 구매요청 {n}건 생성을 확인했습니다.',
    urgency: ['high', 'medium'],
    tags: ['MRP'],
  },
];
