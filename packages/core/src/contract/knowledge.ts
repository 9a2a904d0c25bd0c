import { z } from 'zod';
import { ZLocale, ZPageQuery, ZUuid, zLine, zQueryList } from './common.js';
import { ZSapModule } from './systems.js';

export const ARTICLE_VISIBILITIES = ['internal', 'public'] as const;
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export const ZArticleVisibility = z.enum(ARTICLE_VISIBILITIES);
export const ZArticleStatus = z.enum(ARTICLE_STATUSES);
export type TArticleVisibility = z.infer<typeof ZArticleVisibility>;
export type TArticleStatus = z.infer<typeof ZArticleStatus>;

/**
 * The line a from-ticket draft puts above internal notes it copies in. While it stands in the body,
 * the article cannot be made public: the notes were written for the team, not the customer.
 */
export const INTERNAL_NOTES_MARKER =
  '<!-- 내부 메모: 고객 공개 전 삭제 / internal notes: remove before publishing -->';

const ZArticleTag = z.string().trim().min(1).max(40);
const articleFields = {
  title: zLine(200),
  /** Markdown. */
  body: z.string().max(100_000),
  language: ZLocale,
  tags: z.array(ZArticleTag).max(20),
  modules: z.array(ZSapModule).max(10),
  systemIds: z.array(ZUuid).max(20),
  /** A customer-specific article; null (or absent) for a general one. */
  organizationId: ZUuid.nullable(),
  visibility: ZArticleVisibility,
  status: ZArticleStatus,
};

export const ZCreateArticle = z
  .object({
    ...articleFields,
    body: articleFields.body.default(''),
    language: ZLocale.default('ko'),
    tags: articleFields.tags.default([]),
    modules: articleFields.modules.default([]),
    systemIds: articleFields.systemIds.default([]),
    organizationId: ZUuid.nullable().default(null),
    visibility: ZArticleVisibility.default('internal'),
    status: ZArticleStatus.default('draft'),
  })
  .strict();
export type TCreateArticle = z.infer<typeof ZCreateArticle>;

export const ZUpdateArticle = z
  .object({
    ...articleFields,
    /** The version the editor started from; another edit in between is refused with 409. */
    version: z.number().int().min(1).max(2_147_483_647),
  })
  .partial({
    title: true,
    body: true,
    language: true,
    tags: true,
    modules: true,
    systemIds: true,
    organizationId: true,
    visibility: true,
    status: true,
  })
  .strict()
  .refine((a) => Object.keys(a).some((k) => k !== 'version'), { message: 'Nothing to change', path: [] });
export type TUpdateArticle = z.infer<typeof ZUpdateArticle>;

/** An article is addressed by its id or its code (`KB-12`). */
export const ZArticleParams = z.object({
  id: z.union([ZUuid, z.string().regex(/^[Kk][Bb]-\d{1,9}$/, 'An article id or code (KB-12)')]),
});
export const ZArticleVersionParams = ZArticleParams.extend({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const ZArticleTicketParams = ZArticleParams.extend({ ticketId: ZUuid });

export const ZArticle = z.object({
  id: ZUuid,
  code: z.string(),
  organizationId: ZUuid.nullable(),
  title: z.string(),
  body: z.string(),
  language: ZLocale,
  tags: z.array(z.string()),
  modules: z.array(ZSapModule),
  /** For a customer, only the systems of their own organization. */
  systemIds: z.array(ZUuid),
  visibility: ZArticleVisibility,
  status: ZArticleStatus,
  version: z.number().int(),
  sourceTicketId: ZUuid.nullable(),
  /** How many tickets the article is linked to (was used on). Staff only; 0 for customers. */
  useCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type TArticle = z.infer<typeof ZArticle>;

export const ZArticleVersion = z.object({
  articleId: ZUuid,
  version: z.number().int(),
  organizationId: ZUuid.nullable(),
  title: z.string(),
  body: z.string(),
  language: ZLocale,
  tags: z.array(z.string()),
  modules: z.array(ZSapModule),
  systemIds: z.array(ZUuid),
  visibility: ZArticleVisibility,
  status: ZArticleStatus,
  editedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type TArticleVersion = z.infer<typeof ZArticleVersion>;
export const ZArticleVersionList = z.object({ items: z.array(ZArticleVersion) });

export const ZListArticlesQuery = ZPageQuery.extend({
  status: zQueryList(ZArticleStatus),
  visibility: zQueryList(ZArticleVisibility),
  module: zQueryList(ZSapModule),
  /** Articles of this organization; `general` for the general ones. */
  organizationId: z.union([ZUuid, z.literal('general')]).optional(),
  /** Articles drafted from this ticket. */
  sourceTicketId: ZUuid.optional(),
});
export type TListArticlesQuery = z.infer<typeof ZListArticlesQuery>;

/** Options of a draft made from a resolved ticket. */
export const ZArticleDraftRequest = z
  .object({
    /** Internal (default): the ticket's internal notes go in under the cause, marked. Public: they never do. */
    visibility: ZArticleVisibility.default('internal'),
    /** Keep the article to the ticket's organization (default) or make it general. */
    isGeneral: z.boolean().default(false),
  })
  .strict();
export type TArticleDraftRequest = z.infer<typeof ZArticleDraftRequest>;

export const ZLinkArticleTicket = z.object({ ticketId: ZUuid }).strict();

/** A ticket an article is linked to, as staff see it. */
export const ZArticleTicketLink = z.object({
  ticketId: ZUuid,
  number: z.string(),
  title: z.string(),
  status: z.string(),
  linkedAt: z.string(),
});
export const ZArticleTicketList = z.object({ items: z.array(ZArticleTicketLink) });

/** An article a ticket is linked to. */
export const ZTicketArticleLink = z.object({
  articleId: ZUuid,
  code: z.string(),
  title: z.string(),
  visibility: ZArticleVisibility,
  status: ZArticleStatus,
  linkedAt: z.string(),
});
export const ZTicketArticleList = z.object({ items: z.array(ZTicketArticleLink) });

export const ZSuggestArticlesQuery = z.object({
  q: z.string().trim().min(1).max(500),
  /** Staff previewing what a customer of this organization would be offered; ignored for customers. */
  organizationId: ZUuid.optional(),
  module: ZSapModule.optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type TSuggestArticlesQuery = z.infer<typeof ZSuggestArticlesQuery>;

export const ZArticleSuggestion = z.object({
  id: ZUuid,
  code: z.string(),
  title: z.string(),
  snippet: z.string(),
  modules: z.array(ZSapModule),
  score: z.number(),
});
export const ZArticleSuggestions = z.object({ items: z.array(ZArticleSuggestion) });

export const ZCreateDeflection = z.object({ query: z.string().trim().max(500).default('') }).strict();
export const ZDeflection = z.object({ articleId: ZUuid, month: z.string(), count: z.number().int() });

export const ZDeflectionMonthQuery = z.object({
  /** `YYYY-MM` in Seoul; this month by default. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month, YYYY-MM')
    .optional(),
});
export const ZDeflectionMonth = z.object({
  month: z.string(),
  total: z.number().int(),
  items: z.array(
    z.object({ articleId: ZUuid, code: z.string(), title: z.string(), count: z.number().int() }),
  ),
});

export const ZDeflectionStats = z.object({
  articleId: ZUuid,
  total: z.number().int(),
  months: z.array(z.object({ month: z.string(), count: z.number().int() })),
});

export * from './similar.js';
