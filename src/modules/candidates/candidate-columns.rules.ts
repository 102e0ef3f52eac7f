import type { AmountUnit } from './amount.rules';
import { cleanCell, normalizeHeader } from './text.rules';

/**
 * The columns of the official candidate table (seed 001's appendix) and the other names places give
 * them. A header row is recognised by its cells, wherever it sits: title rows above it are skipped,
 * and the same header repeated on each printed page is skipped too.
 */
export const CANDIDATE_COLUMNS = [
  'seq',
  'name',
  'annualTask',
  'plan',
  'units',
  'countyLeader',
  'responsibleLeader',
  'supervisingLeader',
  'contacts',
  'budget',
  'remarks',
] as const;
export type CandidateColumn = (typeof CANDIDATE_COLUMNS)[number];

/** The official wording, used in messages so users see the header they know. */
export const COLUMN_LABELS: Record<CandidateColumn, string> = {
  seq: '序号',
  name: '项目名称',
  annualTask: '年度工作任务',
  plan: '推进计划',
  units: '实施单位',
  countyLeader: '县级分管领导',
  responsibleLeader: '责任领导',
  supervisingLeader: '分管领导',
  contacts: '责任人及联系电话',
  budget: '需财政投入资金（初步估算）',
  remarks: '备注',
};

// Tested in order: the first column kind whose pattern matches the normalised header wins.
const HEADER_PATTERNS: ReadonlyArray<readonly [CandidateColumn, RegExp]> = [
  ['seq', /^(序号|编号|序)$/],
  ['name', /^(项目名称|项目|名称|实事项目|候选项目|候选项目名称)$/],
  ['annualTask', /^(年度工作任务|年度任务|年度目标任务|工作任务|目标任务|建设内容|主要内容|项目内容)$/],
  ['plan', /^(推进计划|进度安排|推进措施|时间节点|实施计划|计划安排|进度计划)$/],
  ['units', /^(实施单位|责任单位|牵头单位|承办单位|实施部门|责任部门)$/],
  ['countyLeader', /^(县|市|区|镇|乡|省)?级分管领导$/],
  ['responsibleLeader', /^(责任领导|牵头领导)$/],
  ['supervisingLeader', /^(分管领导|单位分管领导)$/],
  ['contacts', /^(责任人及联系电话|责任人及电话|责任人|联系人及电话|联系人|联系电话|责任人及联系方式)$/],
  ['budget', /^(需财政投入资金|财政投入资金|总投资|投资|计划投资|资金|估算投资|投资估算|所需资金)/],
  ['remarks', /^(备注|说明)$/],
];

export interface HeaderMap {
  /** 0-based column index of each recognised column. */
  readonly columns: Partial<Record<CandidateColumn, number>>;
  /** Columns the header has but this table shape does not know: kept, by their header text. */
  readonly extra: ReadonlyArray<{ index: number; label: string }>;
  /** Unit of bare numbers in the budget column, from a header such as "投资（万元）". */
  readonly budgetUnit: AmountUnit;
  /** The normalised header cells, to recognise the header when a page repeats it. */
  readonly signature: string;
}

export function classifyHeaderCell(cell: string): CandidateColumn | null {
  const label = normalizeHeader(cell).replace(/\(.*\)$/, '');
  for (const [column, pattern] of HEADER_PATTERNS) if (pattern.test(label)) return column;
  return null;
}

export function rowSignature(row: readonly string[]): string {
  return row.map(normalizeHeader).join('\t').replace(/\t+$/, '');
}

/** A header row names the project column and at least two other known columns. */
export function readHeader(row: readonly string[]): HeaderMap | null {
  const columns: Partial<Record<CandidateColumn, number>> = {};
  const extra: Array<{ index: number; label: string }> = [];
  let budgetUnit: AmountUnit = '元';
  row.forEach((cell, index) => {
    if (cleanCell(cell) === '') return;
    const column = classifyHeaderCell(cell);
    if (column === null || columns[column] !== undefined) {
      extra.push({ index, label: cleanCell(cell) });
      return;
    }
    columns[column] = index;
    if (column === 'budget') {
      if (/亿元/.test(cell)) budgetUnit = '亿元';
      else if (/万元/.test(cell)) budgetUnit = '万元';
    }
  });
  const known = Object.keys(columns).length;
  if (columns.name === undefined || known < 3) return null;
  return { columns, extra, budgetUnit, signature: rowSignature(row) };
}
