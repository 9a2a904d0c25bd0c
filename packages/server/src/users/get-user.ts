import { eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { db } from '../db/current.js';
import { users } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TUserRow } from './present.js';

export const USER = { en: 'user', ko: '사용자' };

/** Unscoped: the caller's own record, or a lookup for a caller already authorized. */
export async function getUser(userId: string): Promise<TUserRow> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound(USER);
  return user;
}

/** A user as the actor may see them: staff see anyone, a customer user only themselves. */
export async function getUserFor(actor: TActor, userId: string): Promise<TUserRow> {
  if (!isStaff(actor) && actor.userId !== userId) throw new NotFound(USER);
  return getUser(userId);
}
