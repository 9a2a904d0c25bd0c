import type { TUpdateUser } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { endSessionsOf } from '../auth/login.js';
import { hashPassword } from '../auth/password.js';
import { assert, isAdmin, isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { users } from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { assertOrganizationExists } from './create-user.js';
import { USER } from './get-user.js';
import { presentUser, type TUserRow } from './present.js';

/**
 * Admin changes any user; every user may change their own name, language and password.
 * Deactivating keeps the user and their history, and ends their sessions.
 */
export async function updateUser(actor: TActor, userId: string, input: TUpdateUser): Promise<TUserRow> {
  const isSelf = actor.userId === userId;
  const selfFields = ['name', 'locale', 'password'];
  // A customer user sees no user but themselves (getUserFor): anyone else is not found, not forbidden.
  if (!isStaff(actor) && !isSelf) throw new NotFound(USER);
  assert(isAdmin(actor) || (isSelf && Object.keys(input).every((k) => selfFields.includes(k))));
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const updated = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new NotFound(USER);
    const role = input.role ?? before.role;
    const organizationId = input.organizationId !== undefined ? input.organizationId : before.organizationId;
    if ((role === 'customer') !== Boolean(organizationId)) {
      throw new Invalid('organizationId', {
        en: 'A customer user needs organizationId; staff have none',
        ko: '고객 사용자에게는 organizationId가 필요하고, 내부 직원에게는 없어야 합니다',
      });
    }
    if (organizationId && organizationId !== before.organizationId)
      await assertOrganizationExists(tx, organizationId);
    if (isSelf && input.isActive === false) {
      throw new Invalid('isActive', {
        en: 'You cannot deactivate yourself',
        ko: '자기 자신을 비활성화할 수 없습니다',
      });
    }
    const { password: _password, ...fields } = input;
    const [user] = await tx
      .update(users)
      .set({ ...fields, organizationId, ...(passwordHash ? { passwordHash } : {}), updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: userId,
      before: presentUser(before),
      after: { ...presentUser(user!), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return user!;
  });
  // A new password ends every session but the one that set it; deactivation ends them all.
  if (input.isActive === false) await endSessionsOf(userId);
  else if (passwordHash) await endSessionsOf(userId, isSelf ? actor.sessionToken : undefined);
  return updated;
}
