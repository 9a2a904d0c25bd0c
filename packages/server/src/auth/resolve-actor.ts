import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { db } from '../db/current.js';
import { apiTokens, sessions, users } from '../db/schema.js';
import type { TActor } from './actor.js';
import { sha256 } from './secrets.js';

type TUserRow = typeof users.$inferSelect;

function actorOf(user: TUserRow, via: TActor['via'], sourceAddress: string | null): TActor {
  return {
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    name: user.name,
    locale: user.locale,
    sourceAddress,
    via,
  };
}

/** The user behind a session cookie, if the session is live and the user active. */
export async function actorFromSession(token: string, sourceAddress: string | null): Promise<TActor | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        gt(sessions.expiresAt, new Date()),
        eq(users.isActive, true),
      ),
    );
  return row ? { ...actorOf(row.user, 'session', sourceAddress), sessionToken: token } : null;
}

/** The user behind an API token, if the token is neither revoked nor expired. */
export async function actorFromToken(token: string, sourceAddress: string | null): Promise<TActor | null> {
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        eq(users.isActive, true),
      ),
    );
  if (!row) return null;
  // Touch last-used at most once a minute: a busy integration must not write on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  }
  return actorOf(row.user, 'token', sourceAddress);
}
