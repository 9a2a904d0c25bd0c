import { NOTIFICATION_KINDS, type TMailTemplate } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { mailTemplates } from '../db/schema.js';
import { ADMINS_ONLY, LOCALES, presentMailTemplate } from './mail-template-store.js';

/** Every kind in both languages: the admin's override where there is one, else the built-in text. */
export async function listMailTemplates(actor: TActor): Promise<TMailTemplate[]> {
  assert(isAdmin(actor), ADMINS_ONLY);
  const rows = await db.select().from(mailTemplates);
  return NOTIFICATION_KINDS.flatMap((kind) =>
    LOCALES.map((locale) =>
      presentMailTemplate(
        { kind, locale },
        rows.find((r) => r.kind === kind && r.locale === locale),
      ),
    ),
  );
}
