import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/client';
import { type Light, type PlanYearItem, type ProjectStatus, planPath } from '../progress/progress.api';

export type Stage = 'awaiting_ack' | 'awaiting_measures' | 'in_progress' | 'awaiting_review' | 'closed';
export type StepKind =
  | 'issued'
  | 'acknowledged'
  | 'measures'
  | 'resolution'
  | 'returned'
  | 'closed'
  | 'reminded';
export type Gravity = 'ordinary' | 'major';
export type Grade = '优秀' | '良好' | '合格' | '不合格';

export interface Milestone {
  key: 'acknowledge' | 'measures' | 'resolve' | 'review';
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  late: boolean;
}

/** One order as GET /api/plan-years/:region/:year/supervision and /api/supervision/:id give it. */
export interface Order {
  id: string;
  number: string;
  serial: number;
  regionCode: string;
  regionName: string;
  year: number;
  project: { id: string; ref: string; name: string };
  unit: { id: string; name: string };
  gravity: Gravity;
  gravityLabel: string;
  reason: string;
  requirement: string | null;
  inspectionId: string | null;
  issuedAt: string;
  issuedOn: string;
  stage: Stage;
  stageLabel: string;
  deadlines: { acknowledge: string; measures: string; resolve: string };
  dueOn: string | null;
  overdueDays: number;
  escalation: { level: number; label: string } | null;
  rounds: number;
  grade: Grade | null;
  closedOn: string | null;
  reminders: number;
  milestones: Milestone[];
  actions: StepKind[];
}

export interface OrderStep {
  kind: StepKind;
  label: string;
  takenOn: string;
  at: string;
  actorName: string;
  text: string | null;
  grade: Grade | null;
  dueOn: string | null;
}

export interface OrderDetail extends Order {
  history: OrderStep[];
}

export interface BoardProject {
  id: string;
  ref: string;
  name: string;
  status: ProjectStatus;
  light: Light;
  completion: number;
  planned: number | null;
  units: Array<{ id: string; name: string; role: 'lead' | 'partner' }>;
  underOrder: boolean;
  reason: string;
}

export interface Board {
  planYear: { id: string; regionCode: string; year: number; title: string | null; demo: boolean };
  asOf: string;
  elapsed: number;
  today: string;
  mayIssue: boolean;
  totals: {
    total: number;
    open: number;
    overdue: number;
    escalated: number;
    awaitingReview: number;
    closed: number;
    closedOnTime: number;
    returned: number;
    grades: Record<Grade, number>;
  };
  orders: Order[];
  lagging: string[];
  projects: BoardProject[];
}

export interface IssueInput {
  projectId: string;
  unitId: string;
  gravity: Gravity;
  reason: string;
  requirement?: string;
  inspectionId?: string;
}

export interface StepInput {
  text?: string;
  grade?: Grade;
  dueOn?: string;
}

/** The URL of each step a user may take (supervision.routes.ts). */
export const STEP_PATHS: Partial<Record<StepKind, string>> = {
  acknowledged: 'acknowledge',
  measures: 'measures',
  resolution: 'resolution',
  returned: 'return',
  closed: 'close',
  reminded: 'remind',
};

export const STAGE_COLORS: Record<Stage, string> = {
  awaiting_ack: 'orange',
  awaiting_measures: 'gold',
  in_progress: 'blue',
  awaiting_review: 'purple',
  closed: 'green',
};

export const GRADE_COLORS: Record<Grade, string> = {
  优秀: 'green',
  良好: 'cyan',
  合格: 'blue',
  不合格: 'red',
};

/** Plan years being implemented or past it come first: they are the ones with projects to supervise. */
export function defaultPlanYear<T extends Pick<PlanYearItem, 'stage'>>(items: readonly T[]): T | undefined {
  return items.find((p) => ['implement', 'evaluate', 'closed'].includes(p.stage)) ?? items[0];
}

export function useBoard(key: string | undefined) {
  const [region, year] = (key ?? '/').split('/');
  return useQuery({
    queryKey: ['supervision', key],
    queryFn: () => api.get<Board>(`${planPath(region!, year!)}/supervision`),
    enabled: Boolean(key),
    refetchOnMount: 'always',
  });
}

export function useOrder(id: string | null) {
  return useQuery({
    queryKey: ['supervision-order', id],
    queryFn: () => api.get<OrderDetail>(`/api/supervision/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchOnMount: 'always',
  });
}

export function useEscalated() {
  return useQuery({
    queryKey: ['supervision-escalated'],
    queryFn: () => api.get<{ today: string; items: Order[] }>('/api/supervision/escalated'),
  });
}

/** Issuing and every step: each answer is the order as it now stands, and the lists are asked again. */
export function useSupervisionActions() {
  const queryClient = useQueryClient();
  const refresh = (order: OrderDetail) => {
    queryClient.setQueryData(['supervision-order', order.id], order);
    void queryClient.invalidateQueries({ queryKey: ['supervision'] });
    void queryClient.invalidateQueries({ queryKey: ['supervision-escalated'] });
  };
  const issue = useMutation({
    mutationFn: ({ key, input }: { key: string; input: IssueInput }) => {
      const [region, year] = key.split('/');
      return api.post<OrderDetail>(`${planPath(region!, year!)}/supervision`, input);
    },
    onSuccess: refresh,
  });
  const step = useMutation({
    mutationFn: ({ id, kind, input }: { id: string; kind: StepKind; input: StepInput }) =>
      api.post<OrderDetail>(`/api/supervision/${encodeURIComponent(id)}/${STEP_PATHS[kind]}`, input),
    onSuccess: refresh,
  });
  return { issue, step };
}

/** The open orders waiting on this user, across their plan years (the workbench's 督办待办). */
export function useOrdersAwaitingMe(enabled = true) {
  return useQuery({
    queryKey: ['supervision', 'mine'],
    queryFn: () => api.get<{ today: string; items: Order[] }>('/api/supervision/mine'),
    enabled,
    refetchOnMount: 'always',
  });
}

/** One project's orders, for its page. */
export function useProjectOrders(projectId: string) {
  return useQuery({
    queryKey: ['supervision', 'project', projectId],
    queryFn: () =>
      api.get<{ mayIssue: boolean; items: Order[] }>(
        `/api/projects/${encodeURIComponent(projectId)}/supervision`,
      ),
    refetchOnMount: 'always',
  });
}

export interface Inspection {
  id: string;
  deputyName: string;
  visitedOn: string;
  text: string;
  at: string;
  orders: Array<{ id: string; number: string }>;
}

export interface ProjectInspections {
  mayInspect: boolean;
  mayIssue: boolean;
  items: Inspection[];
}

/** 代表视察意见 of a project, and a deputy's new one. */
export function useProjectInspections(projectId: string | null) {
  return useQuery({
    queryKey: ['supervision', 'inspections', projectId],
    queryFn: () => api.get<ProjectInspections>(`/api/projects/${encodeURIComponent(projectId!)}/inspections`),
    enabled: Boolean(projectId),
    refetchOnMount: 'always',
  });
}

export function useRecordInspection(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { visitedOn: string; text: string }) =>
      api.post<ProjectInspections>(`/api/projects/${encodeURIComponent(projectId)}/inspections`, input),
    onSuccess: (data) => queryClient.setQueryData(['supervision', 'inspections', projectId], data),
  });
}

/** The reason an order made from an inspection starts from. */
export function inspectionReason(i: Pick<Inspection, 'deputyName' | 'visitedOn' | 'text'>): string {
  return `人大代表视察意见（${i.deputyName}，${i.visitedOn}）：${i.text}`;
}
