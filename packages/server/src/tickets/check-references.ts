import { and, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { contracts, systems, users } from '../db/schema.js';
import { Invalid } from '../http/errors.js';

type TRefs = {
  organizationId: string;
  contractId?: string | null;
  systemId?: string | null;
  requesterId?: string | null;
  assigneeId?: string | null;
};

/** Names of referenced users, for the timeline's record of who was set. */
export type TUserNames = Map<string, string>;

/**
 * Every id a ticket points at must exist and fit: the contract and system of the ticket's own
 * organization, a requester of that organization (or staff), an active assignee who does the work.
 */
export async function checkReferences(tx: TDbOrTx, refs: TRefs): Promise<TUserNames> {
  const names: TUserNames = new Map();
  if (refs.contractId) {
    const [c] = await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(and(eq(contracts.id, refs.contractId), eq(contracts.organizationId, refs.organizationId)));
    if (!c)
      throw new Invalid('contractId', {
        en: "Not a contract of the ticket's organization",
        ko: '해당 고객사의 계약이 아닙니다',
      });
  }
  if (refs.systemId) {
    const [s] = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(and(eq(systems.id, refs.systemId), eq(systems.organizationId, refs.organizationId)));
    if (!s)
      throw new Invalid('systemId', {
        en: "Not a system of the ticket's organization",
        ko: '해당 고객사의 시스템이 아닙니다',
      });
  }
  if (refs.requesterId) {
    const [u] = await tx.select().from(users).where(eq(users.id, refs.requesterId));
    if (!u || (u.role === 'customer' && u.organizationId !== refs.organizationId)) {
      throw new Invalid('requesterId', {
        en: "The requester must be a user of the ticket's organization or staff",
        ko: '요청자는 해당 고객사의 사용자 또는 내부 직원이어야 합니다',
      });
    }
    names.set(u.id, u.name);
  }
  if (refs.assigneeId) {
    const [u] = await tx.select().from(users).where(eq(users.id, refs.assigneeId));
    if (!u?.isActive || !['agent', 'manager', 'admin'].includes(u.role)) {
      throw new Invalid('assigneeId', {
        en: 'The assignee must be an active agent, manager or admin',
        ko: '담당자는 활성 상태의 상담원, 관리자 또는 운영자여야 합니다',
      });
    }
    names.set(u.id, u.name);
  }
  return names;
}
