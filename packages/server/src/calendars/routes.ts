import type { TRoutes } from '../http/types.js';

/** Calendars, their holidays and closures, and the business-time calculator. */
export const calendarRoutes: TRoutes = async () => {};
