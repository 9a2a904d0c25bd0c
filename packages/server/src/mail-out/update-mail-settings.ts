import type { TMailSettings, TUpdateMailSettings } from '@hamkke/core';
import { recordAudit } from '../audit/record-audit.js';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailSettings } from '../db/schema.js';
import { loadMailSettings, presentMailSettings } from './mail-settings.js';

export const ADMINS_ONLY = {
  en: 'Only an admin manages mail settings',
  ko: '메일 설정은 관리자만 관리할 수 있습니다',
};

/**
 * Changes the outgoing server (admin only). A password given inside the URL is kept apart from it;
 * `null` hands a field back to the environment. Takes effect at every worker's next pass.
 */
export async function updateMailSettings(actor: TActor, input: TUpdateMailSettings): Promise<TMailSettings> {
  assert(isAdmin(actor), ADMINS_ONLY);
  return db.transaction(async (tx) => {
    const before = await loadMailSettings(tx);
    const patch: Partial<typeof mailSettings.$inferInsert> = {};
    if (input.smtpUrl !== undefined) {
      if (input.smtpUrl === null) patch.smtpUrl = null;
      else {
        const url = new URL(input.smtpUrl);
        if (url.password) patch.smtpPassword = decodeURIComponent(url.password);
        url.password = '';
        patch.smtpUrl = url.toString().replace(/\/$/, '');
      }
    }
    if (input.password !== undefined) patch.smtpPassword = input.password || null;
    if (input.from !== undefined) patch.mailFrom = input.from;
    if (input.isEnabled !== undefined) patch.isEnabled = input.isEnabled;
    const values = { ...patch, updatedAt: new Date(), updatedBy: actor.userId };
    await tx
      .insert(mailSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: mailSettings.id, set: values });
    const after = await loadMailSettings(tx);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'mail_settings',
      entityId: '1',
      before: presentMailSettings(before),
      after: presentMailSettings(after),
    });
    return presentMailSettings(after);
  });
}
