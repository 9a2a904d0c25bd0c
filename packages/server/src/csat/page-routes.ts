import { type TLocale, ZCsatAnswer } from '@hamkke/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, textIn } from '../http/errors.js';
import { localeOf } from '../http/problem.js';
import type { TRoutes } from '../http/types.js';
import {
  answerSurveyByToken,
  notAnswerable,
  presentSurvey,
  surveyByToken,
  surveyState,
} from './answer-survey.js';
import { surveyClosedPage, surveyFormPage, surveyText, surveyThanksPage } from './survey-page.js';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** A form of a rating and 2,000 characters fits well within this; more is not a survey answer. */
const FORM_LIMIT_BYTES = 16_384;

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return (
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      // The token is in the address: never hand it to another site.
      .header('referrer-policy', 'no-referrer')
      .header('x-content-type-options', 'nosniff')
      .header('x-robots-tag', 'noindex')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .send(html)
  );
}

type TReq = FastifyRequest<{ Params: { token: string }; Querystring: { rating?: string } }>;

async function findOr404(req: TReq, reply: FastifyReply, locale: TLocale) {
  if (!TOKEN.test(req.params.token)) {
    send(reply, 404, surveyClosedPage(locale, surveyText(locale).notFound));
    return null;
  }
  try {
    return await surveyByToken(req.params.token);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      send(reply, 404, surveyClosedPage(locale, surveyText(locale).notFound));
      return null;
    }
    throw error;
  }
}

function closed(reply: FastifyReply, locale: TLocale, survey: ReturnType<typeof presentSurvey>) {
  if (survey.state === 'answered') return send(reply, 410, surveyThanksPage(locale, survey));
  return send(reply, 410, surveyClosedPage(locale, textIn(notAnswerable(survey.state).text, locale), survey));
}

/**
 * The survey page a mail links to, outside the API and without signing in: GET shows the form (the
 * rating from `?rating=` preselected) and never records — mail scanners open links; POST records.
 */
export const csatPageRoutes: TRoutes = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.get('/csat/:token', { schema: { hide: true } }, async (req: TReq, reply) => {
    const locale = localeOf(req);
    const found = await findOr404(req, reply, locale);
    if (!found) return reply;
    const survey = presentSurvey(found);
    if (surveyState(found) !== 'open') return closed(reply, locale, survey);
    const rating = Number(req.query.rating);
    return send(
      reply,
      200,
      surveyFormPage(locale, survey, {
        rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined,
      }),
    );
  });

  app.post('/csat/:token', { schema: { hide: true } }, async (req: TReq, reply) => {
    const locale = localeOf(req);
    const found = await findOr404(req, reply, locale);
    if (!found) return reply;
    const survey = presentSurvey(found);
    if (surveyState(found) !== 'open') return closed(reply, locale, survey);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const parsed = ZCsatAnswer.safeParse({ rating: form.rating, comment: form.comment ?? '' });
    if (!parsed.success) {
      const isRating = parsed.error.issues.some((i) => i.path[0] === 'rating');
      const rating = Number(form.rating);
      return send(
        reply,
        400,
        surveyFormPage(locale, survey, {
          rating: Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined,
          comment: typeof form.comment === 'string' ? form.comment.slice(0, 2000) : '',
          error: isRating ? 'rating' : 'comment',
        }),
      );
    }
    try {
      const answered = await answerSurveyByToken(req.params.token, parsed.data, 'page', req.ip ?? null);
      return send(reply, 200, surveyThanksPage(locale, presentSurvey(answered)));
    } catch (error) {
      // Answered or withdrawn between the read above and the write (a double click).
      if (error instanceof AppError && (error.status === 409 || error.status === 410))
        return closed(reply, locale, presentSurvey(await surveyByToken(req.params.token)));
      throw error;
    }
  });
};
