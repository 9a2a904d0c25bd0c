import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, serial, text, uuid } from 'drizzle-orm/pg-core';
import { ts, tsvector } from './columns.js';
import { organizations, tickets, users } from './schema.js';

/**
 * Knowledge articles. The row holds the current version; every edit also writes an
 * `article_versions` row, so the history is complete and each past version readable.
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Short number shown as `KB-<number>`. */
    number: serial('number').notNull().unique(),
    /** A customer-specific article; null for a general one. */
    organizationId: uuid('organization_id').references(() => organizations.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    language: text('language', { enum: ['ko', 'en'] })
      .notNull()
      .default('ko'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    modules: text('modules').array().notNull().default(sql`'{}'`),
    systemIds: uuid('system_ids').array().notNull().default(sql`'{}'`),
    visibility: text('visibility', { enum: ['internal', 'public'] }).notNull(),
    status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull(),
    /** The resolved ticket the article was drafted from, if any. */
    sourceTicketId: uuid('source_ticket_id').references(() => tickets.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
  },
  (t) => [
    index('articles_updated_idx').on(t.updatedAt, t.id),
    index('articles_org_idx').on(t.organizationId),
    index('articles_source_ticket_idx').on(t.sourceTicketId),
  ],
);

/** Every version of every article, the current one included: what was written, by whom, when. */
export const articleVersions = pgTable(
  'article_versions',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    version: integer('version').notNull(),
    organizationId: uuid('organization_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    language: text('language').notNull(),
    tags: text('tags').array().notNull(),
    modules: text('modules').array().notNull(),
    systemIds: uuid('system_ids').array().notNull(),
    visibility: text('visibility').notNull(),
    status: text('status').notNull(),
    editedBy: uuid('edited_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** What an article is found by (title A, tags/modules B, body C); rewritten on every article write. */
export const articleSearch = pgTable(
  'article_search',
  {
    articleId: uuid('article_id')
      .primaryKey()
      .references(() => articles.id),
    vector: tsvector('vector').notNull(),
  },
  (t) => [index('article_search_vector_idx').using('gin', t.vector)],
);

/** Tickets an article was used on (both ways). */
export const articleTickets = pgTable(
  'article_tickets',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    linkedBy: uuid('linked_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.ticketId] }),
    index('article_tickets_ticket_idx').on(t.ticketId),
  ],
);

/** An inquiry a customer did not submit because an article answered it (reported by the portal). */
export const articleDeflections = pgTable(
  'article_deflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    userId: uuid('user_id').references(() => users.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** The month in Seoul (`YYYY-MM`) the deflection counts in. */
    month: text('month').notNull(),
    /** What the customer had typed, for the team to see which questions articles answer. */
    query: text('query').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('article_deflections_article_month_idx').on(t.articleId, t.month)],
);
