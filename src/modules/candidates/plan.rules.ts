import { sumYuan } from '../../kernel/money';
import { AMOUNT_SOURCE, type AmountUnit, amountToYuan } from './amount.rules';
import { findDeadline, isRecurring, readTimeExpression } from './plan-time.rules';
import { cleanCell } from './text.rules';

/**
 * 推进计划 (the monthly plan) as milestones: "2 月份完成 50 万元，完成初步设计批复、财政评审；3 月底
 * 4 月初完成 50 万元，…". A step starts with a time expression (plan-time.rules.ts) and may state the
 * investment planned for it. Whatever cannot be read as a dated step is returned in `unparsed` with a
 * reason, so a person can turn it into milestones by hand: nothing written is lost.
 */
export interface PlannedMilestone {
  /** 'YYYY-MM-DD', the deadline of the step. */
  readonly due: string;
  /** The time as written ("3 月底 4 月初"). */
  readonly when: string;
  /** What is to be done, as written. */
  readonly text: string;
  /** The sub-plan the step belongs to ("为残疾人缴纳意外伤害保险"), when the plan has several. */
  readonly track: string | null;
  /** Investment planned for this step in exact yuan, when the step states one. */
  readonly plannedInvestmentYuan: string | null;
}

export interface UnparsedPlanText {
  readonly text: string;
  readonly reason: string;
}

export interface PlanReading {
  readonly milestones: PlannedMilestone[];
  readonly unparsed: UnparsedPlanText[];
  /** Sum of the stated step investments, or null when no step states one. */
  readonly plannedInvestmentTotalYuan: string | null;
}

const NUMBERING =
  /^(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*/;
const LEADING_WORDS = /^(?:于|在|计划于?|预计|力争|争取)\s*/;
const CLAUSE_END = /[；;。]/;
const INVESTMENT = new RegExp(
  `(?:完成|投资|投入|支付|拨付|使用|下达)(?:投资|资金)?\\s*(?:约|共|计)?\\s*${AMOUNT_SOURCE}`,
  'g',
);
const ANY_AMOUNT = new RegExp(AMOUNT_SOURCE, 'g');

interface Line {
  readonly track: string | null;
  readonly body: string;
}

interface DraftMilestone {
  due: string;
  when: string;
  text: string;
  track: string | null;
  plannedInvestmentYuan: string | null;
}

export function parsePlan(raw: string, planYear: number): PlanReading {
  const text = cleanCell(raw);
  const milestones: DraftMilestone[] = [];
  const unparsed: UnparsedPlanText[] = [];

  for (const line of splitTracks(text, planYear)) {
    let previous: DraftMilestone | null = null;
    for (const clause of splitClauses(line.body, planYear)) {
      const step = readStep(clause, planYear);
      if (step) {
        const milestone: DraftMilestone = { ...step.milestone, track: line.track };
        const last = [...milestones].reverse().find((m) => m.track === line.track);
        if (last && milestone.due < last.due) {
          unparsed.push({
            text: clause,
            reason: `时间“${milestone.when}”早于上一节点“${last.when}”，请核对`,
          });
        }
        milestones.push(milestone);
        unparsed.push(...step.notes.map((reason) => ({ text: clause, reason })));
        previous = milestone;
      } else if (previous && !isRecurring(clause)) {
        // A clause without a time after a dated one ("3月份完成招标；同时开展宣传") continues that step.
        previous.text = previous.text ? `${previous.text}；${clause}` : clause;
        const investment = readInvestment(clause);
        if (previous.plannedInvestmentYuan === null && investment.yuan !== null) {
          previous.plannedInvestmentYuan = investment.yuan;
        }
        unparsed.push(...investment.notes.map((reason) => ({ text: clause, reason })));
      } else {
        unparsed.push({
          text: clause,
          reason: isRecurring(clause) ? '周期性工作（每月、每季度等），未生成单个节点' : '未识别出时间节点',
        });
      }
    }
  }

  if (milestones.length === 0 && text !== '') {
    return {
      milestones: [],
      unparsed: [{ text, reason: '推进计划中没有可识别的时间节点' }],
      plannedInvestmentTotalYuan: null,
    };
  }
  const investments = milestones.flatMap((m) => (m.plannedInvestmentYuan ? [m.plannedInvestmentYuan] : []));
  return {
    milestones,
    unparsed,
    plannedInvestmentTotalYuan: investments.length > 0 ? sumYuan(investments) : null,
  };
}

/**
 * Lines of the plan, each with the sub-plan it belongs to. "1. 为残疾人缴纳意外伤害保险：2 月份资金
 * 审批；…" opens a track named by the words before the colon; it lasts until the next numbered line.
 */
function splitTracks(text: string, planYear: number): Line[] {
  const lines: Line[] = [];
  let track: string | null = null;
  for (const rawLine of text.split('\n')) {
    const numbered = NUMBERING.exec(rawLine);
    let body = numbered ? rawLine.slice(numbered[0].length) : rawLine;
    if (numbered) track = null;
    const colon = body.search(/[：:]/);
    if (colon > 0) {
      const before = body.slice(0, colon).trim();
      const after = body.slice(colon + 1).trim();
      const beforeIsTime = readTimeExpression(stripLeading(before), planYear) !== null;
      const afterIsTime = readTimeExpression(stripLeading(after), planYear) !== null;
      if (!beforeIsTime && (numbered || afterIsTime)) {
        track = before;
        body = after;
      }
    }
    lines.push({ track, body });
  }
  return lines;
}

/**
 * Clauses end at ；。 — and at a comma between two dated steps ("2月份资金审批，3月份资金到位"). A
 * comma before a date in an undated sentence ("完成招标，6月底前开工") does not split it: the
 * date is the deadline of the whole sentence.
 */
function splitClauses(body: string, planYear: number): string[] {
  const clauses: string[] = [];
  for (const piece of body.split(CLAUSE_END)) {
    let start = 0;
    for (let i = 0; i < piece.length; i++) {
      if (piece[i] !== '，' && piece[i] !== ',') continue;
      const current = trimClause(piece.slice(start, i));
      const next = piece.slice(i + 1).trimStart();
      if (startsWithTime(current, planYear) && startsWithTime(next, planYear)) {
        clauses.push(piece.slice(start, i));
        start = i + 1;
      }
    }
    clauses.push(piece.slice(start));
  }
  return clauses.map(trimClause).filter((c) => c !== '');
}

function trimClause(clause: string): string {
  return clause.replace(/^[\s，,、：:]+|[\s，,、]+$/g, '');
}

function startsWithTime(text: string, planYear: number): boolean {
  return readTimeExpression(stripLeading(text), planYear) !== null;
}

function stripLeading(text: string): string {
  return text.replace(LEADING_WORDS, '');
}

function readStep(clause: string, planYear: number): { milestone: DraftMilestone; notes: string[] } | null {
  const notes: string[] = [];
  const leading = LEADING_WORDS.exec(clause)?.[0].length ?? 0;
  const atStart = readTimeExpression(clause, planYear, leading);
  let time = atStart;
  let text: string;
  if (atStart && !isRecurring(clause.slice(0, leading + atStart.length))) {
    text = trimClause(clause.slice(leading + atStart.length));
  } else {
    if (isRecurring(clause)) return null;
    time = findDeadline(clause, planYear);
    text = clause;
  }
  if (!time) return null;
  if (time.year !== null && time.year !== planYear) {
    notes.push(`时间“${time.when}”不在计划年度 ${planYear} 年内`);
  }
  const investment = readInvestment(clause);
  notes.push(...investment.notes);
  return {
    milestone: {
      due: time.due,
      when: time.when,
      text,
      track: null,
      plannedInvestmentYuan: investment.yuan,
    },
    notes,
  };
}

/** "完成 50 万元", "投资约120万元": the step's planned investment. Other amounts are left to a person. */
function readInvestment(clause: string): { yuan: string | null; notes: string[] } {
  const notes: string[] = [];
  const found = [...clause.matchAll(INVESTMENT)];
  const counted = new Set(found.map((m) => m.index + m[0].length));
  const yuan = found.length > 0 ? amountToYuan(found[0]![1]!, found[0]![2] as AmountUnit) : null;
  if (found.length > 1) {
    notes.push(`一个节点写了多个投资金额，只取了第一个“${found[0]![1]}${found[0]![2]}”`);
  }
  for (const amount of clause.matchAll(ANY_AMOUNT)) {
    if (!counted.has(amount.index + amount[0].length)) {
      notes.push(`金额“${amount[0]}”未识别为计划投资`);
    }
  }
  return { yuan, notes };
}
