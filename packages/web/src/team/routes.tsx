import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../shell/root-route.js';

const teamRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/team',
  component: lazyRouteComponent(() => import('./TeamPage.js'), 'TeamPage'),
});
const deploymentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/team/deployments',
  component: lazyRouteComponent(() => import('./DeploymentsPage.js'), 'DeploymentsPage'),
});
const improvementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/improvements',
  component: lazyRouteComponent(() => import('../improvements/ImprovementsPage.js'), 'ImprovementsPage'),
});
const improvementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/improvements/$id',
  component: lazyRouteComponent(() => import('../improvements/ImprovementPage.js'), 'ImprovementPage'),
});
const INSPECTION_TABS = ['list', 'schedules', 'templates'] as const;
export type TInspectionTab = (typeof INSPECTION_TABS)[number];
const inspectionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inspections',
  validateSearch: (search: Record<string, unknown>): { tab?: TInspectionTab } => {
    const tab = INSPECTION_TABS.find((t) => t === search.tab);
    return tab && tab !== 'list' ? { tab } : {};
  },
  component: lazyRouteComponent(() => import('../inspections/InspectionsPage.js'), 'InspectionsPage'),
});

/**
 * The team's pages (load and rebalancing, deployments, on-call, improvements, inspections), each its own
 * chunk. A tuple (`as const`), not AnyRoute[], so the router keeps every path and search type.
 */
export const teamRoutes = [
  teamRoute,
  deploymentsRoute,
  improvementsRoute,
  improvementRoute,
  inspectionsRoute,
] as const;
