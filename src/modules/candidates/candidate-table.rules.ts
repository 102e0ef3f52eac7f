import { formatYuanChinese } from '../../kernel/money';
import { readBudget } from './amount.rules';
import { type CandidateColumn, COLUMN_LABELS, type HeaderMap, readHeader } from './candidate-columns.rules';
import { type Contact, parseContacts } from './contacts.rules';
import { type PlannedMilestone, parsePlan } from './plan.rules';
import { cleanCell, normalizeName, splitPeople, toHalfWidth } from './text.rules';
import { parseUnits } from './units.rules';

/**
 * The candidate list as governments circulate it (seed 001's appendix): one row per project, the
 * header repeated on every printed page, rows split across a page break, title and page-number rows
 * in between. Every row becomes a candidate or a problem naming its row and column; every cell that
 * could not be read is kept as written and listed for review.
 */
export interface ReviewNote {
  /** 1-based row of the source table, as a spreadsheet shows it. */
  readonly row: number;
  /** The column's official label ("推进计划"). */
  readonly column: string;
  /** What was written. */
  readonly text: string;
  readonly reason: string;
}

export interface ParsedCandidate {
  readonly row: number;
  readonly seq: number | null;
  readonly name: string;
  readonly annualTask: string;
  readonly planText: string;
  readonly milestones: PlannedMilestone[];
  readonly units: { readonly lead: string[]; readonly partners: string[]; readonly implementers: string[] };
  /** 县级分管领导. */
  readonly countyLeaders: string[];
  /** 责任领导. */
  readonly responsibleLeaders: string[];
  /** 分管领导. */
  readonly supervisingLeaders: string[];
  readonly contacts: Contact[];
  /** 需财政投入资金（初步估算）, exact yuan. */
  readonly budgetYuan: string | null;
  readonly remarks: string;
  /** Columns this table has beyond the official ones, by header text. */
  readonly extra: Readonly<Record<string, string>>;
  readonly needsReview: ReviewNote[];
}

export interface TableProblem {
  readonly row: number;
  readonly column: string | null;
  /** Complete sentence for the user, naming row and column. */
  readonly message: string;
  /** 'error': the row was not imported; 'review': imported, a person must check it. */
  readonly severity: 'error' | 'review';
}

export interface CandidateTable {
  readonly candidates: ParsedCandidate[];
  readonly problems: TableProblem[];
}

interface Draft {
  readonly row: number;
  readonly cells: Map<number, string[]>;
  readonly notes: ReviewNote[];
}

export function parseCandidateTable(rows: readonly (readonly string[])[], year: number): CandidateTable {
  const problems: TableProblem[] = [];
  const headerIndex = rows.findIndex((row) => readHeader(row) !== null);
  if (headerIndex < 0) {
    problems.push({
      row: 1,
      column: null,
      message: '未找到表头：表格需要有“项目名称”列，以及“推进计划”“实施单位”等至少两列',
      severity: 'error',
    });
    return { candidates: [], problems };
  }
  const header = readHeader(rows[headerIndex]!)!;
  for (const column of ['annualTask', 'plan', 'units', 'budget'] as const) {
    if (header.columns[column] === undefined) {
      problems.push({
        row: headerIndex + 1,
        column: COLUMN_LABELS[column],
        message: `第 ${headerIndex + 1} 行表头中没有“${COLUMN_LABELS[column]}”列`,
        severity: 'review',
      });
    }
  }

  const drafts = collectDrafts(rows, headerIndex, header, problems);
  const candidates = drafts.map((draft) => buildCandidate(draft, header, year));
  checkAcrossRows(candidates);
  for (const candidate of candidates) {
    for (const note of candidate.needsReview) {
      problems.push({ row: note.row, column: note.column, message: describe(note), severity: 'review' });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { candidates, problems };
}

function collectDrafts(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  header: HeaderMap,
  problems: TableProblem[],
): Draft[] {
  const drafts: Draft[] = [];
  const cellOf = (row: readonly string[], column: CandidateColumn) => {
    const index = header.columns[column];
    return index === undefined ? '' : cleanCell(row[index]);
  };
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const rowNumber = i + 1;
    const filled = row.map((c) => cleanCell(c)).filter((c) => c !== '');
    if (filled.length === 0) continue;
    // Each printed page repeats the header.
    if (readHeader(row) !== null) continue;
    if (filled.length === 1 && /^[\s|｜\-—_·.。第页\d]{1,6}$/.test(filled[0]!)) {
      if (/\d/.test(filled[0]!)) {
        problems.push({
          row: rowNumber,
          column: null,
          message: `第 ${rowNumber} 行只有“${filled[0]}”，已视为页码跳过`,
          severity: 'review',
        });
      }
      continue;
    }
    const name = cellOf(row, 'name');
    const seq = cellOf(row, 'seq');
    if (isTotalsRow(seq, name)) {
      problems.push({
        row: rowNumber,
        column: null,
        message: `第 ${rowNumber} 行是“${(seq || name).replace(/\s+/gu, '')}”行，不是候选项目，已跳过`,
        severity: 'review',
      });
      continue;
    }
    const previous = drafts.at(-1);
    if (name === '' && seq === '' && previous) {
      // A project broken across a page break continues on a row without 序号 and 项目名称.
      appendCells(previous, row);
      previous.notes.push({
        row: rowNumber,
        column: COLUMN_LABELS.name,
        text: filled.join(' ').slice(0, 40),
        reason: `本行没有序号和项目名称，已并入第 ${previous.row} 行的项目`,
      });
      continue;
    }
    if (name === '') {
      problems.push({
        row: rowNumber,
        column: COLUMN_LABELS.name,
        message: `第 ${rowNumber} 行有内容却没有“项目名称”，请补上名称或删去该行`,
        severity: 'error',
      });
      continue;
    }
    const draft: Draft = { row: rowNumber, cells: new Map(), notes: [] };
    appendCells(draft, row);
    drafts.push(draft);
  }
  return drafts;
}

/** 合计 / 总计 / 小计 rows sum the money of the rows above them; they are not projects. */
function isTotalsRow(seq: string, name: string): boolean {
  const totals = /^(合计|总计|小计|共计|累计)(（.*）|\(.*\))?[:：]?$/u;
  return [seq, name].some((cell) => totals.test(cell.replace(/\s+/gu, '')));
}

function appendCells(draft: Draft, row: readonly string[]): void {
  row.forEach((cell, index) => {
    const text = cleanCell(cell);
    if (text === '') return;
    const parts = draft.cells.get(index) ?? [];
    parts.push(text);
    draft.cells.set(index, parts);
  });
}

function buildCandidate(draft: Draft, header: HeaderMap, year: number): ParsedCandidate {
  const notes = [...draft.notes];
  const text = (column: CandidateColumn) => {
    const index = header.columns[column];
    return index === undefined ? '' : (draft.cells.get(index) ?? []).join('\n');
  };
  const review = (column: CandidateColumn, written: string, reason: string) =>
    notes.push({ row: draft.row, column: COLUMN_LABELS[column], text: written, reason });

  const seqText = toHalfWidth(text('seq'));
  const seq = /^\d+$/.test(seqText) ? Number(seqText) : null;
  if (seqText !== '' && seq === null) review('seq', seqText, '序号不是数字');

  const planText = text('plan');
  const plan = parsePlan(planText, year);
  if (planText === '' && header.columns.plan !== undefined) review('plan', '', '未填写推进计划');
  for (const item of plan.unparsed) review('plan', item.text, item.reason);

  const units = parseUnits(text('units'));
  for (const note of units.notes) review('units', text('units'), note);

  const leaders = (column: 'countyLeader' | 'responsibleLeader' | 'supervisingLeader') => {
    const written = text(column);
    if (header.columns[column] === undefined) return [];
    const people = splitPeople(written);
    if (written === '') review(column, '', '未填写');
    for (const title of people.titlesOnly) review(column, written, `只写了职务“${title}”，未写姓名`);
    return people.names;
  };
  const countyLeaders = leaders('countyLeader');
  const responsibleLeaders = leaders('responsibleLeader');
  const supervisingLeaders = leaders('supervisingLeader');

  const contacts = parseContacts(text('contacts'));
  if (header.columns.contacts !== undefined && text('contacts') === '') review('contacts', '', '未填写');
  for (const note of contacts.notes) review('contacts', text('contacts'), note);

  const budget = readBudget(text('budget'), header.budgetUnit);
  if (budget.kind === 'unreadable') review('budget', text('budget'), budget.reason);
  if (budget.kind === 'empty' && header.columns.budget !== undefined) review('budget', '', '未填写');
  const budgetYuan = budget.kind === 'amount' ? budget.yuan : null;
  if (budgetYuan !== null && plan.plannedInvestmentTotalYuan !== null) {
    if (plan.plannedInvestmentTotalYuan !== budgetYuan) {
      review(
        'plan',
        '',
        `各节点计划投资合计 ${formatYuanChinese(plan.plannedInvestmentTotalYuan)}，与需财政投入资金 ${formatYuanChinese(budgetYuan)} 不一致`,
      );
    }
  }

  const extra: Record<string, string> = {};
  for (const { index, label } of header.extra) {
    const value = (draft.cells.get(index) ?? []).join('\n');
    if (value !== '') extra[label] = value;
  }

  return {
    row: draft.row,
    seq,
    // A project name wrapped over lines in the source is still one name.
    name: normalizeName(text('name').replace(/\n/g, '')),
    annualTask: text('annualTask'),
    planText,
    milestones: plan.milestones,
    units: { lead: units.lead, partners: units.partners, implementers: units.implementers },
    countyLeaders,
    responsibleLeaders,
    supervisingLeaders,
    contacts: contacts.contacts,
    budgetYuan,
    remarks: text('remarks'),
    extra,
    needsReview: notes,
  };
}

function checkAcrossRows(candidates: ParsedCandidate[]): void {
  const byName = new Map<string, ParsedCandidate>();
  const bySeq = new Map<number, ParsedCandidate>();
  for (const candidate of candidates) {
    const sameName = byName.get(candidate.name);
    if (sameName) {
      candidate.needsReview.push({
        row: candidate.row,
        column: COLUMN_LABELS.name,
        text: candidate.name,
        reason: `与第 ${sameName.row} 行的项目同名`,
      });
    } else byName.set(candidate.name, candidate);
    if (candidate.seq === null) continue;
    const sameSeq = bySeq.get(candidate.seq);
    if (sameSeq) {
      candidate.needsReview.push({
        row: candidate.row,
        column: COLUMN_LABELS.seq,
        text: String(candidate.seq),
        reason: `与第 ${sameSeq.row} 行的序号重复`,
      });
    } else bySeq.set(candidate.seq, candidate);
  }
}

function describe(note: ReviewNote): string {
  const excerpt = note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text;
  const written = excerpt === '' ? '' : `（原文：${excerpt.replace(/\n/g, ' ')}）`;
  return `第 ${note.row} 行“${note.column}”：${note.reason}${written}`;
}
