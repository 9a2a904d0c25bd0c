import { CSAT_COMMENT_MAX, type TCsatSurvey, type TLocale } from '@hamkke/core';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const TEXT = {
  ko: {
    title: '서비스 만족도 조사',
    intro: '처리된 요청에 대한 만족도를 알려 주세요.',
    question: '이번 지원에 얼마나 만족하셨나요?',
    ratings: ['매우 불만족', '불만족', '보통', '만족', '매우 만족'],
    comment: '의견 (선택)',
    commentHint: `${CSAT_COMMENT_MAX}자 이내`,
    submit: '평가 보내기',
    thanks: '소중한 의견 감사합니다.',
    thanksLow: '불편을 드려 죄송합니다. 담당 관리자가 확인 후 연락드리겠습니다.',
    yourRating: '보내신 평가',
    chooseRating: '1점부터 5점 중 하나를 선택하세요.',
    commentTooLong: `의견은 ${CSAT_COMMENT_MAX}자 이내로 적어 주세요.`,
    notFound: '만족도 조사를 찾을 수 없습니다. 메일의 링크를 그대로 열었는지 확인해 주세요.',
    answered: '이미 응답하신 만족도 조사입니다. 감사합니다.',
    ticket: '요청',
  },
  en: {
    title: 'Satisfaction survey',
    intro: 'Please tell us how satisfied you are with the resolution of your request.',
    question: 'How satisfied are you with our support?',
    ratings: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
    comment: 'Comment (optional)',
    commentHint: `up to ${CSAT_COMMENT_MAX} characters`,
    submit: 'Send rating',
    thanks: 'Thank you for your feedback.',
    thanksLow: 'We are sorry. A manager will look into it and contact you.',
    yourRating: 'Your rating',
    chooseRating: 'Choose a rating from 1 to 5.',
    commentTooLong: `Please keep the comment to ${CSAT_COMMENT_MAX} characters.`,
    notFound: 'This survey was not found. Please open the link from the mail exactly as it is.',
    answered: 'This survey has already been answered. Thank you.',
    ticket: 'Request',
  },
} as const;

function page(locale: TLocale, body: string): string {
  const t = TEXT[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title} · Hamkke</title>
<style>
body{font-family:system-ui,-apple-system,"Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:0;background:#f5f6f8;color:#1a1b1e;line-height:1.5}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin-top:0}
fieldset{border:0;padding:0;margin:1rem 0}
legend{font-weight:600;margin-bottom:.5rem}
.choices{display:flex;flex-wrap:wrap;gap:.5rem}
.choices label{display:flex;flex-direction:column;align-items:center;border:1px solid #868e96;border-radius:6px;padding:.5rem .75rem;min-width:4.5rem;cursor:pointer}
.choices input{margin:0 0 .25rem}
.choices label:focus-within{outline:3px solid #1c7ed6;outline-offset:2px}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #868e96;border-radius:6px}
button{font:inherit;font-weight:600;margin-top:1rem;padding:.6rem 1.4rem;border:0;border-radius:6px;background:#1864ab;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1c7ed6;outline-offset:2px}
.error{color:#c92a2a;font-weight:600}
.ticket{color:#495057}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The survey form: the ticket's title, the 1–5 choice (preselected from `?rating=`), a comment, one button. */
export function surveyFormPage(
  locale: TLocale,
  survey: TCsatSurvey,
  opts: { rating?: number; comment?: string; error?: 'rating' | 'comment' } = {},
): string {
  const t = TEXT[locale];
  const error = opts.error ? (opts.error === 'rating' ? t.chooseRating : t.commentTooLong) : '';
  const choices = t.ratings
    .map((label, i) => {
      const n = i + 1;
      const checked = opts.rating === n ? ' checked' : '';
      return `<label><input type="radio" name="rating" value="${n}" required${checked}><span>${n}</span><span>${escapeHtml(label)}</span></label>`;
    })
    .join('\n');
  return page(
    locale,
    `<h1>${t.title}</h1>
<p class="ticket">${t.ticket} ${escapeHtml(survey.ticketNumber)}: <strong>${escapeHtml(survey.ticketTitle)}</strong></p>
<p>${t.intro}</p>
${error ? `<p class="error" role="alert" id="form-error">${error}</p>` : ''}
<form method="post">
<fieldset${error ? ' aria-describedby="form-error"' : ''}>
<legend>${t.question}</legend>
<div class="choices">
${choices}
</div>
</fieldset>
<label for="comment">${t.comment} <small>(${t.commentHint})</small></label>
<textarea id="comment" name="comment" rows="4" maxlength="${CSAT_COMMENT_MAX}">${escapeHtml(opts.comment ?? '')}</textarea>
<button type="submit">${t.submit}</button>
</form>`,
  );
}

/** After the answer: thanks, and for a low rating that a manager will follow up. */
export function surveyThanksPage(locale: TLocale, survey: TCsatSurvey): string {
  const t = TEXT[locale];
  const low = survey.rating !== null && survey.rating <= 2 ? `<p>${t.thanksLow}</p>` : '';
  return page(
    locale,
    `<h1>${t.thanks}</h1>
<p class="ticket">${t.ticket} ${escapeHtml(survey.ticketNumber)}: <strong>${escapeHtml(survey.ticketTitle)}</strong></p>
<p>${t.yourRating}: <strong>${survey.rating} / 5</strong></p>
${low}`,
  );
}

/** A link that cannot be answered: unknown or altered (404), answered, expired, replaced or reopened (410). */
export function surveyClosedPage(locale: TLocale, message: string, survey?: TCsatSurvey): string {
  const t = TEXT[locale];
  const ticket = survey
    ? `<p class="ticket">${t.ticket} ${escapeHtml(survey.ticketNumber)}: <strong>${escapeHtml(survey.ticketTitle)}</strong></p>`
    : '';
  return page(locale, `<h1>${t.title}</h1>\n${ticket}\n<p role="status">${escapeHtml(message)}</p>`);
}

export const surveyText = (locale: TLocale) => TEXT[locale];
