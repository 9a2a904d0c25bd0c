import { createRootRoute } from '@tanstack/react-router';
import { AppLayout } from './AppLayout.js';

/** The root of the route tree: every page renders inside the app's layout. Areas hang their routes on it. */
export const rootRoute = createRootRoute({ component: AppLayout });
