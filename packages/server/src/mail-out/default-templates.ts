import type { TLocale, TNotificationKind } from '@hamkke/core';

/** What every template may use. */
const COMMON = [
  'recipientName',
  'ticketNumber',
  'ticketTitle',
  'ticketUrl',
  'organizationName',
  'appUrl',
] as const;

/** The placeholders each kind knows; a template naming any other is refused. */
export const PLACEHOLDERS: Record<TNotificationKind, readonly string[]> = {
  ticket_received: [...COMMON, 'requesterName'],
  public_reply: [...COMMON, 'authorName', 'commentBody'],
  mention: [...COMMON, 'authorName', 'commentBody'],
  ticket_resolved: [...COMMON, 'surveyUrl', 'surveyExpiresAt', 'ratingLinks'],
  sla_at_risk: [...COMMON, 'clock', 'dueAt', 'priority'],
  sla_breached: [...COMMON, 'clock', 'dueAt', 'priority'],
  contract_hours: [...COMMON, 'contractName', 'month', 'thresholdPercent', 'usedHours', 'entitledHours'],
  monthly_report: [...COMMON, 'month', 'reportUrl', 'pdfUrl'],
};

/** Placeholders whose value is an address: a link in the HTML part. */
export const URL_PLACEHOLDERS = new Set(['ticketUrl', 'appUrl', 'surveyUrl', 'reportUrl', 'pdfUrl']);

export type TTemplateText = { subject: string; body: string };

const REPLY_KO =
  '이 메일에 회신하시면 답변이 티켓에 등록됩니다. 제목의 [{{ticketNumber}}]는 지우지 말아 주세요.';
const REPLY_EN =
  'Reply to this mail to add your answer to the ticket; please keep [{{ticketNumber}}] in the subject.';

/** The built-in templates; an admin's override (mail_templates) takes their place. */
export const DEFAULT_TEMPLATES: Record<TNotificationKind, Record<TLocale, TTemplateText>> = {
  ticket_received: {
    ko: {
      subject: '요청이 접수되었습니다: {{ticketTitle}}',
      body: `{{recipientName}}님, 안녕하세요.

요청하신 건이 접수되었습니다. 담당자가 확인한 뒤 답변드리겠습니다.

접수 번호: {{ticketNumber}}
제목: {{ticketTitle}}
고객사: {{organizationName}}

진행 상황 보기: {{ticketUrl}}

${REPLY_KO}`,
    },
    en: {
      subject: 'We have received your request: {{ticketTitle}}',
      body: `Hello {{recipientName}},

We have received your request. The team will look at it and answer you.

Ticket: {{ticketNumber}}
Title: {{ticketTitle}}
Company: {{organizationName}}

Follow it here: {{ticketUrl}}

${REPLY_EN}`,
    },
  },
  public_reply: {
    ko: {
      subject: '새 답변: {{ticketTitle}}',
      body: `{{recipientName}}님, 안녕하세요.

{{authorName}}님이 {{ticketNumber}} 건에 답변을 남겼습니다.

{{commentBody}}

티켓 보기: {{ticketUrl}}

${REPLY_KO}`,
    },
    en: {
      subject: 'New reply: {{ticketTitle}}',
      body: `Hello {{recipientName}},

{{authorName}} replied on {{ticketNumber}}.

{{commentBody}}

Open the ticket: {{ticketUrl}}

${REPLY_EN}`,
    },
  },
  mention: {
    ko: {
      subject: '{{authorName}}님이 회원님을 언급했습니다: {{ticketTitle}}',
      body: `{{recipientName}}님,

{{authorName}}님이 {{ticketNumber}} 건의 댓글에서 회원님을 언급했습니다.

{{commentBody}}

티켓 보기: {{ticketUrl}}`,
    },
    en: {
      subject: '{{authorName}} mentioned you: {{ticketTitle}}',
      body: `Hello {{recipientName}},

{{authorName}} mentioned you in a comment on {{ticketNumber}}.

{{commentBody}}

Open the ticket: {{ticketUrl}}`,
    },
  },
  ticket_resolved: {
    ko: {
      subject: '처리가 완료되었습니다: {{ticketTitle}}',
      body: `{{recipientName}}님, 안녕하세요.

요청하신 {{ticketNumber}} 건의 처리가 완료되었습니다.

제목: {{ticketTitle}}
티켓 보기: {{ticketUrl}}
{{#surveyUrl}}

이번 지원은 어떠셨나요? 아래 점수 중 하나를 누르시면 바로 평가가 등록됩니다({{surveyExpiresAt}}까지).
{{ratingLinks}}
{{/surveyUrl}}

해결되지 않았다면 이 메일에 회신해 주세요. 티켓이 다시 열립니다.`,
    },
    en: {
      subject: 'Resolved: {{ticketTitle}}',
      body: `Hello {{recipientName}},

Your request {{ticketNumber}} has been resolved.

Title: {{ticketTitle}}
Open the ticket: {{ticketUrl}}
{{#surveyUrl}}

How did we do? Click a score below and it is recorded at once (until {{surveyExpiresAt}}).
{{ratingLinks}}
{{/surveyUrl}}

If it is not solved, reply to this mail and the ticket opens again.`,
    },
  },
  sla_at_risk: {
    ko: {
      subject: 'SLA 기한 임박({{clock}}): {{ticketTitle}}',
      body: `{{recipientName}}님,

{{ticketNumber}} 건의 {{clock}} 기한이 다가오고 있습니다.

제목: {{ticketTitle}}
고객사: {{organizationName}}
우선순위: {{priority}}
기한: {{dueAt}}

티켓 보기: {{ticketUrl}}`,
    },
    en: {
      subject: 'SLA at risk ({{clock}}): {{ticketTitle}}',
      body: `Hello {{recipientName}},

The {{clock}} target of {{ticketNumber}} is close.

Title: {{ticketTitle}}
Company: {{organizationName}}
Priority: {{priority}}
Due: {{dueAt}}

Open the ticket: {{ticketUrl}}`,
    },
  },
  sla_breached: {
    ko: {
      subject: 'SLA 위반({{clock}}): {{ticketTitle}}',
      body: `{{recipientName}}님,

{{ticketNumber}} 건이 {{clock}} 기한을 넘겼습니다.

제목: {{ticketTitle}}
고객사: {{organizationName}}
우선순위: {{priority}}
기한: {{dueAt}}

티켓 보기: {{ticketUrl}}`,
    },
    en: {
      subject: 'SLA breached ({{clock}}): {{ticketTitle}}',
      body: `Hello {{recipientName}},

{{ticketNumber}} has missed its {{clock}} target.

Title: {{ticketTitle}}
Company: {{organizationName}}
Priority: {{priority}}
Due: {{dueAt}}

Open the ticket: {{ticketUrl}}`,
    },
  },
  contract_hours: {
    ko: {
      subject: '계약 시간 {{thresholdPercent}}% 도달: {{contractName}}',
      body: `{{recipientName}}님,

{{organizationName}}의 계약 "{{contractName}}"이(가) {{month}} 월 계약 시간의 {{thresholdPercent}}%에 도달했습니다.

사용: {{usedHours}}시간 / 월 계약 시간: {{entitledHours}}시간
마지막으로 시간이 기록된 티켓: {{ticketNumber}} {{ticketUrl}}`,
    },
    en: {
      subject: 'Contract hours at {{thresholdPercent}}%: {{contractName}}',
      body: `Hello {{recipientName}},

The contract "{{contractName}}" of {{organizationName}} has used {{thresholdPercent}}% of its hours for {{month}}.

Used: {{usedHours}} h of {{entitledHours}} h a month
Ticket the time was logged on: {{ticketNumber}} {{ticketUrl}}`,
    },
  },
  monthly_report: {
    ko: {
      subject: '[운영 보고] {{organizationName}} {{month}} 월간 운영 보고',
      body: `{{recipientName}}님, 안녕하세요.

{{organizationName}}의 {{month}} 월간 운영 보고가 확정되어 보내 드립니다.

PDF 내려받기: {{pdfUrl}}
포털에서 보기: {{reportUrl}}

내려받으려면 포털에 로그인해야 합니다. 궁금한 점은 이 메일에 회신해 주세요.`,
    },
    en: {
      subject: '[Operations report] {{organizationName}} {{month}}',
      body: `Hello {{recipientName}},

The monthly operations report of {{organizationName}} for {{month}} has been signed off.

Download the PDF: {{pdfUrl}}
View it in the portal: {{reportUrl}}

Sign in to the portal to download it. Reply to this mail with any question.`,
    },
  },
};

/** The same placeholders filled with believable values, for previews. */
export function sampleValues(locale: TLocale, appUrl: string): Record<string, string> {
  const ko = locale === 'ko';
  return {
    recipientName: ko ? '김하늘' : 'Haneul Kim',
    ticketNumber: 'HNX-000123',
    ticketTitle: ko ? 'ME21N 저장 시 오류 M7 021' : 'ME21N fails on save with M7 021',
    ticketUrl: `${appUrl}/tickets/HNX-000123`,
    organizationName: ko ? '한누리 제조' : 'Hannuri Manufacturing',
    appUrl,
    requesterName: ko ? '김하늘' : 'Haneul Kim',
    authorName: ko ? '이바다' : 'Bada Lee',
    commentBody: ko
      ? '구매오더 유형 설정을 확인했습니다.\n내일 오전까지 수정 전송 요청(DEVK900123)을 반영하겠습니다.'
      : 'We checked the purchase order type settings.\nThe fix (DEVK900123) goes in tomorrow morning.',
    surveyUrl: `${appUrl}/survey/sample-token`,
    surveyExpiresAt: '2026-12-09 18:00 (KST)',
    clock: ko ? '첫 응답' : 'first response',
    dueAt: '2026-11-25 17:00 (KST)',
    priority: 'P2',
    contractName: ko ? '2026 운영 계약' : '2026 operations contract',
    month: '2026-11',
    thresholdPercent: '80',
    usedHours: '64',
    entitledHours: '80',
    reportUrl: `${appUrl}/reports/monthly`,
    pdfUrl: `${appUrl}/api/v1/reports/monthly.pdf`,
  };
}
