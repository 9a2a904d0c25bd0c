/** Which of the organization's tickets the portal list shows, as `?show=` in its address. */
export const PORTAL_LIST_VIEWS = ['open', 'done', 'all'] as const;
export type TPortalListView = (typeof PORTAL_LIST_VIEWS)[number];
export type TPortalListSearch = { show?: TPortalListView };

export function parsePortalListSearch(search: Record<string, unknown>): TPortalListSearch {
  const show = PORTAL_LIST_VIEWS.find((v) => v === search.show);
  return show && show !== 'open' ? { show } : {};
}
