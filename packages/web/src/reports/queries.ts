import type { TDashboardFigure } from '@hamkke/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../api.js';
import { reportsApi, type TDashboardFilter } from './api.js';

/** One dashboard figure for the filters; the previous figures stay on screen while new ones load. */
export function useFigure<F extends TDashboardFigure>(figure: F, filter: TDashboardFilter) {
  return useQuery({
    queryKey: ['dashboard', figure, filter],
    queryFn: () => reportsApi.figure(figure, filter),
    placeholderData: keepPreviousData,
  });
}

/** The customers and teams for the pickers. */
export function usePickerData() {
  const organizations = useQuery({
    queryKey: ['organizations'],
    queryFn: async () =>
      (await request<{ items: { id: string; name: string; code: string }[] }>('GET', '/organizations')).items,
  });
  const teams = useQuery({
    queryKey: ['teams'],
    queryFn: async () => (await request<{ items: { id: string; name: string }[] }>('GET', '/teams')).items,
  });
  return { organizations: organizations.data ?? [], teams: teams.data ?? [] };
}
