import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../auth/actor.js';
import { isStaff } from '../auth/policy.js';
import { articles } from '../db/schema.js';

/**
 * The articles the actor may read: every article for staff; for a customer user only published,
 * public articles that are general or their own organization's. The one place that rule is written.
 */
export function articleScope(actor: TActor): SQL | undefined {
  if (isStaff(actor)) return undefined;
  return customerArticleScope(actor.organizationId);
}

/** What a customer of this organization (or, with null, of none) is offered: published, public, general or theirs. */
export function customerArticleScope(organizationId: string | null): SQL {
  return and(
    eq(articles.status, 'published'),
    eq(articles.visibility, 'public'),
    organizationId
      ? or(isNull(articles.organizationId), eq(articles.organizationId, organizationId))
      : isNull(articles.organizationId),
  )!;
}

/** `KB-12` for article number 12. */
export const articleCode = (number: number): string => `KB-${number}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An article by id or code. */
export function articleRef(idOrCode: string): SQL {
  return UUID.test(idOrCode)
    ? eq(articles.id, idOrCode)
    : sql`${articles.number} = ${Number(idOrCode.replace(/^kb-/i, ''))}`;
}
