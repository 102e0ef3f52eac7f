import { describe, expect, it } from 'vitest';
import { checkNextReview, listState, missingForVote, type ReviewRecord } from './review.rules';

const gov = (heldOn: string, decision: ReviewRecord['decision'] = 'approved'): ReviewRecord => ({
  meeting: 'government',
  heldOn,
  decision,
});
const party = (heldOn: string, decision: ReviewRecord['decision'] = 'approved'): ReviewRecord => ({
  meeting: 'party',
  heldOn,
  decision,
});
const TODAY = '2023-03-01';

describe('the state of the list after its meetings', () => {
  it('is a draft before any meeting', () => {
    expect(listState([])).toBe('draft');
    expect(missingForVote([])).toEqual(['政府常务会研究通过', '党委常委会研究通过']);
  });

  it('waits for the 党委常委会 once the 政府常务会 has approved (修改后通过 counts)', () => {
    expect(listState([gov('2023-01-10')])).toBe('government_approved');
    expect(listState([gov('2023-01-10', 'approved_with_changes')])).toBe('government_approved');
    expect(missingForVote([gov('2023-01-10')])).toEqual(['党委常委会研究通过']);
  });

  it('is approved for the vote after the government and then the party approve', () => {
    const records = [gov('2023-01-10'), party('2023-01-20', 'approved_with_changes')];
    expect(listState(records)).toBe('approved');
    expect(missingForVote(records)).toEqual([]);
  });

  it('goes back to a draft when either meeting does not approve', () => {
    expect(listState([gov('2023-01-10', 'rejected')])).toBe('draft');
    expect(listState([gov('2023-01-10'), party('2023-01-12', 'rejected')])).toBe('draft');
    expect(missingForVote([gov('2023-01-10'), party('2023-01-12', 'rejected')])).toHaveLength(2);
  });

  it('needs the government again after the party sent the list back', () => {
    const records = [gov('2023-01-10'), party('2023-01-12', 'rejected'), gov('2023-01-20')];
    expect(listState(records)).toBe('government_approved');
    expect(listState([...records, party('2023-01-25')])).toBe('approved');
  });

  it('does not count a party approval that came without a government approval before it', () => {
    expect(listState([party('2023-01-05'), gov('2023-01-10')])).toBe('government_approved');
  });
});

describe('entering the next meeting record', () => {
  it('lets the government meet first, and again after sending the list back', () => {
    expect(checkNextReview([], gov('2023-01-10'), TODAY)).toBeNull();
    expect(checkNextReview([gov('2023-01-10', 'rejected')], gov('2023-01-20'), TODAY)).toBeNull();
  });

  it('refuses the party before the government has approved', () => {
    const message = '候选项目清单须先经政府常务会研究通过，再提交党委常委会';
    expect(checkNextReview([], party('2023-01-10'), TODAY)).toEqual({ field: 'meeting', message });
    expect(checkNextReview([gov('2023-01-10', 'rejected')], party('2023-01-12'), TODAY)).toEqual({
      field: 'meeting',
      message,
    });
  });

  it('refuses a second government approval while the party has not met', () => {
    expect(checkNextReview([gov('2023-01-10')], gov('2023-01-11'), TODAY)?.message).toBe(
      '政府常务会已通过该清单，下一步应由党委常委会研究',
    );
  });

  it('refuses a party meeting dated before the government approval it follows', () => {
    expect(checkNextReview([gov('2023-01-10')], party('2023-01-09'), TODAY)).toEqual({
      field: 'heldOn',
      message: '党委常委会的日期不能早于政府常务会（2023-01-10）',
    });
    expect(checkNextReview([gov('2023-01-10')], party('2023-01-10'), TODAY)).toBeNull();
  });

  it('measures the party date against the latest government approval', () => {
    const records = [gov('2023-01-10'), party('2023-01-12', 'rejected'), gov('2023-02-01')];
    expect(checkNextReview(records, party('2023-01-20'), TODAY)?.field).toBe('heldOn');
    expect(checkNextReview(records, party('2023-02-02'), TODAY)).toBeNull();
  });

  it('refuses any record once the list is approved, and dates in the future', () => {
    const approved = [gov('2023-01-10'), party('2023-01-20')];
    expect(checkNextReview(approved, gov('2023-02-01'), TODAY)?.message).toContain(
      '已经政府常务会和党委常委会审定',
    );
    expect(checkNextReview([], gov('2023-03-02'), TODAY)).toEqual({
      field: 'heldOn',
      message: '会议日期不能晚于今天',
    });
  });
});
