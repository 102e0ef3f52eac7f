import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { checkChoices, overfullBallot } from './ballot.rules';
import { checkSessionSetup, describeRule, type VotingRule } from './voting-session.rules';

const CANDIDATES = ['甲', '乙', '丙', '丁'].map((name, i) => ({ id: `c${i + 1}`, name }));
const IDS = CANDIDATES.map((c) => c.id);
const SEATS = 2;

/** "YYNA" marks c1 yes, c2 yes, c3 no, c4 abstain; "." leaves the candidate unmarked. */
function marks(pattern: string): Record<string, string> {
  const words: Record<string, string> = { Y: 'yes', N: 'no', A: 'abstain' };
  return Object.fromEntries(
    [...pattern].flatMap((m, i) => (m === '.' ? [] : [[CANDIDATES[i]!.id, words[m]!]])),
  );
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('an over-full electronic ballot (more 赞成 than allowed)', () => {
  const over = marks('YYYN');

  it('is taken as marked under the default rule, to be counted void', () => {
    const rule: VotingRule = { method: 'approval' };
    expect(checkChoices(rule, SEATS, CANDIDATES, { marks: over })).toEqual({
      c1: 'yes',
      c2: 'yes',
      c3: 'yes',
      c4: 'no',
    });
    expect(overfullBallot(rule, SEATS, { c1: 'yes', c2: 'yes', c3: 'yes', c4: 'no' })).toEqual({
      yes: 3,
      maxYes: 2,
      limit: '应选名额 2 项',
      reason: '赞成 3 项，超过应选名额 2 项，为无效票',
    });
  });

  it('is taken the same when the rule says void in words', () => {
    expect(
      checkChoices({ method: 'approval', overfull: 'void' }, SEATS, CANDIDATES, { marks: over }),
    ).toEqual(checkChoices({ method: 'approval' }, SEATS, CANDIDATES, { marks: over }));
  });

  it('is refused, naming how many and the limit, when the rule hands such ballots back', () => {
    const error = refusal(() =>
      checkChoices({ method: 'approval', overfull: 'refuse' }, SEATS, CANDIDATES, { marks: over }),
    );
    expect(error).toMatchObject({
      code: 'BALLOT_TOO_MANY_YES',
      field: 'marks',
      message: '赞成 3 项，超过应选名额 2 项，本票未记录，请重新选择',
      details: { yes: 3, maxYes: 2 },
    });
  });

  it('is measured against a configured limit, and there is none without a limit', () => {
    const rule = (extra: Partial<VotingRule>): VotingRule => ({ method: 'approval', ...extra });
    const choices = checkChoices(rule({}), SEATS, CANDIDATES, { marks: marks('YYYY') });
    expect(overfullBallot(rule({ maxYes: 4 }), SEATS, choices)).toBeNull();
    expect(overfullBallot(rule({ maxYes: null }), SEATS, choices)).toBeNull();
    expect(overfullBallot(rule({ maxYes: 1 }), SEATS, choices)?.reason).toBe(
      '赞成 4 项，超过每票最多 1 项，为无效票',
    );
    expect(
      refusal(() =>
        checkChoices(rule({ maxYes: 3, overfull: 'refuse' }), SEATS, CANDIDATES, { marks: marks('YYYY') }),
      ).message,
    ).toBe('赞成 4 项，超过每票最多 3 项，本票未记录，请重新选择');
    expect(
      checkChoices(rule({ maxYes: null, overfull: 'refuse' }), SEATS, CANDIDATES, { marks: marks('YYYY') }),
    ).toEqual(choices);
  });

  it('is not over-full at exactly the limit, nor when unmarked candidates are 弃权', () => {
    const rule: VotingRule = { method: 'approval', overfull: 'refuse' };
    const choices = checkChoices(rule, SEATS, CANDIDATES, { marks: marks('YY..') });
    expect(choices).toEqual({ c1: 'yes', c2: 'yes', c3: 'abstain', c4: 'abstain' });
    expect(overfullBallot(rule, SEATS, choices)).toBeNull();
  });

  it('does not apply to ranking ballots', () => {
    expect(overfullBallot({ method: 'ranking' }, SEATS, { c1: 1, c2: 2, c3: 3 })).toBeNull();
  });
});

describe('the rule as the ballot page reads it', () => {
  it('says an over-full ballot is void by default', () => {
    expect(describeRule({ method: 'approval' }, 12, 15)[0]).toBe(
      '对每个候选项目选择赞成、反对或弃权，赞成不得超过 12 项，超过的选票为无效票；未选择的视为弃权',
    );
  });

  it('says an over-full ballot is handed back when the rule refuses it', () => {
    expect(describeRule({ method: 'approval', overfull: 'refuse' }, 12, 15)[0]).toBe(
      '对每个候选项目选择赞成、反对或弃权，赞成不得超过 12 项，超过的选票不予接收，须重新选择；未选择的视为弃权',
    );
  });

  it('says nothing of over-full ballots without a limit', () => {
    expect(describeRule({ method: 'approval', maxYes: null, overfull: 'refuse' }, 12, 15)[0]).toBe(
      '对每个候选项目选择赞成、反对或弃权，赞成项数不限；未选择的视为弃权',
    );
  });
});

describe('setting the rule up', () => {
  it('takes either treatment of over-full ballots on approval ballots', () => {
    expect(() => checkSessionSetup({ method: 'approval', overfull: 'refuse' }, SEATS, IDS)).not.toThrow();
    expect(() => checkSessionSetup({ method: 'approval', overfull: 'void' }, SEATS, IDS)).not.toThrow();
  });

  it('refuses an unknown treatment, naming the field', () => {
    const error = refusal(() =>
      checkSessionSetup({ method: 'approval', overfull: 'ignore' as 'void' }, SEATS, IDS),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'overfull' });
  });

  it('refuses it on ranking ballots, which have no 赞成 to count', () => {
    const error = refusal(() => checkSessionSetup({ method: 'ranking', overfull: 'refuse' }, SEATS, IDS));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'rule.overfull',
      message: '排序票决不使用“赞成超额的选票如何处理”',
    });
  });
});
