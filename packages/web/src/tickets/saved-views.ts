import { useCallback, useState } from 'react';
import type { TListSearch } from './list-search.js';

export type TSavedView = { name: string; search: TListSearch };

/**
 * Saved views live in this browser's localStorage, per user: enough for one desk, not shared across
 * devices. (A server-side `saved_views` table is the next step when the team asks for sharing.)
 */
const keyOf = (userId: string) => `hamkke.views.${userId}`;

function read(userId: string): TSavedView[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as TSavedView[]).filter((v) => typeof v?.name === 'string') : [];
  } catch {
    return [];
  }
}

export function useSavedViews(userId: string) {
  const [views, setViews] = useState<TSavedView[]>(() => read(userId));
  const write = useCallback(
    (next: TSavedView[]) => {
      setViews(next);
      try {
        localStorage.setItem(keyOf(userId), JSON.stringify(next));
      } catch {
        // Storage full or disabled: the view lasts for this page only.
      }
    },
    [userId],
  );
  const save = (name: string, search: TListSearch) =>
    write([...views.filter((v) => v.name !== name), { name, search: { ...search, q: undefined } }]);
  const remove = (name: string) => write(views.filter((v) => v.name !== name));
  return { views, save, remove };
}
