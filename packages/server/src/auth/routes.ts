import { ZApiToken, ZCreatedApiToken, ZCreateToken, ZIdParam, ZLogin, ZUser } from '@hamkke/core';
import { z } from 'zod';
import { iso, type TRoutes } from '../http/types.js';
import { getUser } from '../users/get-user.js';
import { presentUser } from '../users/present.js';
import { SESSION_COOKIE } from './auth-hook.js';
import { login, logout } from './login.js';
import { createToken, listTokens, revokeToken, type TApiTokenRow } from './tokens.js';

const presentToken = (t: TApiTokenRow) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

export const authRoutes: TRoutes = async (app) => {
  app.post(
    '/auth/login',
    { config: { isPublic: true }, schema: { tags: ['auth'], body: ZLogin, response: { 200: ZUser } } },
    async (req, reply) => {
      const session = await login(req.body, {
        sourceAddress: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.cookieSecure || req.protocol === 'https',
        expires: session.expiresAt,
      });
      return presentUser(await getUser(session.userId));
    },
  );

  app.post('/auth/logout', { config: { isPublic: true }, schema: { tags: ['auth'] } }, async (req, reply) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) await logout(cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: ZUser } } }, async (req) =>
    presentUser(await getUser(req.actor!.userId)),
  );

  app.post(
    '/tokens',
    { schema: { tags: ['auth'], body: ZCreateToken, response: { 201: ZCreatedApiToken } } },
    async (req, reply) => {
      const created = await createToken(req.actor!, req.body);
      return reply.code(201).send({ ...presentToken(created), token: created.token });
    },
  );

  app.get(
    '/tokens',
    { schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(ZApiToken) }) } } },
    async (req) => ({
      items: (await listTokens(req.actor!)).map(presentToken),
    }),
  );

  app.delete('/tokens/:id', { schema: { tags: ['auth'], params: ZIdParam } }, async (req, reply) => {
    await revokeToken(req.actor!, req.params.id);
    return reply.code(204).send();
  });
};
