import {
  ZCreateImprovement,
  ZIdParam,
  ZImprovement,
  ZImprovementMetricResult,
  ZImprovementQuery,
  ZUpdateImprovement,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { getImprovement, listImprovements } from './get-improvement.js';
import { improvementMetric, recomputeBaseline } from './improvement-metric.js';
import { createImprovement, updateImprovement } from './save-improvement.js';

const tags = ['improvements'];

export const improvementRoutes: TRoutes = async (app) => {
  app.get(
    '/improvements',
    {
      schema: {
        tags,
        querystring: ZImprovementQuery,
        response: { 200: z.object({ items: z.array(ZImprovement) }) },
      },
    },
    async (req) => ({ items: await listImprovements(req.actor!, req.query) }),
  );
  app.post(
    '/improvements',
    { schema: { tags, body: ZCreateImprovement, response: { 201: ZImprovement } } },
    async (req, reply) => reply.code(201).send(await createImprovement(req.actor!, req.body)),
  );
  app.get(
    '/improvements/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZImprovement } } },
    async (req) => getImprovement(req.actor!, req.params.id),
  );
  app.patch(
    '/improvements/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateImprovement, response: { 200: ZImprovement } } },
    async (req) => updateImprovement(req.actor!, req.params.id, req.body),
  );
  app.get(
    '/improvements/:id/metric',
    { schema: { tags, params: ZIdParam, response: { 200: ZImprovementMetricResult } } },
    async (req) => improvementMetric(req.actor!, req.params.id),
  );
  app.post(
    '/improvements/:id/baseline',
    { schema: { tags, params: ZIdParam, response: { 200: ZImprovement } } },
    async (req) => recomputeBaseline(req.actor!, req.params.id),
  );
};
