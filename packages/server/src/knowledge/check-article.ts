import { INTERNAL_NOTES_MARKER } from '@hamkke/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { TDbOrTx } from '../db/database.js';
import { organizations, systems } from '../db/schema.js';
import { Conflict, Invalid } from '../http/errors.js';

type TArticleFields = {
  organizationId: string | null;
  systemIds: string[];
  visibility: 'internal' | 'public';
  body: string;
};

/**
 * The rules an article's fields must keep together: its organization exists; its systems exist and,
 * for a customer-specific article, are that organization's; a public article holds no internal notes
 * copied in by a from-ticket draft (their marker still in the body).
 */
export async function checkArticle(tx: TDbOrTx, a: TArticleFields): Promise<void> {
  if (a.organizationId) {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.id, a.organizationId));
    if (!org)
      throw new Invalid('organizationId', {
        en: 'organizationId must name an existing organization',
        ko: 'organizationId는 존재하는 고객사여야 합니다',
      });
  }
  const ids = [...new Set(a.systemIds)];
  if (ids.length > 0) {
    const found = await tx
      .select({ id: systems.id })
      .from(systems)
      .where(
        and(
          inArray(systems.id, ids),
          a.organizationId ? eq(systems.organizationId, a.organizationId) : undefined,
        ),
      );
    if (found.length !== ids.length)
      throw new Invalid('systemIds', {
        en: a.organizationId
          ? "systemIds must name existing systems of the article's organization"
          : 'systemIds must name existing systems',
        ko: a.organizationId
          ? 'systemIds는 문서 고객사의 존재하는 시스템이어야 합니다'
          : 'systemIds는 존재하는 시스템이어야 합니다',
      });
  }
  if (a.visibility === 'public' && a.body.includes(INTERNAL_NOTES_MARKER)) {
    const message = {
      en: 'The body still holds internal notes copied from the ticket (their marker line); remove them before making the article public',
      ko: '본문에 티켓에서 옮긴 내부 메모(표시 줄)가 남아 있습니다. 공개 문서로 바꾸기 전에 삭제하세요',
    };
    throw new Conflict(message, [{ path: 'body', message: message.en, in: 'body' }]);
  }
}
