import type { TCreateInspectionTemplate } from '@hamkke/core';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { TDbOrTx } from '../db/database.js';
import { insertTemplate } from './templates.js';

/** The monthly Basis check of an SAP system, as an AMS team in Korea runs it. */
export const BASIS_MONTHLY: TCreateInspectionTemplate = {
  name: 'SAP Basis 월간 정기 점검',
  description: '운영(PRD) 시스템의 월간 Basis 상태 점검. 이상 항목은 캡처를 첨부하고 후속 티켓을 발행합니다.',
  module: 'BC',
  items: [
    {
      id: 'sm37',
      area: 'Basis',
      title: '백그라운드 잡 로그 (SM37)',
      guide: 'SM37에서 지난 1개월 상태 취소(Canceled) 잡 조회, 반복 실패 잡의 잡 로그 확인',
      expected: '취소 잡 0건, 또는 원인이 확인되고 조치됨',
    },
    {
      id: 'st22',
      area: 'Basis',
      title: '런타임 오류 덤프 (ST22)',
      guide: 'ST22에서 지난 1개월 덤프를 오류 유형별로 집계 (TIME_OUT, TSV_TNEW_PAGE_ALLOC_FAILED 등)',
      expected: '신규 유형 없음, 반복 덤프는 원인 파악됨',
    },
    {
      id: 'sm13',
      area: 'Basis',
      title: '업데이트 오류 (SM13)',
      guide: 'SM13에서 상태 Error 업데이트 레코드 조회 (전체 클라이언트, 사용자 *)',
      expected: '오류 업데이트 레코드 0건',
    },
    {
      id: 'sm12',
      area: 'Basis',
      title: '잠금 엔트리 (SM12)',
      guide: 'SM12에서 24시간 이상 유지된 잠금 엔트리 조회',
      expected: '오래된 잠금 없음',
    },
    {
      id: 'sp01',
      area: 'Basis',
      title: '스풀 (SP01)',
      guide: 'SP01에서 오류 상태 스풀 요청과 스풀 건수 확인, RSPO1041 정리 잡 동작 확인',
      expected: '오류 스풀 없음, 정리 잡 정상',
    },
    {
      id: 'stms',
      area: 'Basis',
      title: '이관 상태 (STMS)',
      guide: 'STMS 가져오기 대기열에서 RC 8 이상 이관 요청과 대기 중인 요청 확인',
      expected: 'RC 8 이상 없음, 미반영 요청은 일정이 정해짐',
    },
    {
      id: 'db02',
      area: 'Basis',
      title: '디스크·DB 증가량 (DB02)',
      guide: 'DB02에서 데이터베이스 크기와 월 증가량, 테이블스페이스/디스크 사용률 확인',
      expected: '사용률 80% 미만, 증가량이 예상 범위',
    },
    {
      id: 'st06',
      area: 'Basis',
      title: 'OS 자원 (ST06)',
      guide: 'ST06에서 CPU·메모리·스왑 사용률 추이 확인',
      expected: '피크 CPU 80% 미만, 스왑 발생 없음',
    },
    {
      id: 'backup',
      area: 'Basis',
      title: '백업 결과',
      guide: 'DB13 또는 백업 솔루션에서 지난 1개월 전체/로그 백업 결과 확인',
      expected: '모든 백업 성공',
    },
    {
      id: 'su01',
      area: '보안',
      title: '사용자·권한 (SUIM)',
      guide: 'SAP_ALL/SAP_NEW 보유 사용자, 90일 이상 미사용 대화 사용자 조회',
      expected: '승인된 사용자 외 SAP_ALL 없음',
    },
  ],
};

/** A monthly FI check (closing readiness), as a module template. */
export const FI_MONTHLY: TCreateInspectionTemplate = {
  name: 'FI 월마감 사전 점검',
  description: '월마감 전 재무 모듈 점검: 전기기간, 미결 항목, 인터페이스 오류.',
  module: 'FI',
  items: [
    {
      id: 'ob52',
      area: 'FI',
      title: '전기기간 (OB52)',
      guide: 'OB52에서 당월/전월 전기기간 오픈 상태 확인',
      expected: '마감 일정대로 열림/닫힘',
    },
    {
      id: 'fbl1n',
      area: 'FI',
      title: '미결 매입 송장 (FBL1N/MIR6)',
      guide: '보류·차단된 송장과 GR/IR 미결 건수 확인',
      expected: '30일 이상 보류 송장 없음',
    },
    {
      id: 'fagl',
      area: 'FI',
      title: '외화평가·결산 잡 (FAGL_FCV)',
      guide: '전월 외화평가 실행 결과와 결산 잡 로그 확인',
      expected: '오류 없이 완료',
    },
    {
      id: 'idoc',
      area: '인터페이스',
      title: 'IDoc 오류 (WE02/BD87)',
      guide: 'FI 관련 IDoc(FIDCC, INVOIC)의 상태 51 건수 확인',
      expected: '재처리 대상 0건',
    },
    {
      id: 'aa',
      area: 'FI-AA',
      title: '감가상각 실행 (AFAB)',
      guide: '전월 감가상각 실행 여부와 오류 로그 확인',
      expected: '정상 실행',
    },
  ],
};

/** Adds the standard templates unless they are there (by key): safe in every process at every start. */
export async function ensureStandardTemplates(tx: TDbOrTx): Promise<void> {
  await insertTemplate(tx, SYSTEM_ACTOR, BASIS_MONTHLY, 'basis-monthly');
  await insertTemplate(tx, SYSTEM_ACTOR, FI_MONTHLY, 'fi-monthly');
}
