import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { Action, Session } from '../api/types';

export const SESSION_KEY = ['session'] as const;

/** null means "nobody is signed in": a normal state, not an error. */
async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** Inside the signed-in part of the app (below RequireAuth) the session is always there. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession used outside RequireAuth');
  return data;
}

export function useCan(): (action: Action) => boolean {
  const { data } = useSessionQuery();
  return useCallback((action: Action) => Boolean(data?.permissions.includes(action)), [data]);
}

export function useSessionActions() {
  const queryClient = useQueryClient();
  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<Session>('/api/auth/login', { username, password });
      setCsrfToken(session.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, session);
      return session;
    },
    [queryClient],
  );
  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken('');
      // Drop every cached answer: the next person on this computer must not see them.
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    }
  }, [queryClient]);
  return { login, logout };
}
