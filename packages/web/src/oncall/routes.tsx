import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../shell/root-route.js';

const oncallRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oncall',
  component: lazyRouteComponent(() => import('./OnCallPage.js'), 'OnCallPage'),
});

/**
 * The on-call rotation's pages, each its own chunk. A tuple (`as const`), not AnyRoute[], so the router
 * keeps every path and search type.
 */
export const oncallRoutes = [oncallRoute] as const;
