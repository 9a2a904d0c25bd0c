import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { db } from '../db/current.js';
import { apiTokens, sessions, users } from '../db/schema.js';
import type { TActor } from './actor.js';
import { sha256 } from './secrets.js';

type TUserRow = Pick<typeof users.$inferSelect, 'id' | 'role' | 'organizationId' | 'name' | 'locale'>;

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

const ACTOR_FIELDS = {
  id: users.id,
  role: users.role,
  organizationId: users.organizationId,
  name: users.name,
  locale: users.locale,
};

/**
 * Every request with a session cookie runs this query, so it is a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of once per request.
 */
function sessionQuery(handle: typeof db) {
  return handle
    .select(ACTOR_FIELDS)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.isActive, true),
      ),
    )
    .prepare('actor_from_session');
}
let prepared: { handle: typeof db; query: ReturnType<typeof sessionQuery> } | null = null;

/** The user behind a session cookie, if the session is live and the user active. */
export async function actorFromSession(token: string, sourceAddress: string | null): Promise<TActor | null> {
  if (prepared?.handle !== db) prepared = { handle: db, query: sessionQuery(db) };
  const [user] = await prepared.query.execute({ tokenHash: sha256(token) });
  return user ? { ...actorOf(user, 'session', sourceAddress), sessionToken: token } : null;
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
