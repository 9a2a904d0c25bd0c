import type { TTicketTemplate } from './demo-templates-business.js';

/** Production, quality, maintenance, projects, payroll and warehouse work, and everyday how-to questions. */
export const OPERATIONS_TEMPLATES: TTicketTemplate[] = [
  {
    module: 'FI',
    type: 'inquiry',
    isMonthEnd: true,
    title: '부가세 신고서(RFUMSV00) 금액과 세금계산서 합계 차이 문의',
    description:
      '{month} 부가세 신고서 출력 금액이 전자세금계산서 합계와 맞지 않습니다. 어떤 전표가 차이인지 확인할 방법이 있을까요?',
    cause: '세금코드 V0(영세율) 전표가 신고서 변형에서 제외됨. 수기 전표 {n}건 세금코드 누락.',
    resolution:
      '차이는 세금코드 없이 입력된 수기 전표 {n}건 때문입니다. 전표 목록을 첨부드리며, 세금코드 정정 후 신고서를 다시 실행하시면 금액이 일치합니다.',
    tags: ['부가세', '월말결산'],
  },
  {
    module: 'MM',
    type: 'inquiry',
    title: '구매 정보 레코드 단가 일괄 변경 방법 문의',
    description:
      '원자재 단가 인상으로 공급업체 {vendor}의 정보 레코드 {n}건 단가를 바꿔야 합니다. 한 번에 변경하는 방법이 있나요?',
    cause: 'MEKE(조건 일괄 변경) 사용 가능. 유효기간 분할 필요 여부 확인.',
    resolution:
      'MEKE(조건 일괄 변경)로 유효 시작일을 지정해 변경하시면 됩니다. 단계별 화면 가이드를 첨부드립니다. 기존 구매오더 단가는 바뀌지 않으니 참고 부탁드립니다.',
    impact: ['low'],
  },
  {
    module: 'MM',
    type: 'inquiry',
    title: 'MB51 자재 전표 조회 시 이동유형별 합계 보는 방법 문의',
    description:
      '플랜트 {plant}의 지난달 이동유형별(261, 101, 311) 수량 합계를 보고 싶습니다. MB51에서 가능한가요?',
    cause: 'ALV 레이아웃 소계 기능 안내로 충분. 별도 개발 불필요.',
    resolution:
      'MB51 조회 후 ALV에서 이동유형으로 정렬하고 수량에 소계를 설정하시면 됩니다. 레이아웃을 저장해 두시면 다음부터 바로 보실 수 있습니다.',
    impact: ['low'],
    urgency: ['low'],
  },
  {
    module: 'SD',
    type: 'inquiry',
    title: '거래명세서 출력 양식에 납품처 주소 추가 가능 여부 문의',
    description:
      '고객사 요청으로 거래명세서에 납품처 주소를 함께 출력해야 합니다. 변경 가능 여부와 소요 기간 알려주세요.',
    cause: 'Adobe Form ZSD_DELIVERY_NOTE 수정 필요. 약 3MD 예상, 변경 요청으로 전환 안내.',
    resolution:
      '양식 수정(약 3일 소요)으로 가능합니다. 변경 요청으로 등록해 주시면 일정 잡아 진행하겠습니다.',
    impact: ['low'],
    urgency: ['low'],
  },
  {
    module: 'CO',
    type: 'inquiry',
    title: '내부오더 예산 잔액 조회 리포트 문의',
    description: '부서별 내부오더 예산 대비 실적과 잔액을 한 화면에서 볼 수 있는 리포트가 있을까요?',
    cause: 'S_ALR_87012993 안내. 부서 그룹 변형 생성해 드림.',
    resolution:
      'S_ALR_87012993(예산/실적/약정 비교) 리포트에서 조회하실 수 있습니다. 부서별 오더 그룹 변형을 만들어 두었습니다.',
    impact: ['low'],
    urgency: ['low', 'medium'],
  },
  {
    module: 'HCM',
    type: 'inquiry',
    title: '중도 퇴사자 연말정산 원천징수영수증 출력 방법 문의',
    description: '중도 퇴사자 원천징수영수증을 출력해야 하는데 메뉴를 찾지 못했습니다.',
    cause: 'HKRCTXR0 변형 안내. 퇴사자 선택 조건 확인.',
    resolution:
      '원천징수영수증은 HKRCTXR0에서 퇴사일 기준으로 선택해 출력하실 수 있습니다. 조회 변형을 저장해 두었습니다.',
    impact: ['low'],
    tags: ['연말정산'],
  },
  {
    module: 'PP',
    type: 'incident',
    title: 'CO11N 작업실적 확정 시 백플러시 자재 재고 부족 오류',
    description:
      '생산오더 작업실적 확정 시 백플러시 부품 재고 부족으로 확정이 되지 않습니다. 라인 실적이 밀리고 있습니다.',
    cause: '부품 저장위치가 생산 저장위치가 아닌 창고 저장위치로 BOM에 지정됨.',
    resolution:
      '부품의 출고 저장위치가 창고로 지정되어 있어 라인 재고를 찾지 못했습니다. BOM 출고 저장위치를 수정했고, 오류 건은 COGI에서 재처리했습니다.',
    impact: ['medium', 'high'],
    urgency: ['high'],
  },
  {
    module: 'PP',
    type: 'incident',
    isMonitoring: true,
    title: 'MES 실적 인터페이스 수신 누락 (IDoc 상태 51)',
    description: '야간 모니터링 중 MES → SAP 생산 실적 IDoc {n}건이 상태 51(오류)로 확인되었습니다.',
    cause: 'IDoc 오류 메시지: 생산오더 기술적 완료(TECO) 상태. MES에서 완료 오더로 실적 전송.',
    resolution:
      'TECO 처리된 생산오더로 실적이 전송되어 오류가 났습니다. 생산관리팀 확인 후 오더 TECO 취소 및 IDoc 재처리(BD87) 완료했습니다.',
    urgency: ['high', 'medium'],
    tags: ['인터페이스', 'MES'],
  },
  {
    module: 'QM',
    type: 'inquiry',
    title: 'QA32 사용결정 후 품질검사 재고가 가용 재고로 이동하지 않음',
    description: '검사로트 사용결정을 했는데 재고가 여전히 품질검사 재고로 남아 있습니다.',
    cause: '사용결정 시 재고 전기 탭 미입력. 검사로트 상태 UD만 설정.',
    resolution:
      '사용결정 시 "재고 전기" 탭에서 가용 재고로 이동을 지정해야 합니다. 해당 검사로트는 재고 전기 처리해 드렸고 화면 가이드를 첨부합니다.',
    impact: ['low'],
  },
  {
    module: 'PM',
    type: 'request',
    title: '설비 마스터 일괄 등록 요청 ({n}건)',
    description: '신규 라인 설비 {n}건을 등록해 주세요. 설비 목록(기능 위치 포함) 엑셀 첨부합니다.',
    cause: 'IE01 LSMW 녹화 재사용. 기능위치 구조 먼저 생성 필요.',
    resolution: '설비 {n}건과 기능 위치를 등록했습니다. 등록 결과 목록 첨부합니다.',
    impact: ['low'],
    urgency: ['low'],
  },
  {
    module: 'PS',
    type: 'inquiry',
    title: 'CJ20N WBS 예산 초과 오류(BP 604) 문의',
    description:
      '프로젝트 WBS 요소에 구매요청 생성 시 예산 초과 오류가 납니다. 예산은 충분히 남아 있는 것으로 압니다.',
    cause: '가용성 관리 허용 범위 설정: 약정 포함. 미결 구매오더 약정이 예산 잠식.',
    resolution:
      '예산 가용성 검사에 미결 구매오더 약정액이 포함되어 잔여 예산이 부족한 상태입니다. 불필요한 약정 정리 또는 예산 증액(CJ30)이 필요합니다.',
  },
  {
    module: 'HCM',
    type: 'incident',
    title: '급여 계산(PC00_M41_CALC) 시 건강보험 요율 반영 오류',
    description:
      '{month} 급여 시뮬레이션 결과 건강보험료가 변경 전 요율로 계산되었습니다. 급여 마감 전 확인 부탁드립니다.',
    cause: 'T511K 상수 KRHIR 신규 요율 유효시작일이 익월로 입력됨.',
    resolution:
      '요율 상수의 유효 시작일이 잘못 입력되어 있었습니다. 수정 후 급여 재시뮬레이션 결과를 인사팀과 확인했습니다.',
    impact: ['high', 'medium'],
    urgency: ['high'],
    tags: ['급여'],
  },
  {
    module: 'EWM',
    type: 'incident',
    weight: 3,
    title: 'EWM 웨어하우스 태스크 확정 시 오류 (/SCWM/L3 소스 빈 재고 부족)',
    description:
      '물류센터 {plant} 피킹 웨어하우스 태스크 확정 시 소스 빈 재고 부족 오류가 납니다. 출고 마감 전입니다.',
    cause: '빈 재고와 시스템 재고 불일치. 전일 재고 조사 차이 미전기.',
    resolution:
      '전일 재고 조사 차이가 전기되지 않아 시스템상 재고가 부족했습니다. 차이 전기(/SCWM/DIFF_ANALYZER) 후 태스크 확정이 정상 처리되었습니다.',
    impact: ['high', 'medium'],
    urgency: ['high'],
    tags: ['출고'],
  },
];
