import type { TRoutes } from '../http/types.js';

/** The caller's own notifications. */
export const notificationRoutes: TRoutes = async () => {};
