import { ZProblemCandidates, ZProblemCandidatesQuery, ZSimilarCases, ZTicketRef } from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { findSimilarCases } from './find-similar-cases.js';
import { listProblemCandidates } from './problem-candidates.js';

const ZTicketParams = z.object({ id: ZTicketRef.shape.idOrNumber });

export const similarRoutes: TRoutes = async (app) => {
  app.get(
    '/tickets/:id/similar',
    {
      schema: {
        tags: ['knowledge'],
        params: ZTicketParams,
        response: { 200: ZSimilarCases },
        description:
          'The five most similar resolved tickets and five most similar articles the caller may see, with why each matched; for staff, the recurring-incident group the ticket belongs to.',
      },
    },
    async (req) => findSimilarCases(req.actor!, req.params.id),
  );

  app.get(
    '/problems/candidates',
    {
      schema: {
        tags: ['knowledge'],
        querystring: ZProblemCandidatesQuery,
        response: { 200: ZProblemCandidates },
        description:
          'Staff: groups of similar incidents of one organization and system (or module) within 14 days of each other, 3 or more, among those of the last `days` days.',
      },
    },
    async (req) => ({ items: await listProblemCandidates(req.actor!, req.query) }),
  );
};
