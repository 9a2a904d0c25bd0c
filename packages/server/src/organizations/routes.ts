import { ZCreateOrganization, ZIdParam, ZOrganization, ZUpdateOrganization } from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { createOrganization } from './create-organization.js';
import { getOrganization } from './get-organization.js';
import { listOrganizations } from './list-organizations.js';
import { presentOrganization } from './present.js';
import { updateOrganization } from './update-organization.js';

const tags = ['organizations'];

export const organizationRoutes: TRoutes = async (app) => {
  app.get(
    '/organizations',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZOrganization) }) } } },
    async (req) => ({
      items: (await listOrganizations(req.actor!)).map((o) => presentOrganization(o, req.actor!)),
    }),
  );
  app.post(
    '/organizations',
    { schema: { tags, body: ZCreateOrganization, response: { 201: ZOrganization } } },
    async (req, reply) =>
      reply.code(201).send(presentOrganization(await createOrganization(req.actor!, req.body), req.actor!)),
  );
  app.get(
    '/organizations/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZOrganization } } },
    async (req) => presentOrganization(await getOrganization(req.actor!, req.params.id), req.actor!),
  );
  app.patch(
    '/organizations/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateOrganization, response: { 200: ZOrganization } } },
    async (req) =>
      presentOrganization(await updateOrganization(req.actor!, req.params.id, req.body), req.actor!),
  );
};
