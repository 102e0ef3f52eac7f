import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ProjectEntryBody } from '../../../modules/progress/project-entry.schema';
import { api, send } from '../../app/api/client';
import type { Items, Unit } from '../../app/api/types';
import { type IndicatorKind, type Period, PROGRESS_KEYS, planPath, type Quantity } from './progress.api';

/** The body of POST …/projects and PUT /api/projects/:id (project-entry.schema.ts). */
export type { ProjectEntryBody };

/** GET /api/projects/:id/entry: the project as its edit form starts. */
export interface ProjectEntry {
  id: string;
  planYear: { regionCode: string; year: number; stage: string; period: Period; editable: boolean };
  source: string;
  ref: string;
  name: string;
  field: string | null;
  task: string | null;
  planText: string | null;
  leadUnitIds: string[];
  partnerUnitIds: string[];
  leaders: { role: string; name: string; phone?: string }[];
  budget: string | null;
  indicators: {
    ref: string;
    name: string;
    unit: string | null;
    kind: IndicatorKind;
    target: Quantity | null;
    /** Has reports or allocations: it stays, and keeps its kind. */
    inUse: boolean;
  }[];
  milestones: {
    due: string;
    text: string | null;
    planned: Record<string, Quantity>;
    investment: string | null;
  }[];
}

export function useProjectEntry(id: string | undefined) {
  return useQuery({
    queryKey: ['project-entry', id],
    queryFn: () => api.get<ProjectEntry>(`/api/projects/${encodeURIComponent(id!)}/entry`),
    enabled: Boolean(id),
    refetchOnMount: 'always',
  });
}

/** The units of a region and its townships: the lead and partner units to choose from. */
export function useUnitsOf(region: string | undefined) {
  return useQuery({
    queryKey: ['units', region],
    queryFn: () => api.get<Items<Unit>>('/api/units', { region }),
    enabled: Boolean(region),
  });
}

export function useProjectEntryActions() {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () =>
      Promise.all(
        [...PROGRESS_KEYS, ['project-entry']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
    [queryClient],
  );
  return {
    refresh,
    create: (region: string, year: number, body: ProjectEntryBody) =>
      api.post<{ id: string; ref: string }>(`${planPath(region, year)}/projects`, body),
    update: (id: string, body: ProjectEntryBody) =>
      send<{ id: string; ref: string }>(
        'PUT',
        `/api/projects/${encodeURIComponent(id)}`,
        JSON.stringify(body),
      ),
  };
}
