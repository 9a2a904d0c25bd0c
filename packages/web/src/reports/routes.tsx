/**
 * Dashboards, monthly reports and the weekly meeting pack, each its own chunk. A tuple (`as const`), not
 * AnyRoute[], so the router keeps every path and search type.
 */
export const reportRoutes = [] as const;
