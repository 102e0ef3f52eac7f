import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Channel } from '../../../modules/suggestions/suggestion-sheet.rules';
import type { GroupStatus, PublicStatus, Verdict } from '../../../modules/suggestions/triage.rules';
import { ApiError, api, send } from '../../app/api/client';
import { useSession } from '../../app/auth/session';

/** Shapes of the suggestions answers (src/modules/suggestions/use-cases), as the console reads them. */
export type { Channel, GroupStatus, PublicStatus, Verdict };

export interface WindowView {
  opensOn: string;
  closesOn: string;
  days: number;
  notice: string | null;
  state: 'upcoming' | 'open' | 'closed';
}

export interface Member {
  id: string;
  trackingCode: string;
  externalRef: string | null;
  channel: Channel;
  channelLabel: string;
  text: string;
  submittedAt: string;
  residentName: string | null;
  phone: string | null;
  field: string | null;
  photos: string[];
}

export interface SuggestionItem extends Member {
  groupId: string | null;
  groupLabel: string | null;
  unitName: string | null;
  status: PublicStatus;
  statusLabel: string;
}

export interface Answer {
  id: string;
  version: number;
  verdict: Verdict;
  verdictLabel: string;
  reason: string;
  unitName: string | null;
  answeredAt: string;
}

export interface Group {
  id: string;
  label: string;
  field: string | null;
  unitId: string | null;
  unitName: string | null;
  status: GroupStatus;
  statusLabel: string;
  edited: boolean;
  updatedAt: string;
  members: Member[];
  answer: Answer | null;
  answers: Answer[];
  candidates: { id: string; seq: number; name: string; status: string }[];
  mayAnswer: boolean;
}

export interface Board {
  region: string;
  regionName: string;
  year: number;
  mayManage: boolean;
  ungrouped: number;
  units: { id: string; name: string; regionCode: string }[];
  groups: Group[];
}

export interface Funnel {
  suggestions: number;
  grouped: number;
  groups: number;
  answered: number;
  candidates: number;
  /** Candidates shortlisted for the vote (0 when the list was imported as it stood). */
  shortlisted: number;
  linkedCandidates: number;
  elected: number;
  projects: number;
  suggestionsInCandidates: number;
  suggestionsInElected: number;
}

const base = (plan: string) => `/api/plan-years/${plan}`;

export function useWindow(plan: string | undefined) {
  return useQuery({
    queryKey: ['suggestions', plan, 'window'],
    enabled: Boolean(plan),
    queryFn: () => api.get<{ window: WindowView | null; mayManage: boolean }>(`${base(plan!)}/solicitation`),
  });
}

export function useSuggestionList(plan: string | undefined, query: Record<string, string | number>) {
  return useQuery({
    queryKey: ['suggestions', plan, 'list', query],
    enabled: Boolean(plan),
    queryFn: () =>
      api.get<{ total: number; mayManage: boolean; items: SuggestionItem[] }>(
        `${base(plan!)}/suggestions`,
        query,
      ),
  });
}

export function useBoard(plan: string | undefined, unit?: string) {
  return useQuery({
    queryKey: ['suggestions', plan, 'groups', unit],
    enabled: Boolean(plan),
    queryFn: () => api.get<Board>(`${base(plan!)}/suggestion-groups`, { unit }),
  });
}

export function useFunnel(plan: string | undefined) {
  return useQuery({
    queryKey: ['suggestions', plan, 'funnel'],
    enabled: Boolean(plan),
    queryFn: () => api.get<Funnel>(`${base(plan!)}/suggestion-funnel`),
  });
}

/**
 * Every write of the suggestions pages. The import is a multipart upload whose progress the page shows,
 * which fetch cannot report: it alone uses XMLHttpRequest.
 */
export function useSuggestionActions(plan: string | undefined) {
  const session = useSession();
  const queryClient = useQueryClient();
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: ['suggestions', plan] }),
    [queryClient, plan],
  );
  const put = <T>(path: string, body: unknown) => send<T>('PUT', path, JSON.stringify(body));
  const upload = (file: File, onProgress: (percent: number) => void) =>
    new Promise<{ rows: number; added: number; updated: number }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base(plan!)}/suggestions/import`);
      xhr.setRequestHeader('x-csrf-token', session.csrfToken);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
      xhr.onerror = () =>
        reject(new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' }));
      xhr.onload = () => {
        const body = (() => {
          try {
            return JSON.parse(xhr.responseText);
          } catch {
            return null;
          }
        })();
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else
          reject(
            new ApiError(
              xhr.status,
              body?.error ?? { code: 'HTTP_ERROR', message: `导入失败（${xhr.status}）` },
            ),
          );
      };
      const form = new FormData();
      form.append('file', file);
      xhr.send(form);
    });
  return {
    refresh,
    setWindow: (input: { opensOn: string; closesOn: string; notice?: string | null }) =>
      put<{ window: WindowView }>(`${base(plan!)}/solicitation`, input),
    add: (input: Record<string, unknown>) =>
      api.post<{ trackingCode: string }>(`${base(plan!)}/suggestions`, input),
    upload,
    autoGroup: () => api.post<{ groups: number; created: number }>(`${base(plan!)}/suggestion-groups/auto`),
    route: (groupId: string, input: { unitId: string; field?: string | null; label?: string | null }) =>
      api.post(`/api/suggestion-groups/${groupId}/route`, input),
    merge: (targetId: string, from: string) =>
      api.post<{ moved: number }>(`/api/suggestion-groups/${targetId}/merge`, { from }),
    split: (suggestionId: string) => api.post(`/api/suggestions/${suggestionId}/split`),
    answer: (groupId: string, input: { verdict: Verdict; reason: string }) =>
      api.post(`/api/suggestion-groups/${groupId}/answers`, input),
  };
}
