import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, send } from '../../app/api/client';
import type { Items } from '../../app/api/types';
import { planPath } from '../progress/progress.api';

/** Shapes of the voting answers (src/modules/voting/use-cases), as the console reads them. */
export type SessionState = 'draft' | 'open' | 'closed' | 'published';
export type BallotForm = 'electronic' | 'slip' | 'paper';

export interface Fraction {
  numerator: number;
  denominator: number;
  inclusive: boolean;
}

export interface RuleInput {
  method: 'approval' | 'ranking';
  maxYes?: number | null;
  /** A ballot with more 赞成 than maxYes: counted void (default) or not taken. */
  overfull?: 'void' | 'refuse';
  maxRanked?: number | null;
  quorum?: Fraction;
  threshold?: Fraction;
  thresholdBase?: 'roll' | 'present' | 'returned' | 'valid';
}

export interface SessionListItem {
  id: string;
  parentId: string | null;
  congress: string;
  sitting: string;
  title: string;
  state: SessionState;
  stateLabel: string;
  seats: number;
  candidates: number;
  createdAt: string;
  closedAt: string | null;
  publishedAt: string | null;
}

export interface ResultCandidate {
  candidateId: string;
  /** 票面序号 (1..N in ballot order): the number pages and documents show. */
  ballotNo: number;
  /** The draft's 序号. */
  seq: number;
  name: string;
  yes?: number;
  no?: number;
  abstain?: number;
  points?: number;
  ranked?: number;
  passed: boolean;
  outcome: 'elected' | 'not_elected' | 'tied' | 'no_result';
  outcomeLabel: string;
}

export interface CandidateRef {
  candidateId: string;
  ballotNo: number;
  seq: number;
  name: string;
}

export interface SessionResult {
  method: 'approval' | 'ranking';
  valid: boolean;
  invalidReasons: string[];
  roll: number;
  present: number;
  issued: number;
  returned: number;
  electronicBallots: number;
  paperBallots: number;
  validBallots: number;
  voidBallots: number;
  voided: { ballot: string; reason: string }[];
  seats: number;
  quorum: number;
  threshold: number;
  rule: string;
  candidates: ResultCandidate[];
  elected: CandidateRef[];
  tied: CandidateRef[];
  openSeats: number;
  chain: { count: number; head: string };
  talliedAt: string;
}

/** GET /api/voting-sessions/:id. */
export interface SessionView {
  id: string;
  region: string;
  year: number;
  parentId: string | null;
  congress: string;
  sitting: string;
  title: string;
  state: SessionState;
  stateLabel: string;
  seats: number;
  rule: Required<Omit<RuleInput, 'maxYes' | 'maxRanked' | 'overfull'>> & {
    maxYes: number | null;
    /** null for ranking ballots. */
    overfull: 'void' | 'refuse' | null;
    maxRanked: number | null;
  };
  ruleText: string[];
  candidates: { id: string; ballotNo: number; seq: number; name: string; field: string | null }[];
  counts: {
    roll: number;
    present: number;
    issued: number;
    returned: number;
    electronicBallots: number;
    paperBallots: number;
    checkedIn: Partial<Record<BallotForm, number>>;
    slipsIssued: number;
  };
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  result: SessionResult | null;
}

export interface RollDeputy {
  id: string;
  seq: number;
  name: string;
  delegation: string;
  checkedIn: boolean;
  form: BallotForm | null;
  checkedInAt: string | null;
}

export interface CheckInAnswer {
  deputyId: string;
  name: string;
  delegation: string;
  form: BallotForm;
  formLabel: string;
  checkedInAt: string;
  token: string | null;
}

export interface Mismatch {
  paperNo: string;
  first: { clerkName: string; row: number | null; enteredAt: string };
  second: { clerkName: string; row: number | null; enteredAt: string };
  cells: { candidateId: string; candidate: string; first: string; second: string }[];
  messages: string[];
}

export interface PaperStatus {
  counted: number;
  waiting: { paperNo: string; clerkName: string; row: number | null; enteredAt: string }[];
  mismatched: Mismatch[];
}

export interface PaperAnswer {
  entered: number;
  counted: string[];
  alreadyCounted: string[];
  waiting: string[];
  mismatched: Mismatch[];
}

export interface CandidateItem {
  id: string;
  seq: number;
  name: string;
  field: string | null;
  status: string;
  /** On the list that goes to the meetings and the vote (入围). */
  shortlisted: boolean;
}

export interface ElectedList {
  items: { candidateId: string; seq: number; name: string; sessionId: string; sessionTitle: string }[];
  pending: { sessionId: string; openSeats: number; tied: CandidateRef[] }[];
}

export const sessionPath = (id: string) => `/api/voting-sessions/${encodeURIComponent(id)}`;
export const resultUrl = (id: string, format: 'xlsx' | 'docx') =>
  `${sessionPath(id)}/result?format=${format}`;

export function useSessions(region: string, year: number) {
  return useQuery({
    queryKey: ['voting-sessions', region, year],
    queryFn: () => api.get<Items<SessionListItem>>(`${planPath(region, year)}/voting-sessions`),
    refetchOnMount: 'always',
  });
}

export function useCandidates(region: string, year: number) {
  return useQuery({
    queryKey: ['candidates', region, year],
    queryFn: () => api.get<Items<CandidateItem>>(`${planPath(region, year)}/candidates`),
  });
}

export function useElected(region: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: ['voting-elected', region, year],
    queryFn: () => api.get<ElectedList>(`${planPath(region, year)}/elected`),
    enabled,
  });
}

/** A session while it runs: counts move as deputies check in and vote. */
export function useVotingSession(id: string) {
  return useQuery({
    queryKey: ['voting-session', id],
    queryFn: () => api.get<SessionView>(sessionPath(id)),
    refetchOnMount: 'always',
    refetchInterval: (q) => (q.state.data?.state === 'open' ? 5_000 : false),
  });
}

export function useRoll(id: string) {
  return useQuery({
    queryKey: ['voting-roll', id],
    queryFn: () => api.get<Items<RollDeputy>>(`${sessionPath(id)}/roll`),
    refetchOnMount: 'always',
  });
}

export function usePaperStatus(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['voting-paper', id],
    queryFn: () => api.get<PaperStatus>(`${sessionPath(id)}/paper-entries`),
    enabled,
    refetchOnMount: 'always',
  });
}

/** Session actions; uploads go through the shared client as multipart. */
export function useVotingActions(id?: string) {
  const queryClient = useQueryClient();

  const upload = <T>(path: string, file: File): Promise<T> => {
    const form = new FormData();
    form.append('file', file);
    return send<T>('POST', path, form, false);
  };

  const refresh = useCallback(
    () =>
      Promise.all(
        [['voting-session'], ['voting-roll'], ['voting-paper'], ['voting-sessions'], ['voting-elected']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
    [queryClient],
  );

  const path = sessionPath(id ?? '');
  return {
    refresh,
    create: (region: string, year: number, body: unknown) =>
      api.post<SessionView>(`${planPath(region, year)}/voting-sessions`, body),
    importRoll: (file: File) =>
      upload<{ deputies: number; delegations: { name: string; deputies: number }[] }>(
        `${path}/roll/import`,
        file,
      ),
    update: (body: unknown) => api.patch<SessionView>(path, body),
    open: () => api.post<SessionView>(`${path}/open`),
    checkIn: (deputyId: string, form: BallotForm) =>
      api.post<CheckInAnswer>(`${path}/check-ins`, { deputyId, form }),
    slips: (count: number) => api.post<{ tokens: string[]; slipsIssued: number }>(`${path}/slips`, { count }),
    enterPaper: (entries: { paperNo: string; marks: Record<string, string> }[]) =>
      api.post<PaperAnswer>(`${path}/paper-entries`, { entries }),
    enterPaperSheet: (file: File) => upload<PaperAnswer>(`${path}/paper-entries/import`, file),
    close: () => api.post<SessionView>(`${path}/close`),
    publish: () => api.post<SessionView>(`${path}/publish`),
    followUp: () => api.post<SessionView>(`${path}/follow-up`),
    adopt: (region: string, year: number) =>
      api.post<{ adopted: string[]; elected: number }>(`${planPath(region, year)}/adopt-elected`),
  };
}
