/**
 * The on-call rotation's pages, each its own chunk. A tuple (`as const`), not AnyRoute[], so the router
 * keeps every path and search type.
 */
export const oncallRoutes = [] as const;
