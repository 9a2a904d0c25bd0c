import type { TRoutes } from '../http/types.js';
import { renderFeed } from './calendar-feeds.js';

const FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * `GET /ical/<token>.ics`: the iCalendar feed, outside the API and without a session (calendar
 * apps send no cookies); the secret in the address is the credential. Unknown tokens are 404.
 */
export const calendarFeedPageRoutes: TRoutes = async (app) => {
  app.get('/ical/:file', { schema: { hide: true } }, async (req, reply) => {
    const match = FILE.exec((req.params as { file: string }).file);
    const body = match ? await renderFeed(match[1]!) : null;
    reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex');
    if (body === null) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="hamkke.ics"')
      .send(body);
  });
};
