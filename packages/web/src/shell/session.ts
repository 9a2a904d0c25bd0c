import type { TUser } from '@hamkke/core';
import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api } from '../api.js';
import i18n from '../i18n.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export const ME = ['me'] as const;

/** The signed-in user, or null; the user's own language is applied on sign-in. */
export async function loadMe(): Promise<TUser | null> {
  try {
    return applyLocale(await api.me());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function applyLocale(user: TUser): TUser {
  if (i18n.language !== user.locale) void i18n.changeLanguage(user.locale);
  return user;
}

export function useMe() {
  return useQuery({ queryKey: ME, queryFn: loadMe, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user; only for pages under the signed-in layout. */
export function useUser(): TUser {
  const { data } = useMe();
  if (!data) throw new Error('useUser outside the signed-in layout');
  return data;
}

/** Forget the session (after sign-out, or when the API answers 401): the sign-in form shows. */
export function useSignedOut() {
  const client = useQueryClient();
  return useCallback(() => {
    client.setQueryData(ME, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME[0] });
  }, [client]);
}
