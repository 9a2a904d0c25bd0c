import type { FastifyInstance } from 'fastify';

// One line of Fastify's route tree: the branch drawing in blocks of four, the segment, the methods.
const TREE_LINE = /^((?:[│├└─ ]{4})*)(\S.*?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route the app registers under `prefix`, as `METHOD /path` with the prefix taken off, read
 * from Fastify's own route tree; the HEAD twins Fastify adds to GET routes are left out.
 */
export function registeredRoutes(app: FastifyInstance, prefix = '/api/v1'): string[] {
  const branch: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = TREE_LINE.exec(line);
    if (!match) continue;
    const [, drawing = '', segment = '', methods = ''] = match;
    branch.length = drawing.length / 4 - 1;
    branch.push(segment);
    const path = branch.join('');
    if (!path.startsWith(`${prefix}/`)) continue;
    for (const method of methods.split(', ')) {
      if (method && method !== 'HEAD') routes.push(`${method} ${path.slice(prefix.length)}`);
    }
  }
  return routes.sort();
}
