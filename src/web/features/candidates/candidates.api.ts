import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CandidateDraftInput, ReviewInput } from '../../../modules/candidates/candidates.schemas';
import type { CandidateIndicatorKind } from '../../../modules/candidates/drafting.rules';
import type { ListState, ReviewDecision, ReviewMeeting } from '../../../modules/candidates/review.rules';
import type { Criterion } from '../../../modules/candidates/screening.rules';
import { api, send } from '../../app/api/client';
import type { Items, Unit } from '../../app/api/types';

/** Shapes of the candidate answers (src/modules/candidates/use-cases), as the console reads them. */
export type { CandidateDraftInput, CandidateIndicatorKind, Criterion, ListState, ReviewInput };

export interface CandidateItem {
  id: string;
  seq: number;
  name: string;
  field: string | null;
  annualTask: string;
  planText: string;
  units: { lead: string[]; partners: string[]; implementers: string[] };
  countyLeaders: string[];
  responsibleLeaders: string[];
  supervisingLeaders: string[];
  contacts: { name: string; phone: string | null }[];
  budget: string | null;
  remarks: string;
  milestones: { due: string; text: string; investment: string | null }[];
  indicators: { ref: string; name: string; unit?: string; kind: string; target?: number | string }[];
  needsReview: { column: string | null; message: string }[];
  status: 'draft' | 'listed' | 'elected' | string;
  leadUnitId: string | null;
  shortlisted: boolean;
  suggestionGroups: { id: string; label: string; suggestions: number }[];
  editable: boolean;
}

export interface CandidateList {
  state: ListState;
  stateLabel: string;
  items: CandidateItem[];
}

export interface ScreeningItem {
  id: string;
  seq: number;
  name: string;
  field: string | null;
  lead: string[];
  budget: string | null;
  status: string;
  shortlisted: boolean;
  scores: Record<string, number>;
  total: number | null;
  rank: number | null;
  tied: boolean;
}

export interface Screening {
  criteria: Criterion[];
  state: ListState;
  stateLabel: string;
  editable: boolean;
  shortlisted: number;
  items: ScreeningItem[];
}

export interface ReviewRecord {
  id: string;
  position: number;
  meeting: ReviewMeeting;
  meetingLabel: string;
  heldOn: string;
  decision: ReviewDecision;
  decisionLabel: string;
  note: string;
  listSize: number;
  recordedAt: string;
}

export interface Reviews {
  state: ListState;
  stateLabel: string;
  readyForVote: boolean;
  missing: string[];
  records: ReviewRecord[];
}

export interface SuggestionGroupOption {
  id: string;
  label: string;
  field: string | null;
  status: string;
  suggestions: number;
}

export interface ImportSummary {
  candidates: number;
  milestones: number;
  budget: string;
  needsReview: { row: number; column: string | null; message: string }[];
}

const base = (region: string, year: number) => `/api/plan-years/${region}/${year}/candidates`;
const KEY = ['candidates'] as const;

export function useCandidateList(region: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', region, year],
    queryFn: () => api.get<CandidateList>(base(region!, year!)),
    enabled: Boolean(region && year),
  });
}

export function useScreening(region: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'screening', region, year],
    queryFn: () => api.get<Screening>(`${base(region!, year!)}/screening`),
    enabled: Boolean(region && year),
  });
}

export function useReviews(region: string | undefined, year: number | undefined) {
  return useQuery({
    queryKey: [...KEY, 'reviews', region, year],
    queryFn: () => api.get<Reviews>(`${base(region!, year!)}/reviews`),
    enabled: Boolean(region && year),
  });
}

export function useSuggestionGroups(region: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'groups', region, year],
    queryFn: () => api.get<Items<SuggestionGroupOption>>(`${base(region, year)}/suggestion-groups`),
    enabled,
  });
}

export function useRegionUnits(region: string, enabled: boolean) {
  return useQuery({
    queryKey: ['units', region],
    queryFn: () => api.get<Items<Unit>>('/api/units', { region }),
    enabled,
  });
}

export function exportUrl(region: string, year: number, format: 'xlsx' | 'docx', scope: 'list' | 'all') {
  return `${base(region, year)}/export?format=${format}&scope=${scope}`;
}

/**
 * Candidate actions. Sent through the shared client: JSON posts, PUT, DELETE and the multipart upload.
 */
export function useCandidateActions(region: string, year: number) {
  const queryClient = useQueryClient();

  // The suggestions pages count candidates and their links (the funnel, the triage board): refreshed too.
  const refresh = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: KEY }),
        queryClient.invalidateQueries({ queryKey: ['suggestions'] }),
      ]),
    [queryClient],
  );
  const id = (candidateId: string) => `/api/candidates/${encodeURIComponent(candidateId)}`;

  return {
    refresh,
    create: (input: CandidateDraftInput) => api.post<CandidateItem>(base(region, year), input),
    update: (candidateId: string, input: Partial<CandidateDraftInput>) =>
      api.patch<CandidateItem>(id(candidateId), input),
    remove: (candidateId: string) => send<void>('DELETE', id(candidateId)),
    importTable: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return send<ImportSummary>('POST', `${base(region, year)}/import`, form, false);
    },
    setCriteria: (criteria: Criterion[]) =>
      send<Screening>('PUT', `${base(region, year)}/screening/criteria`, JSON.stringify({ criteria })),
    score: (candidateId: string, scores: Record<string, number | null>) =>
      send<Screening>('PUT', `${id(candidateId)}/scores`, JSON.stringify({ scores })),
    shortlist: (candidateId: string, shortlisted: boolean) =>
      send<Screening>('PUT', `${id(candidateId)}/shortlist`, JSON.stringify({ shortlisted })),
    review: (input: ReviewInput) => api.post<Reviews>(`${base(region, year)}/reviews`, input),
  };
}
