import { customType, timestamp } from 'drizzle-orm/pg-core';

/** Millisecond precision: values round-trip through JS Dates exactly, which keyset cursors rely on. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** A PostgreSQL full-text document; written as a literal built by the tokenizer (search/ticket-search-document.ts). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
