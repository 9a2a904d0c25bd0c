import type { TMailSettings } from '@hamkke/core';
import { eq } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { mailSettings } from '../db/schema.js';

export type TMailEnvironment = {
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  mailDomain: string;
};

/** The process's defaults from the environment, set when the app is built (see mail-out/routes.ts). */
let environment: TMailEnvironment = { mailDomain: 'localhost' };

export function setMailEnvironment(env: TMailEnvironment): void {
  environment = { ...env };
}

/** The right-hand side of Hamkke's own Message-IDs. */
export const mailDomain = (): string => environment.mailDomain;

export type TMailSettingsRow = typeof mailSettings.$inferSelect;

/** The outgoing server in force: the admin's settings over the environment. */
export type TEffectiveMail = {
  /** The address to connect to, with the password, for the transport only; never presented. */
  transportUrl: string | null;
  from: string | null;
  isEnabled: boolean;
  /** Mail is queued and sent only while this holds. */
  isSending: boolean;
  source: 'settings' | 'environment' | 'none';
  row: TMailSettingsRow | null;
};

/** The URL without user password, as it may be shown. */
export function withoutPassword(url: string | null | undefined): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}

export function effectiveMail(row: TMailSettingsRow | null): TEffectiveMail {
  const url = row?.smtpUrl ?? environment.smtpUrl ?? null;
  let transportUrl = url;
  if (url && row?.smtpPassword) {
    const parsed = new URL(url);
    parsed.password = encodeURIComponent(row.smtpPassword);
    transportUrl = parsed.toString();
  }
  const from = row?.mailFrom ?? environment.mailFrom ?? null;
  const isEnabled = row?.isEnabled ?? true;
  return {
    transportUrl,
    from,
    isEnabled,
    isSending: isEnabled && Boolean(transportUrl) && Boolean(from),
    source: row?.smtpUrl ? 'settings' : environment.smtpUrl ? 'environment' : 'none',
    row,
  };
}

/** Reads the settings row (one tiny row) and merges the environment under it. */
export async function loadMailSettings(tx: TDbOrTx): Promise<TEffectiveMail> {
  const [row] = await tx.select().from(mailSettings).where(eq(mailSettings.id, 1));
  return effectiveMail(row ?? null);
}

export function presentMailSettings(mail: TEffectiveMail): TMailSettings {
  const shown = mail.row?.smtpUrl ?? environment.smtpUrl ?? null;
  return {
    smtpUrl: withoutPassword(shown),
    hasPassword: Boolean(mail.row?.smtpPassword) || (shown ? new URL(shown).password !== '' : false),
    from: mail.from,
    isEnabled: mail.isEnabled,
    source: mail.source,
    isSending: mail.isSending,
    updatedAt: mail.row?.updatedAt.toISOString() ?? null,
  };
}
