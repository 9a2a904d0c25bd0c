import type { TSearchHit, TSearchHitType, TSearchQuery } from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { AppError } from '../http/errors.js';
import type { TQueryPlan } from './typo-tolerance.js';

/** One page of one kind's hits, best first, and where the next page starts (opaque). */
export type TKindPage = { items: TSearchHit[]; nextCursor: string | null };

/**
 * Search over one kind of thing, in the actor's scope: the hits holding every group of the plan,
 * best first, filtered by the query's filters (a filter that cannot apply to the kind leaves it empty).
 */
export type TKindSearch = (
  actor: TActor,
  query: TSearchQuery,
  plan: TQueryPlan,
  page: { limit: number; cursor?: string },
) => Promise<TKindPage>;

/**
 * What the search box needs of a search engine. The PostgreSQL backend (postgres-search-backend.ts)
 * is the one in use; docs/search.md explains how an OpenSearch backend would stand in for it: the
 * same plan, the same kinds, the same scoping rules, fed by the same writes.
 */
export type TSearchBackend = {
  name: string;
  /** The query's tokens and, for a misspelt Latin word, the known words that stand for it. */
  plan: (q: string) => Promise<TQueryPlan>;
  /** The kinds this deployment searches; a kind without a search is refused with 400. */
  kinds: Partial<Record<TSearchHitType, TKindSearch>>;
};

export const BAD_CURSOR = new AppError(
  400,
  'invalid_cursor',
  { en: 'The cursor is not valid for this query', ko: '이 검색에 맞지 않는 커서입니다' },
  [{ path: 'cursor', message: 'The cursor is not valid for this query', in: 'query' }],
);
