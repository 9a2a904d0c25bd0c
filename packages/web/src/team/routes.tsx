import type { AnyRoute } from '@tanstack/react-router';

/** The team's pages (load and rebalancing, deployments, on-call, improvements, inspections), each its own chunk. */
export const teamRoutes: AnyRoute[] = [];
