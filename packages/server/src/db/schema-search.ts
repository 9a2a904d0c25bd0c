import { pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The Latin words (letters only, 3 to 40 of them) that indexed text holds: what a misspelt query word
 * is matched against by trigram similarity (search/typo-tolerance.ts). Grows on every indexing write;
 * never shrinks (a word no longer in any text only makes a suggestion that finds nothing). Its
 * trigram index is created by the `search-sql` migration, after `CREATE EXTENSION pg_trgm`.
 */
export const searchVocabulary = pgTable('search_vocabulary', {
  token: text('token').primaryKey(),
});
