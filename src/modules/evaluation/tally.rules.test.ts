import { describe, expect, it } from 'vitest';
import { DEFAULT_SATISFACTION_RULE } from './evaluation.rules';
import { parseCsv, type TallyOutcome, tallyEvaluationSheet } from './tally.rules';

const SHEET = [
  '票号,口袋公园建设项目,老旧小区改造项目,文化惠民工程',
  '001,满意,满意,基本满意',
  '002,满意,基本满意,',
  '003,满意,不满意,不满意',
  '004,基本满意,满意,不满意',
].join('\n');

function problem(outcome: TallyOutcome) {
  if (outcome.ok) throw new Error('expected the sheet to be refused');
  return outcome.problem;
}

describe('tallyEvaluationSheet', () => {
  it('counts each project and gives its verdict on the roll', () => {
    const outcome = tallyEvaluationSheet(SHEET, { roll: 5 });
    expect(outcome).toEqual({
      ok: true,
      tally: {
        ballots: 4,
        roll: 5,
        base: 'roll',
        rule: '满意票超过应到人数的半数为满意；否则满意与基本满意票之和超过应到人数的半数为基本满意；否则为不满意',
        projects: [
          {
            project: '口袋公园建设项目',
            counts: { satisfied: 3, basicallySatisfied: 1, dissatisfied: 0, blank: 0 },
            raters: 5,
            verdict: '满意',
          },
          {
            project: '老旧小区改造项目',
            counts: { satisfied: 2, basicallySatisfied: 1, dissatisfied: 1, blank: 0 },
            raters: 5,
            verdict: '基本满意',
          },
          {
            project: '文化惠民工程',
            counts: { satisfied: 0, basicallySatisfied: 1, dissatisfied: 2, blank: 1 },
            raters: 5,
            verdict: '不满意',
          },
        ],
      },
    });
  });

  it('takes the ballots returned as all raters when there is no roll', () => {
    const outcome = tallyEvaluationSheet(SHEET);
    if (!outcome.ok) throw new Error(outcome.problem.message);
    expect(outcome.tally.roll).toBeNull();
    expect(outcome.tally.base).toBe('ballots');
    expect(outcome.tally.projects.map((p) => [p.raters, p.verdict])).toEqual([
      [4, '满意'],
      [4, '基本满意'],
      [4, '不满意'],
    ]);
  });

  it('reads columns Excel left empty after the last project as no columns, and marks typed with a stray space', () => {
    const csv = '票号,项目甲,项目乙,,\n1,满 意,不 满意,,\n2,基本 满意,满意\n';
    const outcome = tallyEvaluationSheet(csv, { roll: 2 });
    if (!outcome.ok) throw new Error(outcome.problem.message);
    expect(outcome.tally.projects.map((p) => [p.project, p.counts])).toEqual([
      ['项目甲', { satisfied: 1, basicallySatisfied: 1, dissatisfied: 0, blank: 0 }],
      ['项目乙', { satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, blank: 0 }],
    ]);
  });

  it('follows a rule it is given', () => {
    const outcome = tallyEvaluationSheet(SHEET, { rule: { ...DEFAULT_SATISFACTION_RULE, base: 'marked' } });
    if (!outcome.ok) throw new Error(outcome.problem.message);
    expect(outcome.tally.projects[2]!.raters).toBe(3);
  });

  it('reads what Excel writes: BOM, CRLF, quoted names with commas, spaces around marks, blank lines', () => {
    const csv = '\uFEFF票号,"公园,绿地"\r\n 001 , 满意　\r\n\r\n002,\r\n,\r\n';
    const outcome = tallyEvaluationSheet(csv, { roll: 2 });
    if (!outcome.ok) throw new Error(outcome.problem.message);
    expect(outcome.tally.projects).toEqual([
      {
        project: '公园,绿地',
        counts: { satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, blank: 1 },
        raters: 2,
        verdict: '不满意',
      },
    ]);
  });

  it.each([
    ['', 1, undefined, '文件为空：第 1 行应为表头（票号，项目一，项目二……）'],
    ['编号,项目甲\n1,满意', 1, '第 1 列', '第 1 行第 1 列应为「票号」，实际为「编号」'],
    ['票号\n1', 1, undefined, '第 1 行只有「票号」列，没有测评项目'],
    ['票号,,项目乙\n1,满意,满意', 1, '第 2 列', '第 1 行第 2 列：项目名称为空'],
    ['票号,项目甲,\n1,满意,不满意', 2, '第 3 列', '第 2 行第 3 列多出内容「不满意」（表头只有 2 列）'],
    ['票号,项目甲,项目甲\n1,满意,满意', 1, '项目甲', '第 1 行第 3 列：项目「项目甲」与第 2 列重复'],
    [
      '票号,项目甲,项目乙\n1,满意,满意\n2,满意',
      3,
      '项目乙',
      '第 3 行缺少「项目乙」列（表头有 3 列，此行只有 2 列）',
    ],
    ['票号,项目甲\n1,满意,满意', 2, '第 3 列', '第 2 行第 3 列多出内容「满意」（表头只有 2 列）'],
    [
      '票号,项目甲\n1,满意\n2,很满意',
      3,
      '项目甲',
      '第 3 行「项目甲」列：无法识别的测评意见「很满意」，只能填 满意、基本满意、不满意 或留空',
    ],
    ['票号,项目甲\n1,满意\n,满意', 3, '票号', '第 3 行「票号」列为空'],
    ['票号,项目甲\n007,满意\n008,满意\n007,不满意', 4, '票号', '第 4 行「票号」列：票号「007」与第 2 行重复'],
    ['票号,项目甲\n1,"满意\n2,满意', 2, undefined, '第 2 行：引号未闭合'],
  ])('refuses %j at row %i, column %s: %s', (csv, row, column, message) => {
    expect(problem(tallyEvaluationSheet(csv, { roll: 5 }))).toEqual({
      row,
      message,
      ...(column ? { column } : {}),
    });
  });

  it('refuses more ballots than the roll, naming the first ballot too many', () => {
    expect(problem(tallyEvaluationSheet(SHEET, { roll: 3 }))).toEqual({
      row: 5,
      column: '票号',
      message: '第 5 行：这是第 4 张票，超过应到人数 3 人',
    });
  });

  it('refuses a roll that is not a positive whole number, and a roll rule without a roll', () => {
    expect(problem(tallyEvaluationSheet(SHEET, { roll: 0 })).message).toBe('应到人数应为正整数，实际为「0」');
    expect(problem(tallyEvaluationSheet(SHEET, { rule: DEFAULT_SATISFACTION_RULE })).message).toBe(
      '测评规则按应到人数计算，请提供应到人数（--roll）',
    );
  });

  it('counts rows as the file does when a quoted cell spans lines', () => {
    const csv = '票号,"项目\n甲"\n1,满意\n2,好';
    expect(problem(tallyEvaluationSheet(csv)).row).toBe(4);
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, empty fields and a missing final newline', () => {
    expect(parseCsv('a,"b ""c"", d",,e\n1,2')).toEqual([
      { line: 1, cells: ['a', 'b "c", d', '', 'e'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
