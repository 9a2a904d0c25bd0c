import type { TLocale } from '@hamkke/core';
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { type $ZodIssue, type $ZodType, safeParse } from 'zod/v4/core';
import type { TFieldError } from './errors.js';

/** Thrown by the validator; keeps the zod issues so the message can be given in the caller's language. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly part: string,
    readonly issues: $ZodIssue[],
  ) {
    super(`Invalid ${part}`);
  }
}

const NUL_MESSAGE = 'Text must not contain the NUL character (U+0000)';

/** Where the first string holding U+0000 sits in the input; PostgreSQL text cannot store it. */
function pathOfNul(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = pathOfNul(item, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return null;
}

/** Validates with zod and keeps the raw issues; Fastify turns the error into a 400 through our handler. */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (!result.success)
      return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
    const nul = pathOfNul(result.data);
    if (nul) {
      const issue: $ZodIssue = { code: 'custom', path: nul, message: NUL_MESSAGE, input: undefined };
      return { error: new RequestValidationError(httpPart ?? 'body', [issue]) };
    }
    return { value: result.data };
  };

const LOCALE_ERRORS = { ko: z.locales.ko().localeError, en: z.locales.en().localeError };
const PART_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

/** Messages we wrote ourselves (refinements, regexes) in English, with their Korean. */
const KO_CUSTOM: Record<string, string> = {
  'A customer user needs organizationId; staff have none':
    '고객 사용자에게는 organizationId가 필요하고, 내부 직원에게는 없어야 합니다',
  'endsOn must not be before startsOn': 'endsOn은 startsOn보다 앞설 수 없습니다',
  'plannedEnd must not be before plannedStart': 'plannedEnd는 plannedStart보다 앞설 수 없습니다',
  'Nothing to change': '변경할 항목이 없습니다',
  'A letter, then 1–9 letters or digits': '영문자로 시작하는 2–10자의 영문 대문자 또는 숫자여야 합니다',
  'Three characters: a letter, then letters or digits':
    '영문자로 시작하는 3자리 영문 또는 숫자여야 합니다 (예: PRD)',
  'Three digits, e.g. 100': '세 자리 숫자여야 합니다 (예: 100)',
  'An SAP Note number: digits only': 'SAP Note 번호는 숫자만 허용됩니다',
  'A transport request like DEVK900123': 'DEVK900123 형식의 트랜스포트 요청이어야 합니다',
  'A ticket id or number': '티켓 ID 또는 번호(예: HNX-000123)여야 합니다',
  [NUL_MESSAGE]: '텍스트에 NUL 문자(U+0000)를 넣을 수 없습니다',
  'A date between the years 1 and 9999': '1년부터 9999년 사이의 날짜여야 합니다',
  'expected HH:MM': 'HH:MM 형식의 시각이어야 합니다 (예: 09:00, 하루 끝은 24:00)',
  'start must be before end': '시작 시각이 종료 시각보다 앞서야 합니다',
  'intervals must be in order and must not overlap': '근무 시간대는 순서대로, 겹치지 않게 적어야 합니다',
  'unknown time zone': '알 수 없는 시간대입니다 (예: Asia/Seoul)',
  'lower-case letters, digits and dashes': '영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다',
  'A key must not look like an id': '키는 ID(UUID) 형식일 수 없습니다',
  'A calendar needs working hours on at least one day': '적어도 하루는 근무 시간이 있어야 합니다',
  'Give minutes or to': 'minutes 또는 to 중 하나를 주어야 합니다',
  'Give either minutes or to, not both': 'minutes와 to 중 하나만 주어야 합니다',
  'resolution must not be shorter than firstResponse': 'resolution은 firstResponse보다 짧을 수 없습니다',
  'reassign_team needs a team': 'reassign_team에는 team이 필요합니다',
  'A month, YYYY-MM': '연월은 YYYY-MM 형식이어야 합니다 (예: 2026-03)',
};

function messageOf(issue: $ZodIssue, locale: TLocale): string {
  const isCustom = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex');
  if (isCustom && issue.message)
    return locale === 'ko' ? (KO_CUSTOM[issue.message] ?? issue.message) : issue.message;
  if (issue.code === 'unrecognized_keys') {
    return locale === 'ko'
      ? `알 수 없는 필드: ${issue.keys.join(', ')}`
      : `Unknown field: ${issue.keys.join(', ')}`;
  }
  const localized = LOCALE_ERRORS[locale](issue as Parameters<(typeof LOCALE_ERRORS)['en']>[0]);
  if (typeof localized === 'string') return localized;
  return localized?.message ?? issue.message;
}

/** The zod issues as `{path, message, in}` rows in the caller's language. */
export function fieldErrors(error: RequestValidationError, locale: TLocale): TFieldError[] {
  return error.issues.map((issue) => ({
    path:
      issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''),
    message: messageOf(issue, locale),
    in: PART_NAMES[error.part] ?? error.part,
  }));
}
