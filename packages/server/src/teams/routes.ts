import {
  ZCreateDeployment,
  ZCreateHandoverItem,
  ZCreateTeam,
  ZDeployment,
  ZDeploymentQuery,
  ZHandover,
  ZHandoverItem,
  ZHandoverItemQuery,
  ZHoursSplit,
  ZHoursSplitQuery,
  ZIdParam,
  ZLoadQuery,
  ZPerson,
  ZPrimaryAgent,
  ZPrimaryAgentQuery,
  ZSetAvailability,
  ZSetPrimaryAgent,
  ZSetSkills,
  ZTeam,
  ZTeamLoad,
  ZUpdateDeployment,
  ZUpdateTeam,
  ZUserIdParam,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import {
  createDeployment,
  deleteDeployment,
  handoverOf,
  listDeployments,
  updateDeployment,
} from './deployments.js';
import { getTeam, listTeams } from './get-team.js';
import { acknowledgeHandover, handOver, listHandoverItems } from './handover-items.js';
import { hoursSplit } from './hours-split.js';
import { getPerson, listPeople, setAvailability, setSkills } from './people.js';
import { listPrimaryAgents, removePrimaryAgent, setPrimaryAgent } from './primary-agents.js';
import { createTeam, deleteTeam, updateTeam } from './save-team.js';
import { teamLoad } from './team-load.js';

const tags = ['team'];

export const teamRoutes: TRoutes = async (app) => {
  app.get(
    '/teams',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZTeam) }) } } },
    async (req) => ({
      items: await listTeams(req.actor!),
    }),
  );
  app.post('/teams', { schema: { tags, body: ZCreateTeam, response: { 201: ZTeam } } }, async (req, reply) =>
    reply.code(201).send(await createTeam(req.actor!, req.body)),
  );
  app.get('/teams/:id', { schema: { tags, params: ZIdParam, response: { 200: ZTeam } } }, async (req) =>
    getTeam(req.actor!, req.params.id),
  );
  app.patch(
    '/teams/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateTeam, response: { 200: ZTeam } } },
    async (req) => updateTeam(req.actor!, req.params.id, req.body),
  );
  app.delete('/teams/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await deleteTeam(req.actor!, req.params.id);
    return reply.code(204).send();
  });
  app.get(
    '/team/people',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZPerson) }) } } },
    async (req) => ({
      items: await listPeople(req.actor!),
    }),
  );
  app.get(
    '/team/people/:userId',
    { schema: { tags, params: ZUserIdParam, response: { 200: ZPerson } } },
    async (req) => getPerson(req.actor!, req.params.userId),
  );
  app.put(
    '/team/people/:userId/skills',
    { schema: { tags, params: ZUserIdParam, body: ZSetSkills, response: { 200: ZPerson } } },
    async (req) => setSkills(req.actor!, req.params.userId, req.body),
  );
  app.put(
    '/team/people/:userId/availability',
    { schema: { tags, params: ZUserIdParam, body: ZSetAvailability, response: { 200: ZPerson } } },
    async (req) => setAvailability(req.actor!, req.params.userId, req.body),
  );
  app.get(
    '/team/primary-agents',
    {
      schema: {
        tags,
        querystring: ZPrimaryAgentQuery,
        response: { 200: z.object({ items: z.array(ZPrimaryAgent) }) },
      },
    },
    async (req) => ({ items: await listPrimaryAgents(req.actor!, req.query.organizationId) }),
  );
  app.put(
    '/team/primary-agents',
    { schema: { tags, body: ZSetPrimaryAgent, response: { 200: ZPrimaryAgent } } },
    async (req) => setPrimaryAgent(req.actor!, req.body),
  );
  app.delete('/team/primary-agents/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await removePrimaryAgent(req.actor!, req.params.id);
    return reply.code(204).send();
  });
  app.get(
    '/team/load',
    { schema: { tags, querystring: ZLoadQuery, response: { 200: ZTeamLoad } } },
    async (req) => teamLoad(req.actor!, req.query.teamId),
  );
  app.get(
    '/team/hours-split',
    { schema: { tags, querystring: ZHoursSplitQuery, response: { 200: ZHoursSplit } } },
    async (req) => hoursSplit(req.actor!, req.query),
  );
  app.get(
    '/team/deployments',
    {
      schema: {
        tags,
        querystring: ZDeploymentQuery,
        response: { 200: z.object({ items: z.array(ZDeployment) }) },
      },
    },
    async (req) => ({ items: await listDeployments(req.actor!, req.query) }),
  );
  app.post(
    '/team/deployments',
    { schema: { tags, body: ZCreateDeployment, response: { 201: ZDeployment } } },
    async (req, reply) => reply.code(201).send(await createDeployment(req.actor!, req.body)),
  );
  app.patch(
    '/team/deployments/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateDeployment, response: { 200: ZDeployment } } },
    async (req) => updateDeployment(req.actor!, req.params.id, req.body),
  );
  app.delete('/team/deployments/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await deleteDeployment(req.actor!, req.params.id);
    return reply.code(204).send();
  });
  app.get(
    '/team/deployments/:id/handover',
    { schema: { tags, params: ZIdParam, response: { 200: ZHandover } } },
    async (req) => handoverOf(req.actor!, req.params.id),
  );
  app.post(
    '/team/deployments/:id/handover-items',
    { schema: { tags, params: ZIdParam, body: ZCreateHandoverItem, response: { 201: ZHandoverItem } } },
    async (req, reply) => reply.code(201).send(await handOver(req.actor!, req.params.id, req.body)),
  );
  app.get(
    '/team/handover-items',
    {
      schema: {
        tags,
        querystring: ZHandoverItemQuery,
        response: { 200: z.object({ items: z.array(ZHandoverItem) }) },
      },
    },
    async (req) => ({ items: await listHandoverItems(req.actor!, req.query) }),
  );
  app.post(
    '/team/handover-items/:id/acknowledge',
    { schema: { tags, params: ZIdParam, response: { 200: ZHandoverItem } } },
    async (req) => acknowledgeHandover(req.actor!, req.params.id),
  );
};
