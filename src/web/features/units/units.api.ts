import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { Items, Unit } from '../../app/api/types';

export interface UnitInput {
  regionCode: string;
  name: string;
  kind: string;
  shortName?: string | null;
}

export function useUnits(region?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['units', region ?? ''],
    queryFn: () => api.get<Items<Unit>>('/api/units', { region }),
    enabled: options.enabled ?? true,
  });
}

export function createUnit(input: UnitInput) {
  return api.post<Unit>('/api/units', input);
}

export function updateUnit(id: string, patch: Partial<Omit<UnitInput, 'regionCode'>>) {
  return api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, patch);
}
