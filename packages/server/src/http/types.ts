import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** A module of routes; zod schemas on each route type its params, query and body. */
export type TRoutes = FastifyPluginAsyncZod;

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
