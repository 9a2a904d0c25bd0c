import type { TMailTemplate, TMailTemplateRef } from '@hamkke/core';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailTemplates } from '../db/schema.js';
import { ADMINS_ONLY, presentMailTemplate } from './mail-template-store.js';

/** Drops the override: the built-in template is in force again. Resetting a default changes nothing. */
export async function resetMailTemplate(actor: TActor, ref: TMailTemplateRef): Promise<TMailTemplate> {
  assert(isAdmin(actor), ADMINS_ONLY);
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(mailTemplates)
      .where(and(eq(mailTemplates.kind, ref.kind), eq(mailTemplates.locale, ref.locale)))
      .returning();
    if (removed) {
      await recordAudit(tx, actor, {
        action: 'delete',
        entityType: 'mail_template',
        entityId: `${ref.kind}/${ref.locale}`,
        before: { subject: removed.subject, body: removed.body },
      });
    }
    return presentMailTemplate(ref, undefined);
  });
}
