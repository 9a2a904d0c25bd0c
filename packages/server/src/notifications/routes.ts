import {
  ZIdParam,
  ZListNotificationsQuery,
  ZNotification,
  ZNotificationPreferences,
  ZUpdateNotificationPreferences,
  zPage,
} from '@hamkke/core';
import type { TRoutes } from '../http/types.js';
import { getNotificationPreferences } from './get-notification-preferences.js';
import { listNotifications } from './list-notifications.js';
import { markAllNotificationsRead } from './mark-all-notifications-read.js';
import { markNotificationRead } from './mark-notification-read.js';
import { presentNotification } from './present.js';
import { updateNotificationPreferences } from './update-notification-preferences.js';

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
  app.get(
    '/me/notification-preferences',
    { schema: { tags, response: { 200: ZNotificationPreferences } } },
    async (req) => ({ items: await getNotificationPreferences(req.actor!) }),
  );
  app.put(
    '/me/notification-preferences',
    { schema: { tags, body: ZUpdateNotificationPreferences, response: { 200: ZNotificationPreferences } } },
    async (req) => ({ items: await updateNotificationPreferences(req.actor!, req.body) }),
  );
};
