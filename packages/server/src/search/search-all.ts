import {
  SEARCH_TYPES,
  type TSearchHit,
  type TSearchHitType,
  type TSearchPage,
  type TSearchQuery,
} from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import { AppError } from '../http/errors.js';
import { postgresSearchBackend } from './postgres-search-backend.js';
import { BAD_CURSOR, type TSearchBackend } from './search-backend.js';

/** Where each kind stands in a merged listing: the cursor of the page being read, how many of it were shown, whether it is spent. */
type TKindState = { c: string | null; s: number; d: boolean };
type TMergedCursor = { k: string; p: Partial<Record<TSearchHitType, TKindState>> };

let backend: TSearchBackend = postgresSearchBackend;

/** The backend the search box uses (PostgreSQL unless a deployment sets another). */
export const searchBackend = (): TSearchBackend => backend;
export function setSearchBackend(next: TSearchBackend): void {
  backend = next;
}

const encode = (cursor: TMergedCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
function decode(cursor: string, key: string): TMergedCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as TMergedCursor;
    if (parsed.k !== key || typeof parsed.p !== 'object' || parsed.p === null) throw BAD_CURSOR;
    return parsed;
  } catch {
    throw BAD_CURSOR;
  }
}

/**
 * The search box: one kind when `type` is given, else every kind merged best first. A merged page
 * reads each kind from where the last page stopped (the kind's own cursor plus how many of that page
 * were shown), takes the best `limit` hits of all, and remembers where each kind now stands.
 */
export async function search(actor: TActor, query: TSearchQuery): Promise<TSearchPage> {
  const engine = searchBackend();
  if (query.type && !engine.kinds[query.type]) {
    throw new AppError(
      400,
      'invalid',
      { en: `Search of ${query.type} is not available`, ko: `${query.type} 검색은 아직 제공되지 않습니다` },
      [{ path: 'type', message: `Search of ${query.type} is not available`, in: 'query' }],
    );
  }
  const plan = await engine.plan(query.q);
  if (plan.groups.length === 0) return { items: [], nextCursor: null };
  if (query.type) {
    return engine.kinds[query.type]!(actor, query, plan, { limit: query.limit, cursor: query.cursor });
  }

  const key = `all:${plan.groups.map((g) => g.join('|')).join(' ')}`;
  const state = query.cursor ? decode(query.cursor, key).p : {};
  const kinds = SEARCH_TYPES.filter((k) => engine.kinds[k] && !state[k]?.d);
  const pages = await Promise.all(
    kinds.map(async (kind) => {
      const at = state[kind] ?? { c: null, s: 0, d: false };
      const page = await engine.kinds[kind]!(actor, query, plan, {
        limit: query.limit + at.s,
        cursor: at.c ?? undefined,
      });
      return { kind, at, page, fresh: page.items.slice(at.s) };
    }),
  );
  const merged = pages
    .flatMap((p) => p.fresh.map((hit) => ({ hit, kind: p.kind })))
    .sort((a, b) => b.hit.score - a.hit.score)
    .slice(0, query.limit);
  const items: TSearchHit[] = merged.map((m) => m.hit);

  const next: TMergedCursor['p'] = { ...state };
  let hasMore = false;
  for (const { kind, at, page, fresh } of pages) {
    const shown = merged.filter((m) => m.kind === kind).length;
    const seen = at.s + shown;
    const isPageSpent = seen >= page.items.length;
    next[kind] = isPageSpent
      ? { c: page.nextCursor, s: 0, d: page.nextCursor === null }
      : { c: at.c, s: seen, d: false };
    if (!next[kind]!.d) hasMore = true;
    if (shown < fresh.length) hasMore = true;
  }
  return { items, nextCursor: hasMore ? encode({ k: key, p: next }) : null };
}
