import type { TSapModule } from '@hamkke/core';

export type TDemoSystem = {
  sid: string;
  tier: 'DEV' | 'QAS' | 'PRD';
  client: string | null;
  product: string;
  release: string;
  modules: TSapModule[];
  solution: string;
  solutionVersion: string;
  description: string;
};

export type TDemoPerson = { name: string; email: string; title: string };

export type TDemoOrganization = {
  code: string;
  name: string;
  specialNotes: string;
  /** Company code and plants, used in ticket texts. */
  companyCode: string;
  plants: string[];
  systems: TDemoSystem[];
  contract: {
    /** The one-year contract began this many months before the current month. */
    startedMonthsAgo: number;
    services: ('support' | 'inspection' | 'monthly_report')[];
    monthlyHours: number;
    inspectionCadence: 'none' | 'monthly' | 'quarterly';
    notes: string;
  };
  customers: TDemoPerson[];
};

/** DEV (clients 100 and 200), QAS and PRD of one landscape. */
function landscape(
  prefix: string,
  base: Omit<TDemoSystem, 'sid' | 'tier' | 'client' | 'description'>,
): TDemoSystem[] {
  return [
    { ...base, sid: `${prefix}D`, tier: 'DEV', client: '100', description: '개발 (커스터마이징 클라이언트)' },
    { ...base, sid: `${prefix}D`, tier: 'DEV', client: '200', description: '개발 (단위 테스트 클라이언트)' },
    {
      ...base,
      sid: `${prefix}Q`,
      tier: 'QAS',
      client: '100',
      description: '품질 (통합 테스트, 월 1회 PRD 복제)',
    },
    { ...base, sid: `${prefix}P`, tier: 'PRD', client: '100', description: '운영' },
  ];
}

const S4_2022 = { product: 'SAP S/4HANA', release: '2022 FPS02' };
const S4_2023 = { product: 'SAP S/4HANA', release: '2023 FPS01' };
const ECC = { product: 'SAP ERP 6.0', release: 'EHP8 SP22 (HANA DB)' };

export const DEMO_ORGANIZATIONS: TDemoOrganization[] = [
  {
    code: 'HNX',
    name: '한누리전자',
    companyCode: '1000',
    plants: ['1100', '1200'],
    specialNotes: [
      '• 월말 결산 주간(마지막 3영업일) PRD 이관 금지',
      '• FI 변경 승인: 재경팀 김지훈 과장이 유일한 승인권자 (부재 시 이관 보류)',
      '• 매일 07:00 MES 실적 인터페이스(RFC) 배치 – 실패 시 생산관리팀 박정호 차장에게 즉시 유선 연락',
      '• PRD 접속은 고객사 VPN + OTP 필요, 신규 계정 신청에 3영업일 소요',
      '• BW 프로세스 체인 야간 실패 시 08:00 전 재처리 완료 (09:00 임원 보고)',
    ].join('\n'),
    systems: [
      ...landscape('HN', {
        ...S4_2022,
        modules: ['FI', 'CO', 'SD', 'MM', 'PP', 'QM', 'ABAP', 'FIORI'],
        solution: 'S/4HANA 전환 (Brownfield) + 전자세금계산서 애드온',
        solutionVersion: '2.3.1',
      }),
      {
        sid: 'HBP',
        tier: 'PRD',
        client: '100',
        product: 'SAP BW/4HANA',
        release: '2.0 SP14',
        modules: ['BW'],
        solution: '경영정보 대시보드 (매출·원가)',
        solutionVersion: '1.4',
        description: '운영 BW (야간 프로세스 체인 02:00~05:30)',
      },
    ],
    contract: {
      startedMonthsAgo: 10,
      services: ['support', 'inspection', 'monthly_report'],
      monthlyHours: 160,
      inspectionCadence: 'monthly',
      notes:
        'SLA: P1 응답 30분/해결 4시간. 월 160시간 초과분은 익월 정산. 월간 보고서 익월 5영업일까지 제출.',
    },
    customers: [
      { name: '김지훈', title: '재경팀 과장', email: 'jihoon.kim@hannuri-elec.example' },
      { name: '이수민', title: '영업관리팀 대리', email: 'sumin.lee@hannuri-elec.example' },
      { name: '박정호', title: '생산관리팀 차장', email: 'jeongho.park@hannuri-elec.example' },
    ],
  },
  {
    code: 'DSC',
    name: '도성케미칼',
    companyCode: '2000',
    plants: ['2100', '2200'],
    specialNotes: [
      '• SAP Note 적용은 고객 변경관리위원회(CAB, 매주 목요일 14:00) 승인 후',
      '• 여수(2100)·울산(2200) 공장 24시간 가동 – PP/QM 장애는 야간·주말에도 P1 대응',
      '• 배치 특성(순도, 유효기간) 변경은 품질보증팀 승인 필수',
      '• 2027년 S/4HANA 전환 예정 – 신규 ABAP 개발 시 ATC(S/4 호환성) 점검 결과 첨부',
      '• IT 창구: 정보전략팀 한상우 부장 (모든 요청 CC)',
    ].join('\n'),
    systems: landscape('DS', {
      ...ECC,
      modules: ['FI', 'CO', 'SD', 'MM', 'PP', 'QM', 'PM', 'ABAP'],
      solution: '배치관리·MSDS 애드온, 화학물질 이력 보고서',
      solutionVersion: '4.0.2',
    }),
    contract: {
      startedMonthsAgo: 7,
      services: ['support', 'inspection', 'monthly_report'],
      monthlyHours: 200,
      inspectionCadence: 'monthly',
      notes: '24x7 대응(P1 한정). 야간·휴일 출동은 건당 4시간으로 계상. 정기 점검 매월 둘째 주.',
    },
    customers: [
      { name: '최영희', title: '재무팀 과장', email: 'younghee.choi@dosung-chem.example' },
      { name: '정태호', title: '구매팀 대리', email: 'taeho.jung@dosung-chem.example' },
      { name: '한상우', title: '정보전략팀 부장', email: 'sangwoo.han@dosung-chem.example' },
    ],
  },
  {
    code: 'SJR',
    name: '서진리테일',
    companyCode: '3000',
    plants: ['3001', '3100'],
    specialNotes: [
      '• 매장 POS 매출 인터페이스(BTP Integration Suite) 매일 02:00 – 실패 시 06:00까지 재전송 완료',
      '• 프로모션 기간(매월 첫째 주, 11월 블랙프라이데이 주간) 가격 조건 변경 동결',
      '• 전자세금계산서 국세청 전송 마감 익월 10일 – 매월 8~10일 관련 장애는 P1 취급',
      '• 요청은 IT팀 오지현 매니저 경유 건만 착수 (현업 직접 요청은 안내 후 반려)',
    ].join('\n'),
    systems: [
      ...landscape('SJ', {
        ...S4_2023,
        modules: ['FI', 'CO', 'SD', 'MM', 'FIORI', 'ABAP'],
        solution: 'S/4HANA 신규 구축 (리테일 템플릿)',
        solutionVersion: '1.6.0',
      }),
      {
        sid: 'SJB',
        tier: 'PRD',
        client: null,
        product: 'SAP BTP',
        release: 'Cloud Foundry',
        modules: ['BTP', 'FIORI'],
        solution: 'POS·전자세금계산서 연동 iFlow, Fiori 런치패드',
        solutionVersion: '2024.11',
        description: 'Integration Suite 운영 서브어카운트',
      },
    ],
    contract: {
      startedMonthsAgo: 8,
      services: ['support', 'inspection', 'monthly_report'],
      monthlyHours: 120,
      inspectionCadence: 'quarterly',
      notes: 'BTP iFlow 모니터링 포함. 분기 점검 결과는 IT팀 주간 회의에서 공유.',
    },
    customers: [
      { name: '오지현', title: 'IT팀 매니저', email: 'jihyun.oh@seojin-retail.example' },
      { name: '윤서아', title: '영업관리팀 대리', email: 'seoa.yoon@seojin-retail.example' },
      { name: '강민호', title: '재무팀 과장', email: 'minho.kang@seojin-retail.example' },
    ],
  },
  {
    code: 'HBL',
    name: '한빛로지스틱스',
    companyCode: '4000',
    plants: ['4100', '4200'],
    specialNotes: [
      '• 이천(4100)·평택(4200) 물류센터 출고 마감 17:00 – 14:00~17:00 EWM 변경·재시작 금지',
      '• 외부 TMS 연동(IDoc) 오류는 BD87 재처리 전 물류운영팀 서동현 차장 확인',
      '• 계약 월 80시간 초과 시 사전 승인 필요 (초과분 별도 청구)',
    ].join('\n'),
    systems: landscape('LG', {
      ...S4_2022,
      modules: ['FI', 'CO', 'SD', 'MM', 'EWM', 'LE', 'ABAP'],
      solution: 'Embedded EWM 물류센터 구축',
      solutionVersion: '3.1',
    }),
    contract: {
      startedMonthsAgo: 5,
      services: ['support', 'monthly_report'],
      monthlyHours: 80,
      inspectionCadence: 'none',
      notes: '운영시간 평일 09:00~18:00. EWM 장애는 출고 마감 전 우선 처리.',
    },
    customers: [
      { name: '서동현', title: '물류운영팀 차장', email: 'donghyun.seo@hanbit-logis.example' },
      { name: '임하늘', title: '재무팀 주임', email: 'haneul.lim@hanbit-logis.example' },
    ],
  },
  {
    code: 'GRF',
    name: '가람푸드',
    companyCode: '5000',
    plants: ['5100', '5200'],
    specialNotes: [
      '• 급여 마감(매월 20~25일) HCM 변경 금지, 급여 결과는 인사팀 조은비 과장만 열람',
      '• 개인정보(주민등록번호 등) 화면 캡처 첨부 금지 – 첨부 시 즉시 삭제 요청',
      '• 식품 이력추적(LOT) 관련 QM 장애는 식약처 보고 대상일 수 있어 P1로 상향',
      '• BW 리포트 월초 3영업일 조회 집중 – 해당 기간 BW 체인 수정 금지',
    ].join('\n'),
    systems: [
      ...landscape('GF', {
        ...ECC,
        modules: ['FI', 'CO', 'SD', 'MM', 'PP', 'QM', 'HCM', 'ABAP'],
        solution: '식품 이력추적 애드온, 한국 급여(HCM KR) 로컬라이제이션',
        solutionVersion: '5.2',
      }),
      {
        sid: 'GWP',
        tier: 'PRD',
        client: '100',
        product: 'SAP BW/4HANA',
        release: '2.0 SP12',
        modules: ['BW'],
        solution: '판매·생산 실적 분석 리포트',
        solutionVersion: '2.0',
        description: '운영 BW',
      },
    ],
    contract: {
      startedMonthsAgo: 9,
      services: ['support', 'inspection', 'monthly_report'],
      monthlyHours: 100,
      inspectionCadence: 'monthly',
      notes: 'HCM 연말정산 지원은 별도 계약(12~2월). BW 운영 포함.',
    },
    customers: [
      { name: '조은비', title: '인사팀 과장', email: 'eunbi.cho@garam-food.example' },
      { name: '배준영', title: '재무팀 차장', email: 'junyoung.bae@garam-food.example' },
      { name: '신유나', title: '생산관리팀 대리', email: 'yuna.shin@garam-food.example' },
    ],
  },
  {
    code: 'WJP',
    name: '우진정밀',
    companyCode: '6000',
    plants: ['6100'],
    specialNotes: [
      '• 2026.04 신규 구축 오픈 – 안정화 기간 변경 요청은 주간 회의(수 10:00)에서 일괄 검토',
      '• PS 프로젝트(수주 생산) 정산은 분기 말 – 분기 말 2주 전부터 CO/PS 설정 변경 금지',
      '• 요청 승인은 경영지원팀 문성진 부장 (현업 담당자 변동 잦음, 요청자 확인 필수)',
      '• 정기 이관은 매주 화·목 18:00 이후 – 긴급 이관은 팀장 승인',
    ].join('\n'),
    systems: landscape('WJ', {
      ...S4_2023,
      modules: ['FI', 'CO', 'SD', 'MM', 'PP', 'PM', 'PS', 'ABAP', 'FIORI'],
      solution: 'S/4HANA 신규 구축 (수주생산·PS)',
      solutionVersion: '1.0.4',
    }),
    contract: {
      startedMonthsAgo: 6,
      services: ['support', 'inspection'],
      monthlyHours: 60,
      inspectionCadence: 'quarterly',
      notes: '오픈 후 첫 해 운영 계약. 월 60시간, 잔여 시간 이월 불가.',
    },
    customers: [
      { name: '문성진', title: '경영지원팀 부장', email: 'sungjin.moon@woojin-prec.example' },
      { name: '유지민', title: '생산기술팀 과장', email: 'jimin.yoo@woojin-prec.example' },
    ],
  },
];
