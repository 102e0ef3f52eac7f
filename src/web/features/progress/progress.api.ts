import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { IndicatorKind } from '../../../modules/progress/indicator.rules';
import type { Quantity } from '../../../modules/progress/quantity.rules';
import type { ReportStatus } from '../../../modules/progress/reporting.rules';
import { api, send } from '../../app/api/client';
import type { Items } from '../../app/api/types';

/** Shapes of the progress answers (src/modules/progress/use-cases), as the console reads them. */
export type { IndicatorKind, Quantity, ReportStatus };

export type ProjectStatus = 'completed' | 'ahead' | 'on-track' | 'lagging' | 'severely-lagging';
export type CompletedAs = 'exceeded' | 'coverage' | 'entitlement' | 'met';
export type Light = 'green' | 'yellow' | 'orange' | 'red' | 'blue';

export interface Period {
  start: string;
  end: string;
}

/** GET /api/plan-years. */
export interface PlanYearItem {
  id: string;
  regionCode: string;
  regionName: string | null;
  year: number;
  title: string | null;
  stage: string;
  stageLabel: string;
  periodStart: string;
  periodEnd: string;
  /** Simulated figures (演示数据), when the demo seed says so. */
  demo?: boolean;
}

export interface OverviewProject {
  id: string;
  ref: string;
  name: string;
  field: string | null;
  leadUnits: string[];
  budget: string | null;
  status: ProjectStatus;
  completedAs: CompletedAs | null;
  completion: number;
  planned: number | null;
  light: Light;
  missingReports: number;
  lateReports: number;
  indicators: { ref: string; value: Quantity; target: Quantity | null; completion: number }[];
}

/** GET /api/plan-years/:region/:year/overview. */
export interface Overview {
  planYear: {
    id: string;
    regionCode: string;
    year: number;
    title: string | null;
    stage: string;
    period: Period;
    reportingDay: number;
    demo?: boolean;
  };
  region: string;
  year: number;
  asOf: string;
  elapsed: number;
  total: number;
  completed: number;
  inProgress: number;
  lagging: number;
  completedBy: Record<CompletedAs, number>;
  projects: OverviewProject[];
}

export interface RollupChild {
  region: string;
  regionName: string;
  target: Quantity | null;
  value: Quantity | null;
  eligible: number | null;
  reportedOn: string | null;
}

export interface RollupIndicator {
  projectId: string;
  projectRef: string;
  projectName: string;
  ref: string;
  name: string;
  unit: string | null;
  kind: IndicatorKind;
  rollup: {
    value: Quantity;
    target: Quantity | null;
    eligible: number | null;
    completion: number;
    done: boolean;
    reported: string[];
    notReported: string[];
  };
  /** Only when this indicator was asked for (?project=…&ref=…): the drill down. */
  children?: RollupChild[];
}

/** GET /api/plan-years/:region/:year/rollup. */
export interface Rollup {
  regionCode: string;
  year: number;
  asOf: string;
  /** Sub-region names by code. */
  regions: Record<string, string>;
  indicators: RollupIndicator[];
}

export interface PlanIndicator {
  ref: string;
  name: string;
  unit?: string;
  kind: IndicatorKind;
  target?: Quantity;
}

export interface PlanMilestone {
  due: string;
  text?: string;
  planned: Record<string, Quantity>;
  investment?: string;
}

export interface AssessedIndicator {
  ref: string;
  kind: IndicatorKind;
  value: Quantity;
  target: Quantity | null;
  completion: number;
  done: boolean;
  exceeded: boolean;
  planned: number | null;
  reportedOn: string | null;
}

/** GET /api/projects/:id. */
export interface ProjectDetail {
  id: string;
  planYear: {
    regionCode: string;
    regionName: string;
    year: number;
    period: Period;
    stage?: string;
    demo?: boolean;
  };
  project: {
    ref: string;
    name: string;
    field?: string;
    task?: string;
    planText?: string;
    leadUnits: string[];
    partnerUnits: string[];
    leaders: { role: string; name: string; phone?: string }[];
    budget?: string;
    indicators: PlanIndicator[];
    milestones: PlanMilestone[];
    allocations: { region: string; indicator: string; target?: Quantity }[];
  };
  /** Names of the sub-regions its targets were split to. */
  regionNames: Record<string, string>;
  assessment: {
    status: ProjectStatus;
    completedAs: CompletedAs | null;
    completion: number;
    planned: number | null;
    gap: number;
    light: Light;
    indicators: AssessedIndicator[];
    latestReport?: { asOf: string; investment?: string; fundsArrived?: string } | null;
  };
  elapsed: number;
  asOf: string;
  series: {
    asOf: string;
    elapsed: number;
    completion: number;
    indicators: { ref: string; completion: number; planned: number | null; value: Quantity }[];
  }[];
}

export interface Photo {
  id: string;
  url: string;
  contentType: string;
  size: number;
}

export interface ReportItem {
  id: string;
  projectId: string;
  regionCode: string;
  asOf: string;
  version: number;
  status: ReportStatus;
  values: Record<string, Quantity>;
  eligible: Record<string, number>;
  investment: string | null;
  fundsArrived: string | null;
  progressText: string | null;
  problemsText: string | null;
  nextText: string | null;
  explanations: Record<string, string>;
  unitName: string | null;
  authorName: string | null;
  authorId: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  correctionReason: string | null;
  supersedes: string | null;
  source?: string;
  current: boolean;
  photos: Photo[];
}

/** GET /api/projects/:id/reports. */
export interface ProjectReports {
  project: {
    id: string;
    ref: string;
    name: string;
    regionCode: string;
    indicators: {
      id: string;
      ref: string;
      name: string;
      unit: string | null;
      kind: IndicatorKind;
      target: Quantity | null;
    }[];
  };
  items: ReportItem[];
}

/** GET /api/approvals. */
export interface ApprovalItem {
  id: string;
  projectId: string;
  projectName: string;
  projectRef: string;
  asOf: string;
  version: number;
  unitName: string | null;
  authorName: string | null;
  submittedAt: string | null;
  regionCode: string;
  correctionReason: string | null;
}

/** The body of POST /api/projects/:id/reports and PUT /api/reports/:id. */
export interface ReportInput {
  regionCode?: string;
  asOf: string;
  values: Record<string, Quantity>;
  eligible: Record<string, number>;
  explanations: Record<string, string>;
  investment?: string | null;
  fundsArrived?: string | null;
  progressText?: string | null;
  problemsText?: string | null;
  nextText?: string | null;
}

export const planPath = (region: string, year: number | string) =>
  `/api/plan-years/${encodeURIComponent(region)}/${encodeURIComponent(String(year))}`;

export function bulletinUrl(region: string, year: number, asOf: string, format: 'md' | 'docx' | 'xlsx') {
  return `${planPath(region, year)}/bulletin?${new URLSearchParams({ asOf, format })}`;
}

export function usePlanYearList() {
  return useQuery({
    queryKey: ['plan-years'],
    queryFn: () => api.get<Items<PlanYearItem>>('/api/plan-years'),
  });
}

export function useOverview(region: string, year: number, asOf?: string) {
  return useQuery({
    queryKey: ['overview', region, year, asOf ?? ''],
    queryFn: () => api.get<Overview>(`${planPath(region, year)}/overview`, { asOf }),
    refetchOnMount: 'always',
    placeholderData: (previous) => previous,
  });
}

export function useRollup(region: string, year: number, asOf?: string) {
  return useQuery({
    queryKey: ['rollup', region, year, asOf ?? ''],
    queryFn: () => api.get<Rollup>(`${planPath(region, year)}/rollup`, { asOf }),
    placeholderData: (previous) => previous,
  });
}

/** One split indicator with its sub-regions' figures, fetched when its card is opened. */
export function useRollupChildren(
  region: string,
  year: number,
  asOf: string,
  indicator: { projectId: string; ref: string },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['rollup', region, year, asOf, indicator.projectId, indicator.ref],
    queryFn: () =>
      api.get<Rollup>(`${planPath(region, year)}/rollup`, {
        asOf,
        project: indicator.projectId,
        ref: indicator.ref,
      }),
    enabled,
    select: (data) => data.indicators[0]?.children ?? [],
  });
}

export function useProject(id: string, asOf?: string) {
  return useQuery({
    queryKey: ['project', id, asOf ?? ''],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}`, { asOf }),
    refetchOnMount: 'always',
  });
}

export function useProjectReports(id: string) {
  return useQuery({
    queryKey: ['project-reports', id],
    queryFn: () => api.get<ProjectReports>(`/api/projects/${encodeURIComponent(id)}/reports`),
    refetchOnMount: 'always',
  });
}

export function useApprovals(enabled = true) {
  return useQuery({
    queryKey: ['approvals'],
    queryFn: () => api.get<Items<ApprovalItem>>('/api/approvals'),
    enabled,
    // Others submit and decide meanwhile: a queue is asked again each time it is opened.
    refetchOnMount: 'always',
    refetchOnWindowFocus: true,
    refetchInterval: 60_000,
  });
}

/** Everything that shows figures: after a report changes state, all of it is asked again. */
export const PROGRESS_KEYS = [['overview'], ['rollup'], ['project'], ['project-reports'], ['approvals']];

/**
 * Report actions. Sent through the shared client: JSON posts, PUT, DELETE and the multipart photo upload.
 */
export function useReportActions() {
  const queryClient = useQueryClient();

  const refresh = useCallback(
    () => Promise.all(PROGRESS_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
    [queryClient],
  );

  return {
    refresh,
    create: (projectId: string, input: ReportInput) =>
      api.post<ReportItem>(`/api/projects/${encodeURIComponent(projectId)}/reports`, input),
    update: (reportId: string, input: ReportInput) =>
      send<ReportItem>('PUT', `/api/reports/${encodeURIComponent(reportId)}`, JSON.stringify(input)),
    submit: (reportId: string) => api.post<ReportItem>(`/api/reports/${encodeURIComponent(reportId)}/submit`),
    approve: (reportId: string) =>
      api.post<ReportItem>(`/api/reports/${encodeURIComponent(reportId)}/approve`),
    returnReport: (reportId: string, reason: string) =>
      api.post<ReportItem>(`/api/reports/${encodeURIComponent(reportId)}/return`, { reason }),
    correct: (reportId: string, reason: string) =>
      api.post<ReportItem>(`/api/reports/${encodeURIComponent(reportId)}/correct`, { reason }),
    uploadPhoto: (reportId: string, file: File) => {
      const form = new FormData();
      form.append('photo', file);
      return send<Photo>('POST', `/api/reports/${encodeURIComponent(reportId)}/photos`, form, false);
    },
    deletePhoto: (photoId: string) => send<void>('DELETE', `/api/photos/${encodeURIComponent(photoId)}`),
  };
}
