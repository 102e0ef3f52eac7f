/**
 * 会议研究: the 政府常务会 studies the candidate list first, then the 党委常委会. Each meeting's record
 * has a date, a decision and a note; records are never changed, a meeting that sends the list back
 * is followed by new records. The list may go to the deputies' vote only once both have approved,
 * in that order.
 */
export const REVIEW_MEETINGS = ['government', 'party'] as const;
export type ReviewMeeting = (typeof REVIEW_MEETINGS)[number];
export const REVIEW_MEETING_LABELS: Record<ReviewMeeting, string> = {
  government: '政府常务会',
  party: '党委常委会',
};

export const REVIEW_DECISIONS = ['approved', 'approved_with_changes', 'rejected'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  approved: '通过',
  approved_with_changes: '修改后通过',
  rejected: '不通过',
};

/**
 * draft: departments and the coordinator still work on the list (nothing approved, or sent back);
 * government_approved: awaiting the 党委常委会; approved: may go to the vote.
 */
export type ListState = 'draft' | 'government_approved' | 'approved';
export const LIST_STATE_LABELS: Record<ListState, string> = {
  draft: '编制中',
  government_approved: '政府常务会已通过，待党委常委会研究',
  approved: '已审定，可提交人大代表票决',
};

export interface ReviewRecord {
  readonly meeting: ReviewMeeting;
  /** 'YYYY-MM-DD' */
  readonly heldOn: string;
  readonly decision: ReviewDecision;
}

export const isApproval = (d: ReviewDecision) => d !== 'rejected';

/** The state of the list after its records, in the order they were entered. */
export function listState(records: readonly ReviewRecord[]): ListState {
  let state: ListState = 'draft';
  for (const r of records) {
    if (!isApproval(r.decision)) state = 'draft';
    else if (r.meeting === 'government') state = 'government_approved';
    else if (state === 'government_approved') state = 'approved';
  }
  return state;
}

/** The government approval the current state rests on (the latest one), if any. */
function currentGovernmentApproval(records: readonly ReviewRecord[]): ReviewRecord | null {
  let found: ReviewRecord | null = null;
  for (const r of records) {
    if (!isApproval(r.decision)) found = null;
    else if (r.meeting === 'government') found = r;
  }
  return found;
}

/** Why the next record cannot be entered, or null when it can. */
export function checkNextReview(
  records: readonly ReviewRecord[],
  next: ReviewRecord,
  today: string,
): { field: string; message: string } | null {
  if (next.heldOn > today) return { field: 'heldOn', message: '会议日期不能晚于今天' };
  const state = listState(records);
  if (state === 'approved')
    return { field: 'meeting', message: '候选项目清单已经政府常务会和党委常委会审定，不能再录入会议记录' };
  if (next.meeting === 'government') {
    if (state === 'government_approved')
      return { field: 'meeting', message: '政府常务会已通过该清单，下一步应由党委常委会研究' };
    return null;
  }
  if (state !== 'government_approved')
    return { field: 'meeting', message: '候选项目清单须先经政府常务会研究通过，再提交党委常委会' };
  const government = currentGovernmentApproval(records)!;
  if (next.heldOn < government.heldOn)
    return {
      field: 'heldOn',
      message: `党委常委会的日期不能早于政府常务会（${government.heldOn}）`,
    };
  return null;
}

/** What is still missing before the vote, in words; empty when the list may go to the vote. */
export function missingForVote(records: readonly ReviewRecord[]): string[] {
  const state = listState(records);
  if (state === 'approved') return [];
  if (state === 'government_approved') return ['党委常委会研究通过'];
  return ['政府常务会研究通过', '党委常委会研究通过'];
}
