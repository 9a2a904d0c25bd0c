import { and, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { organizationScope } from '../auth/scope.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { systems } from '../db/schema.js';
import { NotFound } from '../http/errors.js';
import type { TSystemRow } from './present.js';

export const SYSTEM = { en: 'system', ko: '시스템' };

/** The system if its organization is in the actor's scope. */
export async function getSystem(actor: TActor, id: string, tx: TDbOrTx = db): Promise<TSystemRow> {
  const scope = organizationScope(actor, systems.organizationId);
  const [system] = await tx
    .select()
    .from(systems)
    .where(and(eq(systems.id, id), scope));
  if (!system) throw new NotFound(SYSTEM);
  return system;
}
