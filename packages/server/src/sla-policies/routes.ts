import { ZCreateSlaPolicy, ZIdParam, ZSlaPolicy, ZUpdateSlaPolicy } from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { createSlaPolicy } from './create-sla-policy.js';
import { getSlaPolicy } from './get-sla-policy.js';
import { listSlaPolicies } from './list-sla-policies.js';
import { presentSlaPolicy } from './present.js';
import { updateSlaPolicy } from './update-sla-policy.js';

const tags = ['sla-policies'];

/** SLA policies: targets per priority, pause statuses, escalation rules. */
export const slaPolicyRoutes: TRoutes = async (app) => {
  app.get(
    '/sla-policies',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZSlaPolicy) }) } } },
    async (req) => ({ items: (await listSlaPolicies(req.actor!)).map(presentSlaPolicy) }),
  );
  app.post(
    '/sla-policies',
    { schema: { tags, body: ZCreateSlaPolicy, response: { 201: ZSlaPolicy } } },
    async (req, reply) => reply.code(201).send(presentSlaPolicy(await createSlaPolicy(req.actor!, req.body))),
  );
  app.get(
    '/sla-policies/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZSlaPolicy } } },
    async (req) => presentSlaPolicy(await getSlaPolicy(req.actor!, req.params.id)),
  );
  app.patch(
    '/sla-policies/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateSlaPolicy, response: { 200: ZSlaPolicy } } },
    async (req) => presentSlaPolicy(await updateSlaPolicy(req.actor!, req.params.id, req.body)),
  );
};
