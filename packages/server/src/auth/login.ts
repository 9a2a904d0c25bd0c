import type { TLogin } from '@hamkke/core';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { db } from '../db/current.js';
import { loginFailures, sessions, users } from '../db/schema.js';
import { TooManyRequests, Unauthorized } from '../http/errors.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import { newSecret, sha256 } from './secrets.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_SECONDS = 15 * 60;
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const BAD_CREDENTIALS = { en: 'Wrong e-mail or password', ko: '이메일 또는 비밀번호가 올바르지 않습니다' };

/**
 * Checks the credentials and opens a session. Failures count per e-mail and address; past
 * MAX_FAILURES in the window the attempt is refused before the password is even checked.
 */
export async function login(
  input: TLogin,
  client: { sourceAddress: string | null; userAgent: string | null },
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const key = `${input.email}|${client.sourceAddress ?? ''}`;
  const [failure] = await db.select().from(loginFailures).where(eq(loginFailures.key, key));
  if (failure && failure.count >= MAX_FAILURES) {
    const elapsed = (Date.now() - failure.windowStart.getTime()) / 1000;
    if (elapsed < FAILURE_WINDOW_SECONDS)
      throw new TooManyRequests(Math.ceil(FAILURE_WINDOW_SECONDS - elapsed));
  }

  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
  const isValid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !isValid || !user.isActive) {
    await db
      .insert(loginFailures)
      .values({ key, count: 1, windowStart: new Date() })
      .onConflictDoUpdate({
        target: loginFailures.key,
        set: {
          count: sql`CASE WHEN ${loginFailures.windowStart} < now() - make_interval(secs => ${FAILURE_WINDOW_SECONDS}) THEN 1 ELSE ${loginFailures.count} + 1 END`,
          windowStart: sql`CASE WHEN ${loginFailures.windowStart} < now() - make_interval(secs => ${FAILURE_WINDOW_SECONDS}) THEN now() ELSE ${loginFailures.windowStart} END`,
        },
      });
    throw new Unauthorized(BAD_CREDENTIALS);
  }

  const token = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(eq(loginFailures.key, key));
    await tx.insert(sessions).values({
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt,
      sourceAddress: client.sourceAddress,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      {
        userId: user.id,
        role: user.role,
        organizationId: user.organizationId,
        name: user.name,
        locale: user.locale,
        sourceAddress: client.sourceAddress,
        via: 'session',
      },
      { action: 'login', entityType: 'session', entityId: user.id },
    );
  });
  return { token, userId: user.id, expiresAt };
}

export async function logout(token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** Drops every session of a user, e.g. when they are deactivated or their password changes. */
export async function endSessionsOf(userId: string, except?: string): Promise<void> {
  const condition = except
    ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${sha256(except)}`)
    : eq(sessions.userId, userId);
  await db.delete(sessions).where(condition);
}
