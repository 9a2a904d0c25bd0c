import type { TCreateUser } from '@hamkke/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { organizations, users } from '../db/schema.js';
import { Conflict, Invalid } from '../http/errors.js';
import { presentUser, type TUserRow } from './present.js';

export const EMAIL_TAKEN = {
  en: 'A user with this e-mail already exists',
  ko: '이미 같은 이메일의 사용자가 있습니다',
};

export async function assertOrganizationExists(tx: TDbOrTx, organizationId: string): Promise<void> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org)
    throw new Invalid('organizationId', { en: 'No such organization', ko: '존재하지 않는 고객사입니다' });
}

export async function assertEmailFree(tx: TDbOrTx, email: string): Promise<void> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (taken) throw new Conflict(EMAIL_TAKEN, [{ path: 'email', message: EMAIL_TAKEN.en, in: 'body' }]);
}

/** Admin alone creates users. A user without a password can sign in only once one is set. */
export async function createUser(actor: TActor, input: TCreateUser): Promise<TUserRow> {
  assert(isAdmin(actor));
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    if (input.organizationId) await assertOrganizationExists(tx, input.organizationId);
    await assertEmailFree(tx, input.email);
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        organizationId: input.role === 'customer' ? (input.organizationId ?? null) : null,
        passwordHash,
        locale: input.locale,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: user!.id,
      after: presentUser(user!),
    });
    return user!;
  });
}
