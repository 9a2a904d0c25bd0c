import type { TMailTemplate, TMailTemplateRef } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { ADMINS_ONLY, overrideOf, presentMailTemplate } from './mail-template-store.js';

/** One kind in one language: the admin's override, else the built-in text. */
export async function getMailTemplate(actor: TActor, ref: TMailTemplateRef): Promise<TMailTemplate> {
  assert(isAdmin(actor), ADMINS_ONLY);
  return presentMailTemplate(ref, await overrideOf(db, ref));
}
