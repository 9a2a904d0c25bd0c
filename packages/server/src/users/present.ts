import type { TUser } from '@hamkke/core';
import type { users } from '../db/schema.js';

export type TUserRow = typeof users.$inferSelect;

export function presentUser(user: TUserRow): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
    locale: user.locale,
    isActive: user.isActive,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
