import {
  DASHBOARD_FIGURES,
  DASHBOARD_RESPONSES,
  type TDashboardFigure,
  type TDashboardQuery,
  ZDashboardQuery,
} from '@hamkke/core';
import type { TActor } from '../auth/actor.js';
import type { TRoutes } from '../http/types.js';
import { figureCsv } from './csv.js';
import { dashboardFlow } from './flow.js';
import { dashboardHours } from './hours.js';
import { dashboardImprovements } from './improvements.js';
import { dashboardRate } from './rates.js';
import { dashboardSatisfaction } from './satisfaction.js';
import { dashboardSla } from './sla.js';
import { dashboardAbc, dashboardLoad, dashboardRecurring } from './team-figures.js';
import { dashboardTimes } from './times.js';

const tags = ['dashboards'];

const FIGURES: Record<TDashboardFigure, (actor: TActor, query: TDashboardQuery) => Promise<object>> = {
  flow: dashboardFlow,
  sla: dashboardSla,
  times: dashboardTimes,
  reopen: (actor, query) => dashboardRate(actor, query, 'reopen'),
  'first-contact': (actor, query) => dashboardRate(actor, query, 'first-contact'),
  satisfaction: dashboardSatisfaction,
  hours: dashboardHours,
  load: dashboardLoad,
  recurring: dashboardRecurring,
  abc: dashboardAbc,
  improvements: dashboardImprovements,
};

/** `GET /dashboards/<figure>`: JSON, or CSV with `format=csv` or `Accept: text/csv`. Staff only. */
export const dashboardRoutes: TRoutes = async (app) => {
  for (const figure of DASHBOARD_FIGURES) {
    app.get(
      `/dashboards/${figure}`,
      { schema: { tags, querystring: ZDashboardQuery, response: { 200: DASHBOARD_RESPONSES[figure] } } },
      async (req, reply) => {
        const result = (await FIGURES[figure](req.actor!, req.query)) as Record<string, unknown>;
        const wantsCsv = req.query.format === 'csv' || /\btext\/csv\b/.test(req.headers.accept ?? '');
        // One loop registers eleven routes: each returns its figure's schema, which the types cannot follow.
        if (!wantsCsv) return result as never;
        const scope = result.scope as { from: string; to: string };
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="hamkke-${figure}-${scope.from}-${scope.to}.csv"`,
          )
          .send(figureCsv(result) as never);
      },
    );
  }
};
