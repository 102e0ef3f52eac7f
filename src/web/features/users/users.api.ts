import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { Items, Role, UserRow } from '../../app/api/types';

export interface GrantInput {
  role: Role;
  regionCode: string;
  unitId?: string | null;
}

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  grants: GrantInput[];
}

export interface UserPatch {
  displayName?: string;
  phone?: string | null;
  active?: boolean;
  password?: string;
  grants?: GrantInput[];
  unlock?: boolean;
}

export const USERS_KEY = ['users'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_KEY, queryFn: () => api.get<Items<UserRow>>('/api/users') });
}

export function createUser(input: NewUserInput) {
  return api.post<{ id: string; username: string }>('/api/users', input);
}

export function updateUser(id: string, patch: UserPatch) {
  return api.patch<{ id: string }>(`/api/users/${encodeURIComponent(id)}`, patch);
}
