import { ZCreateSystem, ZIdParam, ZSystem, ZUpdateSystem } from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { createSystem } from './create-system.js';
import { getSystem } from './get-system.js';
import { listSystems } from './list-systems.js';
import { presentSystem } from './present.js';
import { updateSystem } from './update-system.js';

const tags = ['systems'];

export const systemRoutes: TRoutes = async (app) => {
  app.get(
    '/organizations/:id/systems',
    { schema: { tags, params: ZIdParam, response: { 200: z.object({ items: z.array(ZSystem) }) } } },
    async (req) => ({ items: (await listSystems(req.actor!, req.params.id)).map(presentSystem) }),
  );
  app.post(
    '/organizations/:id/systems',
    { schema: { tags, params: ZIdParam, body: ZCreateSystem, response: { 201: ZSystem } } },
    async (req, reply) =>
      reply.code(201).send(presentSystem(await createSystem(req.actor!, req.params.id, req.body))),
  );
  app.get('/systems/:id', { schema: { tags, params: ZIdParam, response: { 200: ZSystem } } }, async (req) =>
    presentSystem(await getSystem(req.actor!, req.params.id)),
  );
  app.patch(
    '/systems/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateSystem, response: { 200: ZSystem } } },
    async (req) => presentSystem(await updateSystem(req.actor!, req.params.id, req.body)),
  );
};
