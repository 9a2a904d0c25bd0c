import type { TNotificationPreference } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { db } from '../db/current.js';
import { preferencesOf } from './preferences-of.js';

/** The caller's choice for every kind they can receive (the default where they made none). */
export async function getNotificationPreferences(actor: TActor): Promise<TNotificationPreference[]> {
  return preferencesOf(db, actor);
}
