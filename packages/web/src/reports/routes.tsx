import type { AnyRoute } from '@tanstack/react-router';

/** Dashboards, monthly reports and the weekly meeting pack, each its own chunk. */
export const reportRoutes: AnyRoute[] = [];
