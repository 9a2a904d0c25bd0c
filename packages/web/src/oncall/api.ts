import type {
  TCreateOverride,
  TCreateRotation,
  TOnCallNow,
  TOnCallSchedule,
  TOverride,
  TRotation,
  TTeam,
  TUpdateRotation,
} from '@hamkke/core';
import { request } from '../api.js';

/** The on-call page's calls (docs/oncall.md). */
export const oncallApi = {
  rotations: () => request<{ items: TRotation[] }>('GET', '/oncall/rotations'),
  createRotation: (input: Partial<TCreateRotation>) => request<TRotation>('POST', '/oncall/rotations', input),
  updateRotation: (id: string, change: TUpdateRotation) =>
    request<TRotation>('PATCH', `/oncall/rotations/${id}`, change),
  deleteRotation: (id: string) => request<void>('DELETE', `/oncall/rotations/${id}`),
  overrides: (rotationId: string) =>
    request<{ items: TOverride[] }>('GET', `/oncall/rotations/${rotationId}/overrides`),
  createOverride: (rotationId: string, input: Partial<TCreateOverride>) =>
    request<TOverride>('POST', `/oncall/rotations/${rotationId}/overrides`, input),
  deleteOverride: (id: string) => request<void>('DELETE', `/oncall/overrides/${id}`),
  now: () => request<TOnCallNow>('GET', '/oncall/now'),
  schedule: (from: string, to: string) =>
    request<TOnCallSchedule>('GET', `/oncall/schedule?${new URLSearchParams({ from, to })}`),
  teams: () => request<{ items: TTeam[] }>('GET', '/teams'),
};

export const canManage = (role: string) => role === 'manager' || role === 'admin';
