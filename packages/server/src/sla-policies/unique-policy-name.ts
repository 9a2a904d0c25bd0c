import { and, eq, ne } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { slaPolicies } from '../db/schema.js';
import { Conflict } from '../http/errors.js';

const NAME_TAKEN = {
  en: 'Another SLA policy already has this name',
  ko: '이미 같은 이름의 SLA 정책이 있습니다',
};

export const policyNameTaken = () =>
  new Conflict(NAME_TAKEN, [{ path: 'name', message: NAME_TAKEN.en, in: 'body' }]);

/** Refuses a name another policy has: people pick policies by name. */
export async function assertPolicyNameFree(tx: TDbOrTx, name: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: slaPolicies.id })
    .from(slaPolicies)
    .where(
      exceptId ? and(eq(slaPolicies.name, name), ne(slaPolicies.id, exceptId)) : eq(slaPolicies.name, name),
    );
  if (taken) throw policyNameTaken();
}
