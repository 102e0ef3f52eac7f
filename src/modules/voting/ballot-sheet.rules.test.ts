import { describe, expect, it } from 'vitest';
import { parseApprovalSheet, parseRankingSheet } from './ballot-sheet.rules';

const HEADER = ['票号', '口袋公园', '慢行系统', '老旧小区'];

describe('parseApprovalSheet', () => {
  it('reads words and printed marks, an empty cell as 弃权', () => {
    expect(
      parseApprovalSheet([
        HEADER,
        ['001', '赞成', '反对', '弃权'],
        ['002', '○', '×', ''],
        ['003', '〇', 'X', ' '],
      ]),
    ).toEqual({
      ok: true,
      candidates: ['口袋公园', '慢行系统', '老旧小区'],
      ballots: [
        { id: '001', marks: { 口袋公园: 'yes', 慢行系统: 'no', 老旧小区: 'abstain' } },
        { id: '002', marks: { 口袋公园: 'yes', 慢行系统: 'no', 老旧小区: 'abstain' } },
        { id: '003', marks: { 口袋公园: 'yes', 慢行系统: 'no', 老旧小区: 'abstain' } },
      ],
      rows: [2, 3, 4],
    });
  });

  it('skips blank rows, blank trailing cells and spaces around marks', () => {
    const sheet = parseApprovalSheet([
      [''],
      [...HEADER, ''],
      ['001', ' 赞成 ', '反对', '弃权', ''],
      ['', '', '', ''],
      ['００２', '同意', '不同意', ''],
    ]);
    expect(sheet).toMatchObject({ ok: true, rows: [3, 5] });
    if (sheet.ok)
      expect(sheet.ballots[1]).toEqual({
        id: '002',
        marks: { 口袋公园: 'yes', 慢行系统: 'no', 老旧小区: 'abstain' },
      });
  });

  const problems = (rows: string[][], candidates?: string[]) => {
    const sheet = parseApprovalSheet(rows, candidates ? { candidates } : {});
    return sheet.ok ? [] : sheet.problems.map((p) => p.message);
  };

  it('names the row and column of an unknown mark', () => {
    expect(problems([HEADER, ['001', '赞成', '√', '']])).toEqual([
      '第 2 行第 3 列（“慢行系统”）的标记“√”无法识别，应为 赞成/反对/弃权，或 ○/×/空白（弃权）',
    ]);
  });

  it('does not mistake words that happen to be object properties for marks', () => {
    expect(problems([HEADER, ['001', 'constructor', '', '']])).toEqual([
      '第 2 行第 2 列（“口袋公园”）的标记“constructor”无法识别，应为 赞成/反对/弃权，或 ○/×/空白（弃权）',
    ]);
  });

  it('names a missing column and an extra one', () => {
    expect(problems([HEADER, ['001', '赞成', '反对']])).toEqual(['第 2 行缺少第 4 列（“老旧小区”）']);
    expect(problems([HEADER, ['001', '赞成', '反对', '弃权', '赞成']])).toEqual([
      '第 2 行第 5 列多出内容“赞成”，表头只有 4 列',
    ]);
  });

  it('names a missing and a repeated 票号', () => {
    expect(problems([HEADER, ['', '赞成', '反对', '弃权']])).toEqual(['第 2 行第 1 列缺少票号']);
    expect(problems([HEADER, ['001', '赞成', '', ''], ['002', '', '', ''], ['001', '', '', '']])).toEqual([
      '第 4 行第 1 列票号“001”与第 2 行重复',
    ]);
  });

  it('checks the header', () => {
    expect(problems([['编号', '甲']])).toEqual(['第 1 行第 1 列应为“票号”，实际为“编号”']);
    expect(problems([['票号']])).toEqual(['第 1 行表头中没有候选项目列']);
    expect(problems([['票号', '甲', '', '乙']])).toEqual(['第 1 行第 3 列缺少候选项目名称']);
    expect(problems([['票号', '甲', '甲']])).toEqual(['第 1 行第 3 列“甲”与第 2 列重复']);
    expect(problems([])).toEqual(['文件是空的，没有表头和选票']);
  });

  it('checks the header against the session’s candidates when given', () => {
    expect(problems([['票号', '甲', '丙']], ['甲', '乙'])).toEqual([
      '第 1 行第 3 列“丙”不是本次候选项目',
      '第 1 行表头缺少候选项目“乙”',
    ]);
    expect(parseApprovalSheet([['票号', '甲', '乙']], { candidates: ['甲', '乙'] }).ok).toBe(true);
  });

  it('lists every problem of the sheet, in row order', () => {
    expect(problems([HEADER, ['001', '?', '', ''], ['001', '', '', '']])).toEqual([
      '第 2 行第 2 列（“口袋公园”）的标记“?”无法识别，应为 赞成/反对/弃权，或 ○/×/空白（弃权）',
      '第 3 行第 1 列票号“001”与第 2 行重复',
    ]);
  });
});

describe('parseRankingSheet', () => {
  it('reads the rank written, blank as unranked', () => {
    expect(parseRankingSheet([HEADER, ['001', '1', '', '２'], ['002', '第1名', '2', '3']])).toEqual({
      ok: true,
      candidates: ['口袋公园', '慢行系统', '老旧小区'],
      ballots: [
        { id: '001', ranks: { 口袋公园: 1, 老旧小区: 2 } },
        { id: '002', ranks: { 口袋公园: 1, 慢行系统: 2, 老旧小区: 3 } },
      ],
      rows: [2, 3],
    });
  });

  it('names a rank it cannot read', () => {
    const sheet = parseRankingSheet([HEADER, ['001', '0', '一', '1.5']]);
    expect(sheet.ok ? [] : sheet.problems.map((p) => p.message)).toEqual([
      '第 2 行第 2 列（“口袋公园”）的名次“0”无法识别，应为正整数或空白',
      '第 2 行第 3 列（“慢行系统”）的名次“一”无法识别，应为正整数或空白',
      '第 2 行第 4 列（“老旧小区”）的名次“1.5”无法识别，应为正整数或空白',
    ]);
  });
});
