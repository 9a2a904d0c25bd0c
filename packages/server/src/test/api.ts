import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

// biome-ignore lint/suspicious/noExplicitAny: a test reads response fields one by one, as a client would.
export type TResponse = LightMyRequestResponse & { body: string; data: any };

/**
 * The app for a test file, built once on the run's database, closed after the file. `env` overrides
 * the configuration, e.g. `{ HAMKKE_MAX_UPLOAD_MB: '1' }` or a data directory of the test's own.
 */
export function useApp(env: NodeJS.ProcessEnv = {}): () => FastifyInstance {
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = loadConfig({
      HAMKKE_DATA_DIR: inject('dataDir'),
      HAMKKE_WEB_DIST: '/nonexistent',
      ...env,
    });
    app = await buildApp(config, { logger: false });
    await app.ready();
  });
  afterAll(() => app.close());
  return () => app;
}

type TAs = { cookie?: string; token?: string; headers?: Record<string, string> };

/** Calls the API as a person would: with their session cookie (or a bearer token), JSON in and out. */
export function client(app: () => FastifyInstance, as: TAs = {}) {
  const send = async (
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) => {
    const headers: Record<string, string> = { ...as.headers, ...extra };
    if (as.cookie) headers.cookie = as.cookie;
    if (as.token) headers.authorization = `Bearer ${as.token}`;
    const res = await app().inject({
      method,
      url: `/api/v1${url}`,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const isJson = /json/.test(String(res.headers['content-type']));
    return Object.assign(res, { data: isJson && res.body ? JSON.parse(res.body) : undefined }) as TResponse;
  };
  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) =>
      send('POST', url, body ?? {}, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) =>
      send('PATCH', url, body ?? {}, headers),
    put: (url: string, body?: unknown, headers?: Record<string, string>) =>
      send('PUT', url, body ?? {}, headers),
    delete: (url: string, headers?: Record<string, string>) => send('DELETE', url, undefined, headers),
  };
}
