import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import {
  type ApprovalBallot,
  type ApprovalMark,
  type ApprovalOptions,
  tally,
  tallyApproval,
} from './tally.rules';

const CANDIDATES = ['甲', '乙', '丙', '丁'];
const MARK: Record<string, ApprovalMark> = { Y: 'yes', N: 'no', A: 'abstain' };

/** "YYNA" marks 甲 yes, 乙 yes, 丙 no, 丁 abstain; "." leaves the candidate unmarked. */
function ballots(...rows: Array<[count: number, marks: string]>): ApprovalBallot[] {
  let id = 0;
  return rows.flatMap(([count, marks]) =>
    Array.from({ length: count }, () => {
      const entry: Record<string, ApprovalMark> = {};
      [...marks].forEach((m, i) => {
        if (m !== '.') entry[CANDIDATES[i]!] = MARK[m]!;
      });
      id++;
      return { id: String(id).padStart(3, '0'), marks: entry };
    }),
  );
}

const options = (extra: Partial<ApprovalOptions> = {}): ApprovalOptions => ({
  candidates: CANDIDATES,
  seats: 2,
  roll: 10,
  ...extra,
});

const counts = (result: ReturnType<typeof tallyApproval>) =>
  Object.fromEntries(result.candidates.map((c) => [c.name, [c.yes, c.no, c.abstain]]));

describe('tallyApproval: the default rules', () => {
  const result = tallyApproval(ballots([5, 'YYNA'], [2, 'YNYA'], [1, 'NYYA']), options());

  it('publishes the whole count', () => {
    expect(result).toEqual({
      method: 'approval',
      valid: true,
      invalidReasons: [],
      roll: 10,
      present: 8,
      issued: 8,
      returned: 8,
      validBallots: 8,
      voidBallots: 0,
      voided: [],
      seats: 2,
      quorum: 6,
      threshold: 6,
      thresholdBase: 'roll',
      rule: '赞成票须超过应到人数（10）的半数，即至少 6 票',
      candidates: [
        { name: '甲', yes: 7, no: 1, abstain: 0, passed: true, elected: true },
        { name: '乙', yes: 6, no: 2, abstain: 0, passed: true, elected: true },
        { name: '丙', yes: 3, no: 5, abstain: 0, passed: false, elected: false },
        { name: '丁', yes: 0, no: 0, abstain: 8, passed: false, elected: false },
      ],
      elected: ['甲', '乙'],
      tied: [],
      openSeats: 0,
    });
  });

  it('counts an unmarked candidate as 弃权', () => {
    expect(counts(tallyApproval(ballots([6, 'Y...']), options())).乙).toEqual([0, 0, 6]);
  });

  it('needs more than half of the whole roll, not of those present', () => {
    const r = tallyApproval(ballots([5, 'YYAA'], [1, 'YAAA']), options({ roll: 10 }));
    expect(r.threshold).toBe(6);
    expect(r.candidates.map((c) => c.passed)).toEqual([true, false, false, false]);
    expect(r.elected).toEqual(['甲']);
    expect(r.openSeats).toBe(1);
  });

  it('elects nobody when nobody passes, and leaves every seat open', () => {
    const r = tallyApproval(ballots([6, 'NNAA']), options());
    expect(r).toMatchObject({ valid: true, elected: [], tied: [], openSeats: 2 });
  });
});

describe('tallyApproval: void ballots', () => {
  it('voids a ballot with more 赞成 than seats, counting none of its marks', () => {
    const r = tallyApproval(ballots([6, 'YYNN'], [1, 'YYYN']), options());
    expect(r.validBallots).toBe(6);
    expect(r.voidBallots).toBe(1);
    expect(r.voided).toEqual([{ ballot: '007', reason: '赞成 3 项，超过应选名额 2 项，为无效票' }]);
    expect(counts(r).丙).toEqual([0, 6, 0]);
  });

  it('keeps a ballot with exactly as many 赞成 as seats', () => {
    expect(tallyApproval(ballots([6, 'YYNN']), options()).voidBallots).toBe(0);
  });

  it('names an unnumbered void ballot by its place in the pile', () => {
    const r = tallyApproval([{ marks: { 甲: 'yes', 乙: 'yes', 丙: 'yes' } }], options({ present: 6 }));
    expect(r.voided).toEqual([{ ballot: '第 1 张', reason: '赞成 3 项，超过应选名额 2 项，为无效票' }]);
  });

  it('applies another limit when configured, or none', () => {
    const pile = ballots([6, 'YYYN']);
    expect(tallyApproval(pile, options({ maxYes: 3 })).voidBallots).toBe(0);
    expect(tallyApproval(pile, options({ maxYes: null })).voidBallots).toBe(0);
    expect(tallyApproval(pile, options({ maxYes: 1 })).voided[0]!.reason).toBe(
      '赞成 3 项，超过每票最多 1 项，为无效票',
    );
  });

  it('keeps a blank ballot as a valid ballot of 弃权', () => {
    const r = tallyApproval(ballots([6, 'YYNN'], [1, '....']), options());
    expect(r.validBallots).toBe(7);
    expect(counts(r).甲).toEqual([6, 0, 1]);
  });

  it('voids over-full ballots when the rule says so in words, as by default', () => {
    const pile = ballots([6, 'YYNN'], [1, 'YYYN']);
    expect(tallyApproval(pile, options({ overfull: 'void' }))).toEqual(tallyApproval(pile, options()));
  });
});

describe('tallyApproval: a rule that hands over-full ballots back (overfull: refuse)', () => {
  it('counts a pile without an over-full ballot as usual', () => {
    const pile = ballots([6, 'YYNN'], [1, 'Y...']);
    const r = tallyApproval(pile, options({ overfull: 'refuse' }));
    expect(r).toEqual(tallyApproval(pile, options()));
    expect(r.voidBallots).toBe(0);
  });

  it('stops at an over-full ballot, naming it and its place in the pile, counting nothing', () => {
    let error: unknown;
    try {
      tallyApproval(ballots([6, 'YYNN'], [1, 'YYYN']), options({ overfull: 'refuse' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'BALLOT_TOO_MANY_YES',
      field: 'ballots',
      message:
        '票号 007 的表决票赞成 3 项，超过应选名额 2 项；按本次规则超额的选票不予接收，不应计入，请核对后再统计',
      details: { index: 6, ballot: '007', yes: 3, maxYes: 2 },
    });
  });

  it('measures against the configured limit, and has nothing to refuse without one', () => {
    const pile = ballots([6, 'YYYN']);
    expect(tallyApproval(pile, options({ overfull: 'refuse', maxYes: 3 })).voidBallots).toBe(0);
    expect(tallyApproval(pile, options({ overfull: 'refuse', maxYes: null })).voidBallots).toBe(0);
    expect(() => tallyApproval(pile, options({ overfull: 'refuse', maxYes: 1 }))).toThrow(
      '票号 001 的表决票赞成 3 项，超过每票最多 1 项；',
    );
  });
});

describe('tallyApproval: validity of the vote', () => {
  it('is invalid without a quorum: more than half of the roll present', () => {
    const r = tallyApproval(ballots([5, 'YYNN']), options({ roll: 10 }));
    expect(r.valid).toBe(false);
    expect(r.quorum).toBe(6);
    expect(r.invalidReasons).toEqual(['实到 5 人，未达到应到 10 人所需的出席人数 6 人，表决无效']);
    expect(r).toMatchObject({ elected: [], tied: [], openSeats: 2 });
    expect(r.candidates.every((c) => !c.passed && !c.elected)).toBe(true);
    // The counts are still published.
    expect(counts(r).甲).toEqual([5, 0, 0]);
  });

  it('counts attendance, not ballots returned, for the quorum', () => {
    const r = tallyApproval(ballots([5, 'YYNN']), options({ roll: 10, present: 6, issued: 6 }));
    expect(r.valid).toBe(true);
  });

  it('accepts a configured quorum', () => {
    const half = { numerator: 1, denominator: 2, inclusive: true };
    expect(tallyApproval(ballots([5, 'YYNN']), options({ quorum: half })).valid).toBe(true);
    const twoThirds = { numerator: 2, denominator: 3, inclusive: true };
    const r = tallyApproval(ballots([6, 'YYNN']), options({ roll: 10, quorum: twoThirds }));
    expect(r.quorum).toBe(7);
    expect(r.valid).toBe(false);
  });

  it('is invalid when more ballots come back than were issued', () => {
    const r = tallyApproval(ballots([8, 'YYNN']), options({ present: 8, issued: 7 }));
    expect(r.valid).toBe(false);
    expect(r.invalidReasons).toEqual(['收回 8 张票，多于发出的 7 张，表决无效']);
    expect(r.elected).toEqual([]);
  });

  it('is invalid when more ballots come back than deputies on the roll', () => {
    const r = tallyApproval(ballots([11, 'YYNN']), options({ roll: 10 }));
    expect(r.invalidReasons).toEqual(['收回 11 张票，多于应到人数 10 人，表决无效']);
  });

  it('gives every reason at once', () => {
    const r = tallyApproval(ballots([6, 'YYNN']), options({ roll: 10, present: 5, issued: 5 }));
    expect(r.invalidReasons).toEqual([
      '收回 6 张票，多于发出的 5 张，表决无效',
      '实到 5 人，未达到应到 10 人所需的出席人数 6 人，表决无效',
    ]);
  });

  it('takes attendance and ballots issued from each other, else from the ballots returned', () => {
    const pile = ballots([7, 'YYNN']);
    expect(tallyApproval(pile, options())).toMatchObject({ present: 7, issued: 7, returned: 7 });
    expect(tallyApproval(pile, options({ issued: 8 }))).toMatchObject({ present: 8, issued: 8 });
    expect(tallyApproval(pile, options({ present: 9 }))).toMatchObject({ present: 9, issued: 9 });
    expect(tallyApproval(pile, options({ present: 9, issued: 8 }))).toMatchObject({ present: 9, issued: 8 });
  });
});

describe('tallyApproval: thresholds', () => {
  // Roll 10, 6 present, one void ballot: 5 valid. 甲 has 4 赞成.
  const pile = ballots([4, 'YNNN'], [1, 'NNNN'], [1, 'YYYY']);
  const passed = (extra: Partial<ApprovalOptions>) => {
    const r = tallyApproval(pile, options({ ...extra }));
    return [r.threshold, r.candidates[0]!.passed, r.rule];
  };

  it('of the roll by default', () => {
    expect(passed({})).toEqual([6, false, '赞成票须超过应到人数（10）的半数，即至少 6 票']);
  });

  it('of those present', () => {
    expect(passed({ thresholdBase: 'present' })).toEqual([
      4,
      true,
      '赞成票须超过实到人数（6）的半数，即至少 4 票',
    ]);
  });

  it('of ballots returned', () => {
    expect(passed({ thresholdBase: 'returned' })).toEqual([
      4,
      true,
      '赞成票须超过收回票数（6）的半数，即至少 4 票',
    ]);
  });

  it('of valid ballots', () => {
    expect(passed({ thresholdBase: 'valid' })).toEqual([
      3,
      true,
      '赞成票须超过有效票数（5）的半数，即至少 3 票',
    ]);
  });

  it('with another fraction, reached or exceeded', () => {
    const twoThirds = { numerator: 2, denominator: 3, inclusive: true };
    expect(passed({ thresholdBase: 'present', threshold: twoThirds })).toEqual([
      4,
      true,
      '赞成票须不少于实到人数（6）的三分之二，即至少 4 票',
    ]);
    const moreThanTwoThirds = { numerator: 2, denominator: 3, inclusive: false };
    expect(passed({ thresholdBase: 'present', threshold: moreThanTwoThirds })).toEqual([
      5,
      false,
      '赞成票须超过实到人数（6）的三分之二，即至少 5 票',
    ]);
  });

  it('exactly half is not more than half', () => {
    const r = tallyApproval(ballots([5, 'YNNN'], [1, 'NNNN']), options({ thresholdBase: 'valid', roll: 10 }));
    expect(r.threshold).toBe(4);
    expect(r.candidates[0]).toMatchObject({ yes: 5, passed: true });
    const even = tallyApproval(ballots([3, 'YNNN'], [3, 'NNNN']), options({ thresholdBase: 'valid' }));
    expect(even.candidates[0]).toMatchObject({ yes: 3, passed: false });
  });
});

describe('tallyApproval: seats and ties', () => {
  it('takes passing candidates by 赞成 up to the seats', () => {
    const r = tallyApproval(ballots([6, 'YNYN'], [2, 'NYYN'], [2, 'YYNN']), options({ seats: 2 }));
    expect(r.candidates.map((c) => c.yes)).toEqual([8, 4, 8, 0]);
    expect(r.elected).toEqual(['甲', '丙']);
  });

  it('elects both candidates tied above the cut-off', () => {
    const r = tallyApproval(ballots([4, 'YYNN'], [3, 'YNYN'], [3, 'NYYN']), options({ seats: 2 }));
    expect(r.candidates.map((c) => c.yes)).toEqual([7, 7, 6, 0]);
    expect(r).toMatchObject({ elected: ['甲', '乙'], tied: [], openSeats: 0 });
  });

  // 甲 7, 乙 6, 丙 6 for 2 seats.
  const pile = ballots([3, 'YYNN'], [3, 'YNYN'], [3, 'NYYN'], [1, 'YNNN']);

  it('leaves the seat open on a tie at the cut-off and names the tied candidates', () => {
    const r = tallyApproval(pile, options({ seats: 2, roll: 10 }));
    expect(r.candidates.map((c) => [c.yes, c.passed, c.elected])).toEqual([
      [7, true, true],
      [6, true, false],
      [6, true, false],
      [0, false, false],
    ]);
    expect(r).toMatchObject({ elected: ['甲'], tied: ['乙', '丙'], openSeats: 1 });
  });

  it('names no tie between candidates that did not pass', () => {
    const r = tallyApproval(pile, options({ seats: 2, roll: 12 }));
    expect(r.threshold).toBe(7);
    expect(r).toMatchObject({ elected: ['甲'], tied: [], openSeats: 1 });
  });
});

describe('tallyApproval: refuses data it cannot count', () => {
  const refuses = (run: () => unknown, message: string, field: string) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message, field });
      return;
    }
    throw new Error('expected a DomainError');
  };

  it.each([
    [{ seats: 0 }, '应选名额必须是正整数', 'seats'],
    [{ seats: 1.5 }, '应选名额必须是正整数', 'seats'],
    [{ seats: 5 }, '应选名额（5）不能多于候选项目数（4）', 'seats'],
    [{ roll: 0 }, '应到人数必须是正整数', 'roll'],
    [{ present: 11 }, '实到人数（11）不能多于应到人数（10）', 'present'],
    [{ present: -1 }, '实到人数必须是非负整数', 'present'],
    [{ present: 6, issued: 7 }, '发出票数（7）不能多于实到人数（6）', 'issued'],
    [{ issued: 11 }, '发出票数（11）不能多于应到人数（10）', 'issued'],
    [{ candidates: [] }, '候选项目不能为空', 'candidates'],
    [{ candidates: ['甲', '乙', '甲'] }, '候选项目“甲”重复', 'candidates'],
    [{ candidates: ['甲', ' '] }, '候选项目名称不能为空', 'candidates'],
    [
      { threshold: { numerator: 3, denominator: 2, inclusive: false } },
      '通过比例必须是不大于 1 的正分数',
      'threshold',
    ],
    [
      { quorum: { numerator: 0, denominator: 2, inclusive: false } },
      '出席人数比例必须是不大于 1 的正分数',
      'quorum',
    ],
    [{ maxYes: 0 }, '每票最多赞成数必须是正整数', 'maxYes'],
    [
      { overfull: 'ignore' as 'void' },
      '赞成超额的选票只能计为无效票（void）或不予接收（refuse）',
      'overfull',
    ],
  ] as Array<[Partial<ApprovalOptions>, string, string]>)('options %j: %s', (extra, message, field) => {
    refuses(() => tallyApproval([], options(extra)), message, field);
  });

  it('refuses a ballot naming someone who is not a candidate', () => {
    refuses(
      () => tallyApproval([{ id: '009', marks: { 戊: 'yes' } }], options()),
      '票号 009 的表决票中的“戊”不是本次候选项目',
      'ballots',
    );
  });

  it('refuses a mark that is not 赞成, 反对 or 弃权', () => {
    refuses(
      () => tallyApproval([{ marks: { 甲: 'maybe' as ApprovalMark } }], options()),
      '第 1 张表决票对“甲”的标记无法识别',
      'ballots',
    );
  });

  it('does not take an inherited property name for a mark', () => {
    expect(() => tallyApproval([{ marks: { 甲: 'toString' as ApprovalMark } }], options())).toThrow(
      '第 1 张表决票对“甲”的标记无法识别',
    );
  });
});

describe('tally', () => {
  it('counts approval ballots unless told otherwise', () => {
    expect(tally(ballots([6, 'YYNN']), options()).method).toBe('approval');
    expect(tally([{ ranks: { 甲: 1 } }], { ...options(), method: 'ranking', present: 6 }).method).toBe(
      'ranking',
    );
  });
});
