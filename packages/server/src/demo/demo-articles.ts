import type { TSapModule } from '@hamkke/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { TTx } from '../db/database.js';
import { articleTickets, comments, tickets } from '../db/schema.js';
import { buildArticleDraft } from '../knowledge/build-article-draft.js';
import { insertArticle } from '../knowledge/create-article.js';

/** How many articles the demo writes: one per kind of resolved case, the most frequent kinds first. */
const DEMO_ARTICLES = 24;

/** A demo title without its numbers, so that the tickets of one template fall together. */
const kindOf = (title: string) => title.replace(/[0-9]+/g, '#');

/** The customer's greeting and sign-off, which an article does not repeat. */
const withoutLetter = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^(안녕하세요|감사합니다|추가 문의)/.test(line.trim()))
    .join('\n')
    .trim();

/**
 * Korean knowledge articles made from the demo's resolved tickets as the team would with "article
 * from ticket": one per kind of case, published; two in three general and public (question and
 * solution), one in three internal and kept to its customer (with the cause from the internal note).
 * Each is linked to every resolved ticket of its kind, so use counts are real.
 */
export async function loadDemoArticles(tx: TTx, organizationIds: readonly string[]): Promise<number> {
  const resolved = await tx
    .select()
    .from(tickets)
    .where(
      and(
        inArray(tickets.organizationId, [...organizationIds]),
        inArray(tickets.status, ['resolved', 'closed']),
      ),
    )
    .orderBy(asc(tickets.resolvedAt), asc(tickets.id));
  const byKind = new Map<string, (typeof resolved)[number][]>();
  for (const t of resolved) byKind.set(kindOf(t.title), [...(byKind.get(kindOf(t.title)) ?? []), t]);
  const kinds = [...byKind.values()]
    .filter((group) => group[0]!.type !== 'inspection')
    .sort((a, b) => b.length - a.length || (a[0]!.title < b[0]!.title ? -1 : 1));

  let index = 0;
  for (const group of kinds) {
    if (index === DEMO_ARTICLES) break;
    const isInternal = index % 3 === 2;
    const visibility = isInternal ? 'internal' : 'public';
    const made = await draftOfKind(tx, group, visibility);
    if (!made) continue;
    const { source, draft } = made;
    const body = isInternal ? draft.body : draft.body.replace(/## 원인\n\n\(작성 필요\)\n\n/, '');
    const article = await insertArticle(tx, SYSTEM_ACTOR, {
      ...draft,
      body,
      modules: draft.modules as TSapModule[],
      organizationId: isInternal ? source.organizationId : null,
      systemIds: isInternal ? draft.systemIds : [],
      visibility,
      status: 'published',
      sourceTicketId: source.id,
    });
    await tx
      .insert(articleTickets)
      .values(
        group.map((t) => ({ articleId: article.id, ticketId: t.id, createdAt: t.resolvedAt ?? t.updatedAt })),
      );
    index++;
  }
  return index;
}

/** The draft from the newest ticket of the kind that has the team's resolving reply and cause, if any. */
async function draftOfKind(
  tx: TTx,
  group: readonly (typeof tickets.$inferSelect)[],
  visibility: 'internal' | 'public',
) {
  for (const source of [...group].reverse().slice(0, 5)) {
    const notes = await tx
      .select()
      .from(comments)
      .where(eq(comments.ticketId, source.id))
      .orderBy(asc(comments.createdAt), asc(comments.id));
    const draft = buildArticleDraft(
      { ...source, description: withoutLetter(source.description) },
      notes.map((n) => ({
        body: withoutLetter(n.body),
        visibility: n.visibility,
        createdAt: n.createdAt,
        // Demo comments by staff are the ones not written by the ticket's requester.
        isByStaff: n.authorId !== null && n.authorId !== source.requesterId,
      })),
      visibility,
      visibility === 'public',
    );
    const solution = draft.body.split('## 해결')[1] ?? '';
    const cause = draft.body.split('## 원인')[1]?.split('## 해결')[0] ?? '';
    if (solution.includes('(작성 필요)') || (visibility === 'internal' && cause.includes('(작성 필요)')))
      continue;
    return { source, draft };
  }
  return null;
}
