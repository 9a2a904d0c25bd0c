import { describe, expect, it } from 'vitest';
import type { TResponse } from './api.js';
import { useApp } from './api.js';
import { registeredRoutes } from './routes.js';

const app = useApp();

type TOpenApi = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { tags?: string[] }>>;
  components: { securitySchemes: Record<string, unknown> };
};

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** `GET /tickets/{id}` in OpenAPI's spelling becomes `GET /tickets/:id`, as Fastify registers it. */
function documentedRoutes(doc: TOpenApi, prefix = '/api/v1'): string[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(`${prefix}/`))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => HTTP_METHODS.has(method))
        .map((method) => `${method.toUpperCase()} ${path.slice(prefix.length).replace(/\{(\w+)\}/g, ':$1')}`),
    )
    .sort();
}

async function openApi(): Promise<TResponse> {
  const res = await app().inject({ method: 'GET', url: '/api/openapi.json' });
  return Object.assign(res, { data: JSON.parse(res.body) }) as TResponse;
}

describe('the API description', () => {
  it('serves an OpenAPI 3.1 document without a session', async () => {
    const res = await openApi();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const doc: TOpenApi = res.data;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Hamkke ITSM API');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
  });

  it('lists every /api/v1 route the app registers, and only those', async () => {
    const doc: TOpenApi = (await openApi()).data;
    const registered = registeredRoutes(app());
    expect(registered.length).toBeGreaterThan(20);
    expect(documentedRoutes(doc)).toEqual(registered);
  });

  it('files every operation under a tag', async () => {
    const doc: TOpenApi = (await openApi()).data;
    const untagged = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method, op]) => HTTP_METHODS.has(method) && !op.tags?.length)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(untagged).toEqual([]);
  });

  it('keeps the internal routes out of the document', async () => {
    const doc: TOpenApi = (await openApi()).data;
    for (const hidden of ['/api/openapi.json', '/healthz', '/readyz', '/metrics']) {
      expect(doc.paths).not.toHaveProperty([hidden]);
    }
  });

  it('serves the interactive documentation as HTML at /api/docs', async () => {
    const res = await app().inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toMatch(/<html/i);
  });
});
