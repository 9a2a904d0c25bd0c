import { ZSearchPage, ZSearchQuery } from '@hamkke/core';
import type { TRoutes } from '../http/types.js';
import { presentTicketHit } from './present.js';
import { searchTickets } from './search-tickets.js';

const tags = ['search'];

export const searchRoutes: TRoutes = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags,
        querystring: ZSearchQuery,
        response: { 200: ZSearchPage },
        description:
          "Tickets holding every word of `q`, best first, in the caller's scope; `type` is `ticket` (articles, organizations and systems come later).",
      },
    },
    async (req) => {
      const found = await searchTickets(req.actor!, req.query);
      return {
        items: found.items.map((m) => presentTicketHit(m, found.tokens)),
        nextCursor: found.nextCursor,
      };
    },
  );
};
