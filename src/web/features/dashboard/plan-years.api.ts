import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import type { Items, PlanYear } from '../../app/api/types';

export function usePlanYears() {
  return useQuery({ queryKey: ['plan-years'], queryFn: () => api.get<Items<PlanYear>>('/api/plan-years') });
}
