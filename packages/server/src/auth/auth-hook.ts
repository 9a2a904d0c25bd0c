import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, Unauthorized } from '../http/errors.js';
import { actorFromSession, actorFromToken } from './resolve-actor.js';

export const SESSION_COOKIE = 'hamkke_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const CROSS_SITE = {
  en: 'Cross-site request refused: send writes from the Hamkke app itself or with an API token',
  ko: '교차 사이트 요청이 거부되었습니다. Hamkke 화면에서 보내거나 API 토큰을 사용하세요',
};

/**
 * A browser write that rides on the session cookie must come from our own origin. Browsers say
 * where a request comes from (Sec-Fetch-Site, Origin); clients that send neither are not browsers.
 */
function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin !== `${request.protocol}://${request.host}`;
}

/** Resolves the caller on every API request and refuses what needs a user but has none. */
export function registerAuthHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const sourceAddress = request.ip ?? null;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await actorFromToken(authorization.slice(7).trim(), sourceAddress);
      if (!request.actor) {
        throw new Unauthorized({
          en: 'The API token is invalid, revoked or expired',
          ko: 'API 토큰이 유효하지 않거나 폐기·만료되었습니다',
        });
      }
      return;
    }
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request)) throw new Forbidden(CROSS_SITE);
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.actor = await actorFromSession(cookie, sourceAddress);
    if (!request.actor && !request.routeOptions.config.isPublic) throw new Unauthorized();
  });
}
