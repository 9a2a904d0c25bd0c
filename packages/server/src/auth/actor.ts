import type { TLocale, TRole } from '@hamkke/core';

/** Who is calling: the signed-in user (by session cookie or API token) and where from. */
export type TActor = {
  userId: string;
  role: TRole;
  organizationId: string | null;
  name: string;
  locale: TLocale;
  sourceAddress: string | null;
  via: 'session' | 'token';
  /** The session cookie's value, so that a password change can end every other session. */
  sessionToken?: string;
};

/** A system actor for jobs and start-up work, which no person performs. */
export const SYSTEM_ACTOR: TActor = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'admin',
  organizationId: null,
  name: 'Hamkke',
  locale: 'ko',
  sourceAddress: null,
  via: 'token',
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: TActor | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a signed-in user. */
    isPublic?: boolean;
  }
}
