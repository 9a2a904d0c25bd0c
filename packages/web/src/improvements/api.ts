import type {
  TCreateImprovement,
  THoursSplit,
  TImprovement,
  TImprovementMetricResult,
  TImprovementStatus,
  TUpdateImprovement,
} from '@hamkke/core';
import { request } from '../api.js';

// The register's lists, as the core's contract has them (kept here so the page's chunk carries no zod).
export const KINDS = ['B', 'C'] as const;
export const ORIGINS = [
  'recurring_incident',
  'problem',
  'meeting_decision',
  'customer_feedback',
  'retrospective',
] as const;
export const STATUSES = ['idea', 'planned', 'doing', 'measuring', 'done', 'dropped'] as const;
export const METRICS = [
  'mean_resolution_hours',
  'reopen_rate',
  'hours_per_inquiry',
  'tickets_per_week',
] as const;
/** The moves the server allows from each status (IMPROVEMENT_FLOW of the core). */
export const FLOW: Record<TImprovementStatus, readonly TImprovementStatus[]> = {
  idea: ['planned', 'dropped'],
  planned: ['doing', 'idea', 'dropped'],
  doing: ['measuring', 'planned', 'dropped'],
  measuring: ['done', 'doing', 'dropped'],
  done: [],
  dropped: ['idea'],
};

export type TImprovementFilter = { kind?: string; status?: string; ownerId?: string };

/** The improvement register's calls (docs/team.md). */
export const improvementApi = {
  list: (filter: TImprovementFilter) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
    return request<{ items: TImprovement[] }>('GET', `/improvements?${params}`);
  },
  get: (id: string) => request<TImprovement>('GET', `/improvements/${id}`),
  create: (input: TCreateImprovement) => request<TImprovement>('POST', '/improvements', input),
  update: (id: string, change: TUpdateImprovement) =>
    request<TImprovement>('PATCH', `/improvements/${id}`, change),
  metric: (id: string) => request<TImprovementMetricResult>('GET', `/improvements/${id}/metric`),
  recomputeBaseline: (id: string) => request<TImprovement>('POST', `/improvements/${id}/baseline`),
  hoursSplit: (from: string, to: string) =>
    request<THoursSplit>('GET', `/team/hours-split?${new URLSearchParams({ from, to })}`),
};

/** A metric's value as people read it: a rate in percent, hours and counts with two decimals at most. */
export function formatMetric(kind: string | undefined, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (kind === 'reopen_rate') return `${(value * 100).toFixed(1)}%`;
  return String(Math.round(value * 100) / 100);
}
