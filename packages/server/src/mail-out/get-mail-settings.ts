import type { TMailSettings } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import { loadMailSettings, presentMailSettings } from './mail-settings.js';
import { ADMINS_ONLY } from './update-mail-settings.js';

/** The outgoing server in force (admin only); the password is never part of the answer. */
export async function getMailSettings(actor: TActor): Promise<TMailSettings> {
  assert(isAdmin(actor), ADMINS_ONLY);
  return presentMailSettings(await loadMailSettings(db));
}
