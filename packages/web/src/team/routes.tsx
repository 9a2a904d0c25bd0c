/**
 * The team's pages (load and rebalancing, deployments, on-call, improvements, inspections), each its own
 * chunk. A tuple (`as const`), not AnyRoute[], so the router keeps every path and search type.
 */
export const teamRoutes = [] as const;
