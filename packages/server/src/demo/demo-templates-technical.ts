import type { TTicketTemplate } from './demo-templates-business.js';

/** Basis, ABAP, BW and BTP work, plus the problems, changes and improvements the team itself raises. */
export const TECHNICAL_TEMPLATES: TTicketTemplate[] = [
  {
    module: 'BC',
    type: 'incident',
    weight: 2,
    isMonitoring: true,
    title: 'ST22 덤프 다수 발생 (TSV_TNEW_PAGE_ALLOC_FAILED)',
    description:
      '오전 시스템 점검 중 PRD에서 TSV_TNEW_PAGE_ALLOC_FAILED 덤프가 {n}건 확인되었습니다. 대부분 배치 사용자에서 발생했습니다.',
    cause:
      'Z 리포트가 전체 기간 조회로 내부 테이블 과다 적재. ztta/roll_extension 한도 도달. 개발팀에 조회 조건 제한 요청.',
    resolution:
      '원인 프로그램의 조회 기간 필수 입력 및 패키지 처리로 수정하여 이관({tr})했습니다. 이후 동일 덤프는 발생하지 않았습니다.',
    impact: ['medium', 'high'],
    urgency: ['medium', 'high'],
    tags: ['덤프'],
    hasTransport: true,
  },
  {
    module: 'BC',
    type: 'incident',
    isMonitoring: true,
    weight: 2,
    title: 'PRD 야간 배치잡 취소 (SM37 Z_FI_DAILY_INTERFACE)',
    description:
      '야간 배치잡 Z_FI_DAILY_INTERFACE가 03:10에 취소되었습니다. 오전 업무 시작 전 재실행 필요합니다.',
    cause: '잡 로그: RFC 대상 시스템 연결 실패(CPIC). 고객사 방화벽 작업 공지 누락.',
    resolution:
      '외부 시스템 연결 복구를 확인한 뒤 배치잡을 재실행하여 정상 완료되었습니다. 결과 데이터 건수 확인 완료했습니다.',
    urgency: ['high'],
    tags: ['배치'],
  },
  {
    module: 'BC',
    type: 'request',
    weight: 3,
    title: 'SAP 계정 잠김 해제 및 비밀번호 초기화 요청',
    description: '비밀번호 오류 횟수 초과로 계정이 잠겼습니다. 잠김 해제 부탁드립니다.',
    cause: 'SU01 잠김 해제, 초기 비밀번호는 본인 휴대폰 문자로 전달.',
    resolution:
      '계정 잠김을 해제하고 초기 비밀번호를 문자로 보내드렸습니다. 첫 로그인 시 비밀번호를 변경해 주세요.',
    impact: ['low'],
    urgency: ['high', 'medium'],
    tags: ['계정'],
  },
  {
    module: 'BC',
    type: 'request',
    weight: 2,
    title: '신규 입사자 SAP 계정 생성 및 역할 부여 요청',
    description:
      '신규 입사자 {n}명의 SAP 계정 생성과 역할 부여를 요청드립니다. 역할은 기존 담당자와 동일하게 부탁드립니다.',
    cause: 'SU01 복사 생성, 역할은 기존 사용자 기준. GRC 승인 번호 확인함.',
    resolution:
      '계정 {n}개를 생성하고 기존 담당자와 동일한 역할을 부여했습니다. 초기 비밀번호는 개별 안내했습니다.',
    impact: ['low'],
    urgency: ['medium', 'low'],
    tags: ['계정', '권한'],
  },
  {
    module: 'BC',
    type: 'change',
    hasNote: true,
    title: 'SAP Note {note} 적용 요청 (보안 패치)',
    description:
      '이번 달 SAP Security Patch Day에 발표된 Note {note} 적용이 필요합니다. 영향도 검토 후 DEV → QAS → PRD 순으로 적용 부탁드립니다.',
    cause: 'SNOTE 사전 검토: 수동 작업 없음, 선행 노트 2건. DEV 적용 및 운송요청 {tr} 생성.',
    resolution:
      'SAP Note {note}을(를) DEV/QAS에 적용하고 테스트를 마친 뒤, 변경 승인에 따라 PRD에 이관({tr})했습니다.',
    impact: ['medium'],
    urgency: ['low', 'medium'],
    tags: ['SAP Note', '보안'],
    hasTransport: true,
  },
  {
    module: 'BC',
    type: 'incident',
    title: 'PRD 시스템 응답 지연 (대화 응답시간 3초 이상)',
    description:
      '오전 10시경부터 SAP 화면 전환이 매우 느립니다. 여러 부서에서 동시에 같은 현상을 말하고 있습니다.',
    cause: 'ST03N 대화 응답시간 평균 3.4초. SM66: 특정 사용자 SE16N 대용량 조회 다수 + DB 락 대기.',
    resolution:
      '특정 대용량 조회 작업이 DB 자원을 점유하여 응답이 지연되었습니다. 해당 작업을 종료하고 사용자에게 조회 조건 안내 후 응답시간이 정상(0.6초)으로 돌아왔습니다.',
    impact: ['high'],
    urgency: ['high'],
    tags: ['성능'],
  },
  {
    module: 'BC',
    type: 'change',
    weight: 3,
    hasTransport: true,
    title: '운송요청 {tr} PRD 이관 요청',
    description: 'QAS 테스트가 완료된 운송요청 {tr}의 PRD 이관을 요청드립니다. 테스트 결과서 첨부합니다.',
    cause: 'STMS 이관 전 선행 운송요청 의존성 확인. 고객사 이관 창구 일정 준수.',
    resolution: '운송요청 {tr}을(를) PRD에 이관했습니다. 이관 로그 RC=0 확인했습니다.',
    impact: ['low', 'medium'],
    urgency: ['medium', 'low'],
    tags: ['이관'],
  },
  {
    module: 'BC',
    type: 'inquiry',
    title: 'SAP GUI 8.00 업그레이드 후 엑셀 다운로드 오류',
    description: 'PC 교체 후 SAP GUI 8.00을 설치했는데 ALV 엑셀 내보내기 시 빈 파일이 저장됩니다.',
    cause: 'GUI 보안 설정에서 로컬 파일 쓰기 차단. 고객사 PC 표준 이미지 문제.',
    resolution:
      'SAP GUI 보안 설정에서 다운로드 폴더 쓰기가 차단되어 있었습니다. 보안 규칙 추가 방법을 안내드렸고, 고객사 IT 표준 이미지에도 반영 요청드렸습니다.',
    impact: ['low'],
  },
  {
    module: 'ABAP',
    type: 'incident',
    title: 'ZSDR0010 매출 현황 리포트 실행 시 시간 초과 (TIME_OUT)',
    description:
      '매출 현황 리포트를 한 달 이상 기간으로 조회하면 TIME_OUT 덤프가 납니다. 작년까지는 문제없었습니다.',
    cause: 'SELECT 루프 내 VBRP 단건 조회. 데이터 증가로 한계 도달.',
    resolution:
      '리포트의 조회 로직을 일괄 조회로 개선하여 이관({tr})했습니다. 1년 기간 조회도 40초 내 완료됩니다.',
    tags: ['성능'],
    hasTransport: true,
  },
  {
    module: 'ABAP',
    type: 'request',
    title: 'ZFI 전표 업로드 프로그램 엑셀 양식 항목 추가',
    description: '전표 업로드 엑셀 양식에 "사업장"과 "적요2" 항목을 추가해 주세요.',
    cause: 'BAPI_ACC_DOCUMENT_POST 확장 필드 매핑 추가. 단위 테스트 DEV 200.',
    resolution:
      '엑셀 양식과 업로드 프로그램에 항목을 추가하여 이관({tr})했습니다. 새 양식 파일 첨부드립니다.',
    impact: ['low'],
    urgency: ['low'],
    hasTransport: true,
  },
  {
    module: 'BW',
    type: 'incident',
    isMonitoring: true,
    weight: 4,
    title: 'BW 프로세스 체인 야간 실패 (PC_SD_DAILY_LOAD)',
    description:
      '야간 프로세스 체인 PC_SD_DAILY_LOAD가 DTP 단계에서 실패했습니다. 오전 보고 전에 재처리가 필요합니다.',
    cause: '원천 시스템 델타 큐 적재 중 ODQ 잠금 충돌. 동시에 실행된 수동 적재가 원인.',
    resolution:
      '델타 큐 잠금 해제 후 체인을 재실행하여 08:00 전 적재가 완료되었습니다. 수동 적재 시간 조정을 안내드렸습니다.',
    urgency: ['high'],
    tags: ['배치', 'BW'],
  },
  {
    module: 'BW',
    type: 'inquiry',
    title: 'BW 매출 리포트와 ERP 매출 금액 차이 문의',
    description: '{month} BW 매출 리포트 금액이 ERP VF05 조회 금액과 약 0.3% 차이가 납니다.',
    cause: '취소 대금청구 문서가 BW 델타로 역기록되지 않음. 추출 구조 변경 후 초기화 누락.',
    resolution:
      '취소된 대금청구 문서가 BW에 반영되지 않아 차이가 발생했습니다. 해당 기간 데이터를 재적재하여 금액이 일치함을 확인했습니다.',
    tags: ['BW'],
  },
  {
    module: 'BTP',
    type: 'incident',
    isMonitoring: true,
    weight: 3,
    title: 'Integration Suite iFlow 전자세금계산서 전송 실패',
    description: 'BTP Integration Suite 모니터링에서 전자세금계산서 전송 iFlow가 {n}건 실패 상태입니다.',
    cause: '수신 측 ASP 인증서 갱신으로 SSL 핸드셰이크 실패. Keystore 미갱신.',
    resolution:
      'Keystore에 신규 인증서를 등록하고 실패 메시지 {n}건을 재전송하여 국세청 전송까지 완료되었습니다.',
    impact: ['high', 'medium'],
    urgency: ['high'],
    tags: ['전자세금계산서', '인터페이스'],
  },
  {
    module: 'BTP',
    type: 'incident',
    isMonitoring: true,
    title: 'POS 매출 인터페이스 새벽 배치 지연',
    description:
      '02:00 POS 매출 iFlow가 05:40에야 완료되었습니다. 06:00 마감 기준이라 원인 확인이 필요합니다.',
    cause: '블랙프라이데이 주간 매출 건수 3배. iFlow 병렬 처리 수 1로 설정.',
    resolution: 'iFlow 병렬 처리 설정을 4로 조정했습니다. 다음 날 처리 시간이 40분으로 단축되었습니다.',
    urgency: ['high', 'medium'],
    tags: ['인터페이스', 'POS'],
  },
  {
    module: 'FIORI',
    type: 'incident',
    title: "Fiori 앱 '구매요청 승인' 타일이 로딩되지 않음",
    description:
      'Fiori 런치패드에서 구매요청 승인 앱을 열면 계속 로딩 중으로 멈춥니다. 여러 명이 같은 증상입니다.',
    cause: '/IWFND/ERROR_LOG: OData 서비스 캐시 불일치. 최근 이관 후 메타데이터 캐시 미삭제.',
    resolution:
      'OData 메타데이터 캐시를 정리(/IWFND/CACHE_CLEANUP)한 후 앱이 정상 로딩됩니다. 브라우저 캐시도 한 번 지워 주세요.',
    urgency: ['high', 'medium'],
  },
  {
    module: 'CO',
    type: 'problem',
    weight: 2,
    title: '월말 KE30 조회 지연 재발 – 근본 원인 분석',
    description:
      '최근 3개월 연속 월말 KE30 조회 지연 장애가 발생했습니다. 재발 방지를 위해 근본 원인을 분석합니다.',
    cause: 'CO-PA 라인아이템 증가 추이 분석, 결산 배치 일정 중첩 확인. 요약 수준 자동 갱신 누락이 공통 원인.',
    resolution:
      '근본 원인(요약 수준 미갱신)을 정리하고 월 결산 전 자동 갱신 배치와 모니터링 항목을 추가했습니다.',
    impact: ['medium'],
    urgency: ['low'],
    tags: ['재발방지', '월말결산'],
  },
  {
    module: 'PP',
    type: 'problem',
    weight: 2,
    title: '매일 아침 반복되는 MES 인터페이스 RFC 타임아웃 원인 분석',
    description:
      '지난 2주간 07:00 MES 실적 인터페이스에서 RFC 타임아웃이 {n}회 발생했습니다. 원인을 분석해 재발을 막고자 합니다.',
    cause: 'SMGW 게이트웨이 로그: 07:00 백업과 시간 겹침. RFC 서버 그룹 자원 부족.',
    resolution:
      '인터페이스 실행 시간을 07:20으로 조정하고 RFC 서버 그룹 자원을 늘렸습니다. 2주간 재발 없음을 확인했습니다.',
    impact: ['medium'],
    urgency: ['medium'],
    tags: ['재발방지', 'MES'],
  },
  {
    module: 'ABAP',
    type: 'improvement',
    weight: 1,
    title: 'ZMMR0200 재고 현황 리포트 성능 개선',
    description: '현업 요청 및 반복 문의 분석 결과, 재고 현황 리포트 조회 시간(평균 4분) 개선이 필요합니다.',
    cause: 'CDS 뷰 기반으로 재작성 검토. 측정 기준: 플랜트 전체 월 단위 조회 시간.',
    resolution:
      'CDS 뷰 기반으로 개선하여 이관({tr})했습니다. 조회 시간이 평균 4분에서 25초로 단축되었습니다.',
    impact: ['low'],
    urgency: ['low'],
    tags: ['개선', '성능'],
    hasTransport: true,
  },
  {
    module: 'BC',
    type: 'improvement',
    weight: 1,
    title: '월말 결산 배치잡 모니터링 자동화',
    description:
      '월말 결산 기간 배치잡 실패를 아침 점검 때에야 발견하는 문제가 반복되어, 실패 시 즉시 알림을 받도록 개선합니다.',
    cause: 'CCMS 알림 규칙 + 메일 발송 설정. 대상 잡 목록 고객사와 합의 필요.',
    resolution:
      '결산 배치잡 {n}개에 대해 실패 시 즉시 메일 알림이 가도록 설정했습니다. 다음 결산부터 적용됩니다.',
    impact: ['low'],
    urgency: ['low'],
    tags: ['개선', '배치'],
  },
  {
    module: 'SD',
    type: 'improvement',
    weight: 1,
    title: '반복 문의 정리 – 출고·대금청구 처리 가이드 작성',
    description: '최근 3개월 출고/대금청구 관련 단순 문의가 반복되어 현업용 처리 가이드를 작성합니다.',
    cause: '문의 이력 분류: 출고 미전기, 배치 할당, 계정결정 순. 가이드 초안 작성.',
    resolution:
      '출고·대금청구 처리 가이드를 작성하여 공유드렸습니다. 다음 달 문의 건수 변화를 측정하겠습니다.',
    impact: ['low'],
    urgency: ['low'],
    tags: ['개선', '가이드'],
  },
];
