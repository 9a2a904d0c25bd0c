import { searchArticles } from '../knowledge/search-articles.js';
import { currentDirectory } from './directory.js';
import { presentTicketHit } from './present.js';
import type { TKindSearch, TSearchBackend } from './search-backend.js';
import { searchOrganizations, searchSystems } from './search-directory.js';
import { searchTickets } from './search-tickets.js';
import { planQuery } from './typo-tolerance.js';

const tickets: TKindSearch = async (actor, query, plan, page) => {
  const found = await searchTickets(actor, { ...query, ...page }, plan);
  return { items: found.items.map((m) => presentTicketHit(m, found.tokens)), nextCursor: found.nextCursor };
};

/** Articles come from the knowledge base's own search (its documents, its scope: public articles for customers). */
const articles: TKindSearch = async (actor, query, _plan, page) => {
  if (query.status || query.createdFrom || query.createdTo) return { items: [], nextCursor: null };
  return searchArticles(actor, {
    q: query.q,
    module: query.module,
    organizationId: query.organizationId,
    limit: page.limit,
    cursor: page.cursor,
  });
};

/**
 * The search engine of every deployment so far: PostgreSQL full-text search over the tokenizer's
 * documents (tickets, articles), the in-process directory (organizations, systems), and pg_trgm over
 * the vocabulary for misspelt Latin words.
 */
export const postgresSearchBackend: TSearchBackend = {
  name: 'postgresql',
  plan: async (q) => {
    const { words } = await currentDirectory();
    return planQuery(q, (t) => words.has(t));
  },
  kinds: { ticket: tickets, article: articles, organization: searchOrganizations, system: searchSystems },
};
