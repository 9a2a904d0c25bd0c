import type { TTicketStatus } from '@hamkke/core';

const status: Record<TTicketStatus, string> = {
  new: '신규',
  open: '접수',
  in_progress: '처리 중',
  waiting_customer: '고객 응답 대기',
  waiting_vendor: '벤더 응답 대기',
  resolved: '해결됨',
  closed: '종료',
  cancelled: '취소',
};

export const ko = {
  app: { name: '함께 ITSM', loading: '불러오는 중…' },
  language: { label: '언어' },
  signIn: {
    title: '로그인',
    email: '이메일',
    password: '비밀번호',
    submit: '로그인',
    submitting: '로그인 중…',
    failed: '로그인하지 못했습니다.',
  },
  home: {
    greeting: '안녕하세요, {{name}}',
    signOut: '로그아웃',
    latestTickets: '최근 티켓',
    noTickets: '티켓이 없습니다.',
    loadFailed: '티켓을 불러오지 못했습니다.',
  },
  ticket: { number: '번호', title: '제목', status: '상태', priority: '우선순위' },
  status,
  error: { network: '서버에 연결할 수 없습니다.' },
};

export type TMessages = typeof ko;
