import { ZQueues } from '@hamkke/core';
import type { TRoutes } from '../http/types.js';
import { countQueues } from './count-queues.js';

export const queueRoutes: TRoutes = async (app) => {
  app.get(
    '/queues',
    {
      schema: {
        tags: ['queues'],
        description:
          'The workspace queues (open tickets: mine, unassigned, SLA at risk, waiting, per team and customer) with their counts. Staff only.',
        response: { 200: ZQueues },
      },
    },
    async (req) => countQueues(req.actor!),
  );
};
