import type { TMailTemplate, TMailTemplateRef, TPutMailTemplate } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailTemplates } from '../db/schema.js';
import { ADMINS_ONLY, overrideOf, presentMailTemplate } from './mail-template-store.js';
import { checkTemplate } from './render-mail.js';

/** Stores an override; a placeholder the kind does not know is refused (400 naming it). */
export async function putMailTemplate(
  actor: TActor,
  ref: TMailTemplateRef,
  input: TPutMailTemplate,
): Promise<TMailTemplate> {
  assert(isAdmin(actor), ADMINS_ONLY);
  checkTemplate(ref.kind, input);
  return db.transaction(async (tx) => {
    const before = await overrideOf(tx, ref);
    const values = { ...input, updatedAt: new Date(), updatedBy: actor.userId };
    const [row] = await tx
      .insert(mailTemplates)
      .values({ ...ref, ...values })
      .onConflictDoUpdate({ target: [mailTemplates.kind, mailTemplates.locale], set: values })
      .returning();
    await recordAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entityType: 'mail_template',
      entityId: `${ref.kind}/${ref.locale}`,
      before: before ? { subject: before.subject, body: before.body } : null,
      after: input,
    });
    return presentMailTemplate(ref, row);
  });
}
