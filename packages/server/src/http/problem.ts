import type { TLocale, TProblem } from '@hamkke/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type TFieldError, TooManyRequests, textIn } from './errors.js';
import { fieldErrors, RequestValidationError } from './validation.js';

/** The title of a problem of each status, in both languages. */
export const PROBLEM_TITLES: Record<number, { en: string; ko: string }> = {
  400: { en: 'Bad request', ko: '잘못된 요청' },
  401: { en: 'Not signed in', ko: '로그인이 필요합니다' },
  403: { en: 'Forbidden', ko: '권한이 없습니다' },
  404: { en: 'Not found', ko: '찾을 수 없습니다' },
  405: { en: 'Method not allowed', ko: '허용되지 않은 메서드' },
  406: { en: 'Not acceptable', ko: '지원하지 않는 응답 형식' },
  409: { en: 'Conflict', ko: '충돌' },
  413: { en: 'Too large', ko: '크기 제한 초과' },
  415: { en: 'Unsupported media type', ko: '지원하지 않는 형식' },
  422: { en: 'Rule violated', ko: '규칙 위반' },
  429: { en: 'Too many requests', ko: '요청이 너무 많습니다' },
  500: { en: 'Internal error', ko: '내부 오류' },
};

/** Details for Fastify's own errors (body parsing, limits), which otherwise speak only English. */
const FASTIFY_DETAILS: Record<string, { en: string; ko: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    en: 'Send the body as application/json (or multipart/form-data for uploads)',
    ko: '본문은 application/json(업로드는 multipart/form-data)으로 보내야 합니다',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { en: 'The body is larger than allowed', ko: '본문이 허용된 크기보다 큽니다' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { en: 'The JSON body is empty', ko: 'JSON 본문이 비어 있습니다' },
  FST_ERR_CTP_INVALID_JSON_BODY: { en: 'The body is not valid JSON', ko: '본문이 올바른 JSON이 아닙니다' },
  FST_REQ_FILE_TOO_LARGE: { en: 'The file is larger than allowed', ko: '파일이 허용된 크기보다 큽니다' },
  FST_FILES_LIMIT: { en: 'Too many files in one upload', ko: '한 번에 올릴 수 있는 파일 수를 넘었습니다' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    en: 'Send the upload as multipart/form-data',
    ko: '업로드는 multipart/form-data로 보내야 합니다',
  },
};

/** The caller's language: their profile when signed in, else Accept-Language, else Korean. */
export function localeOf(request: FastifyRequest): TLocale {
  if (request.actor) return request.actor.locale;
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'ko' || tag === 'en') return tag;
  }
  return 'ko';
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  locale: TLocale,
  detail?: string,
  errors?: TFieldError[],
): FastifyReply {
  const title = (PROBLEM_TITLES[status] ?? PROBLEM_TITLES[status >= 500 ? 500 : 400])![locale];
  const body: TProblem = { type: `https://hamkke.dev/problems/${status}`, title, status };
  if (detail) body.detail = detail;
  if (errors?.length) body.errors = errors;
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

/** One place turns every error into `application/problem+json`; bad input never becomes a 500. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof RequestValidationError) {
      const errors = fieldErrors(error, locale);
      const detail = errors.map((e) => `${e.path || e.in}: ${e.message}`).join('; ');
      return sendProblem(reply, 400, locale, detail, errors);
    }
    if (error instanceof AppError) {
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
      const errors = error.errors.map((e) =>
        error.status === 422 && typeof error.text !== 'string'
          ? { ...e, message: textIn(error.text, locale) }
          : e,
      );
      return sendProblem(reply, error.status, locale, textIn(error.text, locale), errors);
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = fastifyError.code ? FASTIFY_DETAILS[fastifyError.code] : undefined;
      const isJsonSyntax = error instanceof SyntaxError || /JSON/.test(error.message);
      const detail =
        known?.[locale] ??
        (isJsonSyntax ? FASTIFY_DETAILS.FST_ERR_CTP_INVALID_JSON_BODY![locale] : error.message);
      return sendProblem(reply, status, locale, detail);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      500,
      locale,
      locale === 'ko' ? '서버 오류가 발생했습니다' : 'Something went wrong on our side',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, localeOf(request), `${request.method} ${request.url.split('?')[0]}`),
  );
}
