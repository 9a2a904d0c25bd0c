import {
  ZCsatAnswer,
  ZCsatSummary,
  ZCsatSummaryQuery,
  ZCsatSurvey,
  ZCsatToken,
  ZTicketRef,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { answerSurveyByToken, presentSurvey, rateTicket, surveyByToken } from './answer-survey.js';
import { csatSummary } from './csat-summary.js';

const tags = ['satisfaction'];
const ZTicketParams = z.object({ id: ZTicketRef.shape.idOrNumber });

/** The satisfaction API: the survey by its link's token (no sign-in), rating signed in, results for staff. */
export const csatRoutes: TRoutes = async (app) => {
  app.get(
    '/csat/summary',
    {
      schema: {
        tags,
        querystring: ZCsatSummaryQuery,
        response: { 200: ZCsatSummary },
        description:
          'Staff: surveys sent, responses, response rate, mean rating and distribution per organization, agent, module or month (Seoul), over surveys sent from `from` to `to`.',
      },
    },
    async (req) => csatSummary(req.actor!, req.query),
  );

  app.get(
    '/csat/:token',
    {
      config: { isPublic: true },
      schema: {
        tags,
        params: ZCsatToken,
        response: { 200: ZCsatSurvey },
        description:
          'The survey a link stands for, without signing in, with its `state` (`open` may be answered). Reading never records anything. An unknown or altered token is 404.',
      },
    },
    async (req) => presentSurvey(await surveyByToken(req.params.token)),
  );

  app.post(
    '/csat/:token',
    {
      config: { isPublic: true },
      schema: {
        tags,
        params: ZCsatToken,
        body: ZCsatAnswer,
        response: { 200: ZCsatSurvey },
        description:
          'Answers the survey once (rating 1–5, optional comment): 409 when already answered, 410 when expired, replaced by a newer survey or the ticket was reopened.',
      },
    },
    async (req) =>
      presentSurvey(await answerSurveyByToken(req.params.token, req.body, 'portal', req.ip ?? null)),
  );

  app.post(
    '/tickets/:id/rating',
    {
      schema: {
        tags,
        params: ZTicketParams,
        body: ZCsatAnswer,
        response: { 200: ZCsatSurvey },
        description:
          "The signed-in requester rates their resolved ticket: answers the ticket's latest survey, once, under the same rules as the link.",
      },
    },
    async (req) => presentSurvey(await rateTicket(req.actor!, req.params.id, req.body)),
  );
};
