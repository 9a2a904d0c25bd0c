import type { TCreateToken } from '@hamkke/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { db } from '../db/current.js';
import { apiTokens } from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import type { TActor } from './actor.js';
import { newSecret, sha256 } from './secrets.js';

export type TApiTokenRow = typeof apiTokens.$inferSelect;
const TOKEN = { en: 'token', ko: '토큰' };

/** Creates an API token that acts as the caller; the secret is returned once and only its hash is kept. */
export async function createToken(
  actor: TActor,
  input: TCreateToken,
): Promise<TApiTokenRow & { token: string }> {
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
    throw new Invalid('expiresAt', {
      en: 'The expiry must be in the future',
      ko: '만료 시각은 미래여야 합니다',
    });
  }
  const token = newSecret('hk_');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.userId,
        name: input.name,
        tokenHash: sha256(token),
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'api_token',
      entityId: row!.id,
      after: { name: input.name },
    });
    return { ...row!, token };
  });
}

export function listTokens(actor: TActor): Promise<TApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the caller's own tokens; someone else's token is not found. */
export async function revokeToken(actor: TActor, tokenId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new NotFound(TOKEN);
    await recordAudit(tx, actor, { action: 'revoke', entityType: 'api_token', entityId: tokenId });
  });
}
