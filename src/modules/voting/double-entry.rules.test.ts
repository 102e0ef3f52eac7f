import { describe, expect, it } from 'vitest';
import { parseApprovalSheet, parseRankingSheet, type SheetReading } from './ballot-sheet.rules';
import { compareApprovalEntries, compareRankingEntries } from './double-entry.rules';

function read<B>(sheet: SheetReading<B>) {
  if (!sheet.ok) throw new Error(sheet.problems[0]!.message);
  return sheet;
}

const HEADER = ['票号', '甲', '乙'];

describe('compareApprovalEntries', () => {
  it('finds no difference between agreeing entries, whatever the marks used', () => {
    const first = read(parseApprovalSheet([HEADER, ['001', '赞成', ''], ['002', '反对', '赞成']]));
    const second = read(parseApprovalSheet([HEADER, ['002', '×', '○'], ['001', '○', '弃权']]));
    expect(compareApprovalEntries(first, second)).toEqual([]);
  });

  it('names each cell where the clerks disagree, with both rows', () => {
    const first = read(parseApprovalSheet([HEADER, ['001', '赞成', ''], ['002', '反对', '赞成']]));
    const second = read(parseApprovalSheet([HEADER, ['001', '赞成', '反对'], ['002', '反对', '赞成']]));
    expect(compareApprovalEntries(first, second)).toEqual([
      '票号“001”的“乙”两次录入不一致：第一次（第 2 行）为“弃权”，第二次（第 2 行）为“反对”',
    ]);
  });

  it('names ballots entered only once', () => {
    const first = read(parseApprovalSheet([HEADER, ['001', '赞成', ''], ['002', '', '']]));
    const second = read(parseApprovalSheet([HEADER, ['001', '赞成', ''], ['003', '', '']]));
    expect(compareApprovalEntries(first, second)).toEqual([
      '第二次录入第 3 行的票号“003”在第一次录入中没有',
      '第一次录入第 3 行的票号“002”在第二次录入中没有',
    ]);
  });

  it('refuses entries with different headers', () => {
    const first = read(parseApprovalSheet([HEADER, ['001', '赞成', '']]));
    const second = read(
      parseApprovalSheet([
        ['票号', '乙', '甲'],
        ['001', '', '赞成'],
      ]),
    );
    expect(compareApprovalEntries(first, second)).toEqual(['两次录入的表头不一致：候选项目或其顺序不同']);
  });
});

describe('compareRankingEntries', () => {
  it('names a rank entered differently', () => {
    const first = read(parseRankingSheet([HEADER, ['001', '1', '2']]));
    const second = read(parseRankingSheet([HEADER, ['001', '1', '']]));
    expect(compareRankingEntries(first, second)).toEqual([
      '票号“001”的“乙”两次录入不一致：第一次（第 2 行）为“第 2 名”，第二次（第 2 行）为“空白”',
    ]);
  });
});
