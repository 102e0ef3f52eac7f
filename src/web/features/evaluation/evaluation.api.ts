import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { EvaluationCounts, EvaluationVerdict } from '../../../modules/evaluation/evaluation.rules';
import type { SurveySummary } from '../../../modules/evaluation/survey.rules';
import { api, send } from '../../app/api/client';
import type { Items } from '../../app/api/types';

/** Shapes of the evaluation answers (src/modules/evaluation/use-cases), as the console reads them. */
export type { EvaluationCounts, EvaluationVerdict, SurveySummary };

export interface SessionItem {
  id: string;
  title: string;
  state: 'draft' | 'open' | 'closed';
  stateLabel: string;
  projects: number;
  createdAt: string;
  closedAt: string | null;
}

export interface ProjectResult {
  projectId: string;
  seq: number;
  name: string;
  counts: EvaluationCounts;
  raters: number;
  verdict: EvaluationVerdict;
}

export interface SessionDetail {
  id: string;
  region: string;
  year: number;
  title: string;
  state: SessionItem['state'];
  stateLabel: string;
  ruleText: string;
  projects: Array<{ id: string; seq: number; name: string }>;
  counts: { roll: number; present: number; returned: number };
  result: null | {
    roll: number;
    present: number;
    returned: number;
    valid: boolean;
    invalidReason: string | null;
    projects: ProjectResult[];
    chain: { count: number; head: string };
  };
}

export interface RollItem {
  id: string;
  seq: number;
  name: string;
  delegation: string;
  checkedIn: boolean;
  checkedInAt: string | null;
}

export interface RegionResults {
  regionCode: string;
  regionName: string;
  planTitle: string | null;
  session: { id: string; title: string; ruleText: string; roll: number; returned: number } | null;
  verdicts: { deputies: Record<string, number>; survey: Record<string, number> };
  surveyAnswers: number;
  projects: Array<{
    projectId: string;
    seq: number;
    name: string;
    deputies: ProjectResult | null;
    survey: SurveySummary;
  }>;
}

export interface Comment {
  id: string;
  rating: EvaluationVerdict;
  comment: string;
  phoneMasked: string | null;
  createdAt: string;
}

const planPath = (region: string, year: number) => `/api/plan-years/${encodeURIComponent(region)}/${year}`;
const KEYS = [['evaluation-sessions'], ['evaluation-session'], ['evaluation-roll'], ['evaluation-results']];

export function useSessionList(region: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ['evaluation-sessions', region, year],
    queryFn: () => api.get<Items<SessionItem>>(`${planPath(region!, year!)}/evaluation-sessions`),
    enabled: Boolean(region && year),
  });
}

export function useSessionDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['evaluation-session', id],
    queryFn: () => api.get<SessionDetail>(`/api/evaluation-sessions/${id}`),
    enabled: Boolean(id),
    // While deputies rate, the desk watches the ballots come in.
    refetchInterval: (query) => (query.state.data?.state === 'open' ? 5000 : false),
  });
}

export function useRoll(id: string | undefined) {
  return useQuery({
    queryKey: ['evaluation-roll', id],
    queryFn: () => api.get<Items<RollItem>>(`/api/evaluation-sessions/${id}/roll`),
    enabled: Boolean(id),
  });
}

export function useResults(region: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: ['evaluation-results', region, year],
    queryFn: () => api.get<{ regions: RegionResults[] }>('/api/evaluation/results', { region, year }),
    enabled: Boolean(region && year),
  });
}

export function useComments(projectId: string | undefined) {
  return useQuery({
    queryKey: ['evaluation-comments', projectId],
    queryFn: () => api.get<{ items: Comment[] }>(`/api/projects/${projectId}/survey-comments`),
    enabled: Boolean(projectId),
  });
}

/**
 * Session actions, through the shared client (the roll is a PUT or a multipart upload).
 */
export function useEvaluationActions() {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => Promise.all(KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    [queryClient],
  );
  const after =
    <A extends unknown[], T>(work: (...args: A) => Promise<T>) =>
    async (...args: A) => {
      const result = await work(...args);
      await refresh();
      return result;
    };
  return {
    create: after((region: string, year: number) =>
      api.post<SessionDetail>(`${planPath(region, year)}/evaluation-sessions`, {}),
    ),
    setRoll: after((id: string, deputies: Array<{ name: string; delegation: string }>) =>
      send<{ deputies: number }>(
        'PUT',
        `/api/evaluation-sessions/${id}/roll`,
        JSON.stringify({ deputies }),
        true,
      ),
    ),
    importRoll: after((id: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return send<{ deputies: number }>('POST', `/api/evaluation-sessions/${id}/roll/import`, form, false);
    }),
    open: after((id: string) => api.post<SessionDetail>(`/api/evaluation-sessions/${id}/open`)),
    checkIn: after((id: string, deputyId: string) =>
      api.post<{ name: string; delegation: string; token: string }>(
        `/api/evaluation-sessions/${id}/check-ins`,
        {
          deputyId,
        },
      ),
    ),
    issueCodes: (region: string, year: number, count: number) =>
      api.post<{ codes: string[] }>(`${planPath(region, year)}/survey-codes`, { count }),
    close: after((id: string) => api.post<SessionDetail['result']>(`/api/evaluation-sessions/${id}/close`)),
  };
}
