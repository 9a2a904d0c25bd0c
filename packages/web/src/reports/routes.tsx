import { createRoute, lazyRouteComponent, Navigate } from '@tanstack/react-router';
import { isStaff } from '../domain.js';
import { rootRoute } from '../shell/root-route.js';
import { useUser } from '../shell/session.js';
import { parseDashboardSearch } from './dashboard-search.js';
import { isMonth, isWeek } from './periods.js';

const dashboardsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/dashboards',
  validateSearch: parseDashboardSearch,
  component: lazyRouteComponent(() => import('./DashboardsPage.js'), 'DashboardsPage'),
});
const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  validateSearch: (search: Record<string, unknown>): { month?: string; run?: string } => ({
    ...(isMonth(search.month) ? { month: search.month } : {}),
    ...(typeof search.run === 'string' && search.run ? { run: search.run } : {}),
  }),
  component: lazyRouteComponent(() => import('./ReportsPage.js'), 'ReportsPage'),
});
const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/$orgId/$month',
  component: lazyRouteComponent(() => import('./MonthlyReportPage.js'), 'MonthlyReportPage'),
});
// The address the report mail links to (reports/mail-report.ts of the server): staff open the report's
// page, the customer's contacts the same report in the portal.
const mailedReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/monthly/$orgId/$month',
  component: function MailedReport() {
    const { orgId, month } = mailedReportRoute.useParams();
    return isStaff(useUser().role) ? (
      <Navigate to="/reports/$orgId/$month" params={{ orgId, month }} replace />
    ) : (
      <Navigate to="/portal/reports/$month" params={{ month }} replace />
    );
  },
});
const meetingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meetings',
  validateSearch: (search: Record<string, unknown>): { week?: string } =>
    isWeek(search.week) ? { week: search.week } : {},
  component: lazyRouteComponent(() => import('./MeetingsPage.js'), 'MeetingsPage'),
});

/**
 * Dashboards, monthly reports and the weekly meeting pack, each its own chunk. A tuple (`as const`), not
 * AnyRoute[], so the router keeps every path and search type.
 */
export const reportRoutes = [
  dashboardsRoute,
  reportsRoute,
  reportRoute,
  mailedReportRoute,
  meetingsRoute,
] as const;
