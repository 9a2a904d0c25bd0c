import type { TRoutes } from '../http/types.js';

/** SLA policies: targets per priority, pause statuses, escalation rules. */
export const slaPolicyRoutes: TRoutes = async () => {};
