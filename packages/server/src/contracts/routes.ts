import {
  ZContract,
  ZContractUsage,
  ZCreateContract,
  ZIdParam,
  ZUpdateContract,
  ZUsageQuery,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { createContract } from './create-contract.js';
import { getContract } from './get-contract.js';
import { getContractUsage } from './get-contract-usage.js';
import { listContracts } from './list-contracts.js';
import { presentContract } from './present.js';
import { presentContractUsage } from './present-usage.js';
import { updateContract } from './update-contract.js';

const tags = ['contracts'];

export const contractRoutes: TRoutes = async (app) => {
  app.get(
    '/organizations/:id/contracts',
    { schema: { tags, params: ZIdParam, response: { 200: z.object({ items: z.array(ZContract) }) } } },
    async (req) => ({
      items: (await listContracts(req.actor!, req.params.id)).map((c) => presentContract(c, req.actor!)),
    }),
  );
  app.post(
    '/organizations/:id/contracts',
    { schema: { tags, params: ZIdParam, body: ZCreateContract, response: { 201: ZContract } } },
    async (req, reply) =>
      reply
        .code(201)
        .send(presentContract(await createContract(req.actor!, req.params.id, req.body), req.actor!)),
  );
  app.get(
    '/contracts/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZContract } } },
    async (req) => presentContract(await getContract(req.actor!, req.params.id), req.actor!),
  );
  app.get(
    '/contracts/:id/usage',
    { schema: { tags, params: ZIdParam, querystring: ZUsageQuery, response: { 200: ZContractUsage } } },
    async (req) => presentContractUsage(await getContractUsage(req.actor!, req.params.id, req.query)),
  );
  app.patch(
    '/contracts/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateContract, response: { 200: ZContract } } },
    async (req) => presentContract(await updateContract(req.actor!, req.params.id, req.body), req.actor!),
  );
};
