import { ZIdParam, ZListNotificationsQuery, ZNotification, zPage } from '@hamkke/core';
import type { TRoutes } from '../http/types.js';
import { listNotifications } from './list-notifications.js';
import { markAllNotificationsRead } from './mark-all-notifications-read.js';
import { markNotificationRead } from './mark-notification-read.js';
import { presentNotification } from './present.js';

const tags = ['notifications'];

/** The caller's own notifications: every role has them, and nobody sees another's. */
export const notificationRoutes: TRoutes = async (app) => {
  app.get(
    '/notifications',
    { schema: { tags, querystring: ZListNotificationsQuery, response: { 200: zPage(ZNotification) } } },
    async (req) => {
      const page = await listNotifications(req.actor!, req.query);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
    },
  );
  app.post('/notifications/read-all', { schema: { tags } }, async (req, reply) => {
    await markAllNotificationsRead(req.actor!);
    return reply.code(204).send();
  });
  app.post('/notifications/:id/read', { schema: { tags, params: ZIdParam } }, async (req, reply) => {
    await markNotificationRead(req.actor!, req.params.id);
    return reply.code(204).send();
  });
};
