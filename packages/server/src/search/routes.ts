import { ZPickPage, ZPickQuery, ZSearchPage, ZSearchQuery } from '@hamkke/core';
import type { TRoutes } from '../http/types.js';
import { pickOrganizations, pickSystems, pickUsers } from './pick.js';
import { search } from './search-all.js';

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
          "Tickets, articles, organizations and systems holding every word of `q`, best first, in the caller's scope; `type` keeps one kind, without it all kinds are merged. A Latin word that no text holds is matched by the known words most like it.",
      },
    },
    async (req) => search(req.actor!, req.query),
  );

  const pickers = { organizations: pickOrganizations, users: pickUsers, systems: pickSystems } as const;
  for (const [kind, pick] of Object.entries(pickers)) {
    app.get(
      `/pick/${kind}`,
      {
        schema: {
          tags,
          querystring: ZPickQuery,
          response: { 200: ZPickPage },
          description: `Active ${kind} for a picker, matched by 초성 (\`ㅎㄷ\`) or the start of a name${kind === 'users' ? ' or e-mail (staff only)' : kind === 'systems' ? ', SID or product' : ' or code'}; first the names that start with it.`,
        },
      },
      async (req) => pick(req.actor!, req.query),
    );
  }
};
