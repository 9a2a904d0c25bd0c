import { createRoute, createRouter, lazyRouteComponent, Navigate, useParams } from '@tanstack/react-router';
import { isStaff } from './domain.js';
import { oncallRoutes } from './oncall/routes.js';
import { parsePortalListSearch } from './portal/list-search.js';
import { reportRoutes } from './reports/routes.js';
import { rootRoute } from './shell/root-route.js';
import { useUser } from './shell/session.js';
import { teamRoutes } from './team/routes.js';
import { parseListSearch } from './tickets/list-search.js';

// Code-based routes; each page is its own chunk (lazyRouteComponent), so the sign-in page loads only
// the shell. The portal (/portal/…) and admin (/admin/…) pages slot in beside these; the team's and
// the reports' pages are declared in their own folders.

function Start() {
  const user = useUser();
  // Staff start in the workspace; customer users in the portal.
  return isStaff(user.role) ? <Navigate to="/tickets" /> : <Navigate to="/portal" />;
}

const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: Start });

const Workspace = lazyRouteComponent(() => import('./tickets/Workspace.js'), 'Workspace');
const TicketPage = lazyRouteComponent(() => import('./tickets/TicketPage.js'), 'TicketPage');

// A customer user who opens a workspace address (a link in a notification mail points at
// /tickets/<number>) is taken to the same place in the portal.
const WorkspaceOrPortal = Object.assign(
  () => (isStaff(useUser().role) ? <Workspace /> : <Navigate to="/portal" />),
  { preload: Workspace.preload },
);
const TicketPageOrPortal = Object.assign(
  () => {
    const { ref = '' } = useParams({ strict: false });
    return isStaff(useUser().role) ? <TicketPage /> : <Navigate to="/portal/tickets/$ref" params={{ ref }} />;
  },
  { preload: TicketPage.preload },
);

export const ticketsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tickets',
  validateSearch: parseListSearch,
  component: WorkspaceOrPortal,
});

export const ticketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/tickets/$ref',
  component: TicketPageOrPortal,
});

const calendarsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/calendars',
  component: lazyRouteComponent(() => import('./calendars/CalendarsPage.js'), 'CalendarsPage'),
});

// The customer portal: customer users only (staff are sent to the workspace).
const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  component: lazyRouteComponent(() => import('./portal/PortalLayout.js'), 'PortalLayout'),
});
const portalTicketsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/',
  validateSearch: parsePortalListSearch,
  component: lazyRouteComponent(() => import('./portal/PortalTickets.js'), 'PortalTickets'),
});
const portalNewRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/new',
  component: lazyRouteComponent(() => import('./portal/NewTicket.js'), 'NewTicket'),
});
const portalTicketRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/tickets/$ref',
  component: lazyRouteComponent(() => import('./portal/PortalTicket.js'), 'PortalTicket'),
});
const portalArticleRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/articles/$id',
  component: lazyRouteComponent(() => import('./portal/ArticlePage.js'), 'ArticlePage'),
});

const portalReportsRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/reports',
  component: lazyRouteComponent(() => import('./portal/ReportsPortal.js'), 'ReportsPortal'),
});
const portalReportRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: '/reports/$month',
  component: lazyRouteComponent(() => import('./portal/ReportsPortalReport.js'), 'ReportsPortalReport'),
});

// Admin pages (admins; managers where the API lets them), the customer page (staff), own settings (everyone).
const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: () => <Navigate to="/admin/users" />,
});
const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('./admin/UsersPage.js'), 'UsersPage'),
});
const adminOrganizationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/organizations',
  component: lazyRouteComponent(() => import('./admin/OrganizationsPage.js'), 'OrganizationsPage'),
});
const adminMailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/mail',
  component: lazyRouteComponent(() => import('./admin/MailPage.js'), 'MailPage'),
});
const customersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/customers',
  component: lazyRouteComponent(() => import('./customers/CustomersPage.js'), 'CustomersPage'),
});
const customerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/customers/$id',
  component: lazyRouteComponent(() => import('./customers/CustomerPage.js'), 'CustomerPage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings',
  component: () => <Navigate to="/settings/notifications" />,
});
const notificationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/notifications',
  component: lazyRouteComponent(() => import('./settings/NotificationSettings.js'), 'NotificationSettings'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  ticketsRoute,
  ticketRoute,
  calendarsRoute,
  adminRoute,
  adminUsersRoute,
  adminOrganizationsRoute,
  adminMailRoute,
  customersRoute,
  customerRoute,
  settingsRoute,
  notificationSettingsRoute,
  ...teamRoutes,
  ...reportRoutes,
  ...oncallRoutes,
  portalRoute.addChildren([
    portalTicketsRoute,
    portalNewRoute,
    portalTicketRoute,
    portalArticleRoute,
    portalReportsRoute,
    portalReportRoute,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
