// Data for the browser tests, made through the real API as an integration would.
import { expect } from 'vitest';

export type TSession = {
  post: <T = { id: string }>(path: string, body: unknown) => Promise<T>;
  patch: <T = { id: string }>(path: string, body: unknown) => Promise<T>;
  get: <T>(path: string) => Promise<T>;
};

/** Signs in over the API and returns calls that carry the session cookie. */
export async function apiSession(baseUrl: string, email: string, password: string): Promise<TSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const send = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    expect(response.ok, `${method} ${path}: ${await response.clone().text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    get: (path) => send('GET', path),
  };
}
