import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { db } from '../db/current.js';
import { users } from '../db/schema.js';

/**
 * On a database without users, creates the first admin: from the given e-mail and password, or
 * `admin@localhost` with a random password that the caller prints once. Returns what was created.
 */
export async function ensureAdmin(
  email: string | undefined,
  password: string | undefined,
): Promise<{ email: string; password: string | null } | null> {
  const chosen = email && password ? { email: email.toLowerCase(), password } : null;
  const generated = chosen ?? { email: 'admin@localhost', password: randomBytes(12).toString('base64url') };
  const passwordHash = await hashPassword(generated.password);
  return db.transaction(async (tx) => {
    // Several processes may start at once on an empty database: one creates the admin.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72690002)`);
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if (count > 0) return null;
    const [admin] = await tx
      .insert(users)
      .values({ email: generated.email, name: '관리자', role: 'admin', passwordHash, locale: 'ko' })
      .returning();
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'create',
      entityType: 'user',
      entityId: admin!.id,
      after: { email: admin!.email, role: 'admin' },
    });
    return { email: generated.email, password: chosen ? null : generated.password };
  });
}
