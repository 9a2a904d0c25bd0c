import type { TLiveTicketEvent } from '@hamkke/core';
import type pg from 'pg';
import type { TActor } from '../auth/actor.js';
import { actorFromSession, actorFromToken } from '../auth/resolve-actor.js';
import { db } from '../db/current.js';
import type { TRoutes } from '../http/types.js';
import { LiveHub } from './live-hub.js';
import { mayReceive } from './may-receive.js';

/**
 * A comment line every so often keeps proxies and load balancers from closing an idle stream; at
 * each, the caller's session or token is checked again, so a stream ends soon after a sign-out, a
 * revoked token or a deactivated user. (HAMKKE_EVENTS_HEARTBEAT_SECONDS: for tests.)
 */
const heartbeatMs = () => Number(process.env.HAMKKE_EVENTS_HEARTBEAT_SECONDS ?? 25) * 1000;

/** The caller as they are now, or null once their session or token no longer holds. */
async function stillSignedIn(actor: TActor, bearer: string | null): Promise<TActor | null> {
  if (actor.via === 'token') return bearer ? actorFromToken(bearer, actor.sourceAddress) : null;
  return actor.sessionToken ? actorFromSession(actor.sessionToken, actor.sourceAddress) : null;
}

/**
 * `GET /events`: server-sent events of ticket changes in the caller's scope (event `ticket`, data
 * `{ ticketId, organizationId, kind, visibility }`). Streams end when the server shuts down; the
 * browser's EventSource reconnects by itself.
 */
export const liveRoutes: TRoutes = async (app) => {
  // The pool's settings open the one connection that LISTENs (drizzle keeps its pool as $client).
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const hub = new LiveHub(pool.options, app.log);
  const streams = new Set<() => void>();

  // Before the HTTP server waits for its connections to end: end ours, or close would hang on them.
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
    await hub.close();
  });

  app.get(
    '/events',
    {
      schema: {
        tags: ['live'],
        description:
          'Server-sent events (text/event-stream): `event: ticket` with `{ ticketId, organizationId, kind, visibility }` for each change in the caller’s scope; a comment line every 25 s, when the session is checked again (the stream ends once it no longer holds).',
      },
    },
    async (req, reply) => {
      let actor = req.actor!;
      const authorization = req.headers.authorization;
      const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
      const res = reply.raw;
      let isOpen = false;
      const send = (event: TLiveTicketEvent) => {
        if (isOpen && mayReceive(actor, event))
          res.write(`event: ticket\ndata: ${JSON.stringify(event)}\n\n`);
      };
      const unsubscribe = await hub.subscribe(send);
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      isOpen = true;
      res.write('retry: 3000\n: connected\n\n');
      const heartbeat = setInterval(() => {
        stillSignedIn(actor, bearer).then(
          (now) => {
            if (!now) return end();
            actor = now;
            if (isOpen) res.write(': heartbeat\n\n');
          },
          // The database is away for a moment: keep the stream, check again at the next beat.
          () => undefined,
        );
      }, heartbeatMs());
      const end = () => {
        if (!isOpen) return;
        isOpen = false;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        res.end();
      };
      streams.add(end);
      // The response's close: the client went away (the request's own close says only that it was read).
      res.on('close', end);
    },
  );
};
