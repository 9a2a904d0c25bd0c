import { desc, eq } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { assert, isAdmin } from '../auth/policy.js';
import { db } from '../db/current.js';
import type { TDbOrTx } from '../db/database.js';
import { mailMailboxes, organizations } from '../db/schema.js';
import { Invalid, NotFound } from '../http/errors.js';
import { MAIL_ADMIN_ONLY } from './get-inbound-message.js';

export type TMailboxRow = typeof mailMailboxes.$inferSelect;
const MAILBOX = { en: 'mailbox', ko: '메일함' };

/** What the audit log keeps of a mailbox: everything but the password. */
export const auditedMailbox = ({ password: _password, ...rest }: TMailboxRow) => rest;

/** The default organization named for a mailbox must exist (422 naming the field). */
export async function checkMailboxOrganization(
  tx: TDbOrTx,
  organizationId: string | null | undefined,
): Promise<void> {
  if (!organizationId) return;
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org)
    throw new Invalid('defaultOrganizationId', { en: 'No such organization', ko: '해당 고객사가 없습니다' });
}

/** The IMAP mailboxes, newest first (admins). */
export async function listMailboxes(actor: TActor): Promise<TMailboxRow[]> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  return db.select().from(mailMailboxes).orderBy(desc(mailMailboxes.createdAt));
}

/** One mailbox (admins). */
export async function getMailbox(actor: TActor, id: string, tx: TDbOrTx = db): Promise<TMailboxRow> {
  assert(isAdmin(actor), MAIL_ADMIN_ONLY);
  const [row] = await tx.select().from(mailMailboxes).where(eq(mailMailboxes.id, id));
  if (!row) throw new NotFound(MAILBOX);
  return row;
}
