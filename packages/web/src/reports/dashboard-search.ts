import { isDate } from './periods.js';

/** The dashboards' filters in the address, so that a view can be bookmarked and shared. */
export type TDashboardSearch = {
  organizationId?: string;
  module?: string;
  teamId?: string;
  from?: string;
  to?: string;
  granularity?: 'month';
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function parseDashboardSearch(search: Record<string, unknown>): TDashboardSearch {
  const result: TDashboardSearch = {};
  const organizationId = text(search.organizationId);
  const module = text(search.module);
  const teamId = text(search.teamId);
  if (organizationId) result.organizationId = organizationId;
  if (module) result.module = module;
  if (teamId) result.teamId = teamId;
  if (isDate(search.from)) result.from = search.from;
  if (isDate(search.to)) result.to = search.to;
  if (search.granularity === 'month') result.granularity = 'month';
  return result;
}
