import { useQuery } from '@tanstack/react-query';
import { adminApi } from './api.js';

/** Every organization the caller may see (the admin lists, the pickers of the admin forms). */
export function useOrganizationList() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => (await adminApi.organizations()).items,
  });
}
