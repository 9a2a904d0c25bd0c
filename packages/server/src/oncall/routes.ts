import {
  ZCreateOverride,
  ZCreateRotation,
  ZIdParam,
  ZOnCallNow,
  ZOnCallSchedule,
  ZOnCallScheduleQuery,
  ZOverride,
  ZOverrideQuery,
  ZRotation,
  ZUpdateRotation,
} from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { getRotation, listRotations } from './get-rotation.js';
import { onCallNow, onCallSchedule } from './on-call-schedule.js';
import { createOverride, deleteOverride, listOverrides } from './overrides.js';
import { createRotation, deleteRotation, updateRotation } from './save-rotation.js';

const tags = ['oncall'];

/** On-call rotations, overrides, who is on call now and the schedule (docs/oncall.md). */
export const oncallRoutes: TRoutes = async (app) => {
  app.get(
    '/oncall/rotations',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZRotation) }) } } },
    async (req) => ({ items: await listRotations(req.actor!) }),
  );
  app.post(
    '/oncall/rotations',
    { schema: { tags, body: ZCreateRotation, response: { 201: ZRotation } } },
    async (req, reply) => reply.code(201).send(await createRotation(req.actor!, req.body)),
  );
  app.get(
    '/oncall/rotations/:id',
    { schema: { tags, params: ZIdParam, response: { 200: ZRotation } } },
    async (req) => getRotation(req.actor!, req.params.id),
  );
  app.patch(
    '/oncall/rotations/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateRotation, response: { 200: ZRotation } } },
    async (req) => updateRotation(req.actor!, req.params.id, req.body),
  );
  app.delete('/oncall/rotations/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await deleteRotation(req.actor!, req.params.id);
    return reply.code(204).send();
  });
  app.get(
    '/oncall/rotations/:id/overrides',
    {
      schema: {
        tags,
        params: ZIdParam,
        querystring: ZOverrideQuery,
        response: { 200: z.object({ items: z.array(ZOverride) }) },
      },
    },
    async (req) => ({ items: await listOverrides(req.actor!, req.params.id, req.query.from) }),
  );
  app.post(
    '/oncall/rotations/:id/overrides',
    { schema: { tags, params: ZIdParam, body: ZCreateOverride, response: { 201: ZOverride } } },
    async (req, reply) => reply.code(201).send(await createOverride(req.actor!, req.params.id, req.body)),
  );
  app.delete('/oncall/overrides/:id', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await deleteOverride(req.actor!, req.params.id);
    return reply.code(204).send();
  });
  app.get('/oncall/now', { schema: { tags, response: { 200: ZOnCallNow } } }, async (req) =>
    onCallNow(req.actor!),
  );
  app.get(
    '/oncall/schedule',
    { schema: { tags, querystring: ZOnCallScheduleQuery, response: { 200: ZOnCallSchedule } } },
    async (req) => onCallSchedule(req.actor!, req.query),
  );
};
