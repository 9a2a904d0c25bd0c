import { ZCreateUser, ZIdParam, ZListUsersQuery, ZUpdateUser, ZUser } from '@hamkke/core';
import { z } from 'zod';
import type { TRoutes } from '../http/types.js';
import { createUser } from './create-user.js';
import { getUserFor } from './get-user.js';
import { listUsers } from './list-users.js';
import { presentUser } from './present.js';
import { updateUser } from './update-user.js';

const tags = ['users'];

export const userRoutes: TRoutes = async (app) => {
  app.get(
    '/users',
    {
      schema: { tags, querystring: ZListUsersQuery, response: { 200: z.object({ items: z.array(ZUser) }) } },
    },
    async (req) => ({ items: (await listUsers(req.actor!, req.query)).map(presentUser) }),
  );
  app.post('/users', { schema: { tags, body: ZCreateUser, response: { 201: ZUser } } }, async (req, reply) =>
    reply.code(201).send(presentUser(await createUser(req.actor!, req.body))),
  );
  app.get('/users/:id', { schema: { tags, params: ZIdParam, response: { 200: ZUser } } }, async (req) =>
    presentUser(await getUserFor(req.actor!, req.params.id)),
  );
  app.patch(
    '/users/:id',
    { schema: { tags, params: ZIdParam, body: ZUpdateUser, response: { 200: ZUser } } },
    async (req) => presentUser(await updateUser(req.actor!, req.params.id, req.body)),
  );
};
