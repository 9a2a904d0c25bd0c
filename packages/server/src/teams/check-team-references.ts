import { and, eq, inArray } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { organizations, users } from '../db/schema.js';
import { Invalid } from '../http/errors.js';

const WORKER_ROLES = ['agent', 'manager', 'admin'] as const;

/** Names of the given users, who must be active staff who work tickets; else the field is invalid. */
export async function checkWorkers(tx: TDbOrTx, field: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, unique), inArray(users.role, [...WORKER_ROLES]), eq(users.isActive, true)));
  if (rows.length !== unique.length) {
    throw new Invalid(field, {
      en: `${field} must name active agents, managers or admins`,
      ko: `${field}에는 활성 상태의 상담원·관리자만 지정할 수 있습니다`,
    });
  }
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of the given organizations, which must exist. */
export async function checkOrganizations(
  tx: TDbOrTx,
  field: string,
  ids: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, unique));
  if (rows.length !== unique.length) {
    throw new Invalid(field, {
      en: `${field} names an organization that does not exist`,
      ko: `${field}에 존재하지 않는 고객사가 있습니다`,
    });
  }
  return new Map(rows.map((r) => [r.id, r.name]));
}
