import { addDays, addMonths, daysBetween } from '../../kernel/date-window';

/**
 * 督办: an order to a unit about a lagging project, worked to closure under Shanxi's 13710 deadlines
 * (DOMAIN.md): acknowledge the same day (1), report measures within 3 days (3), resolve an ordinary
 * matter within 7 days (7), a major one within a month or by a dated plan (1), tracked until closed (0).
 * An order's state is never stored: it is folded from its append-only steps, so the history is the
 * record. Pure: dates are China dates (YYYY-MM-DD), each deadline the last day allowed.
 */
export const GRAVITIES = ['ordinary', 'major'] as const;
export type Gravity = (typeof GRAVITIES)[number];
export const GRAVITY_LABELS: Record<Gravity, string> = { ordinary: '一般事项', major: '重大事项' };

export const STEP_KINDS = [
  'issued',
  'acknowledged',
  'measures',
  'resolution',
  'returned',
  'closed',
  'reminded',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_LABELS: Record<StepKind, string> = {
  issued: '下达督办',
  acknowledged: '签收部署',
  measures: '报送措施',
  resolution: '报告办结',
  returned: '退回重办',
  closed: '办结评定',
  reminded: '催办',
};

/** The issuer's grade of a closure; 不合格 is given by sending the order back. */
export const GRADES = ['优秀', '良好', '合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];
export const PASSING_GRADES = ['优秀', '良好', '合格'] as const satisfies readonly Grade[];

export const STAGES = [
  'awaiting_ack',
  'awaiting_measures',
  'in_progress',
  'awaiting_review',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  awaiting_ack: '待签收',
  awaiting_measures: '待报送措施',
  in_progress: '办理中',
  awaiting_review: '待评定',
  closed: '已办结',
};

/** Days a sent-back order has to be resolved again, unless the issuer sets its own date. */
export const REDO_DAYS = 7;

/**
 * How an overdue order escalates, by days past the deadline of the step it waits on: 催办 from the
 * first day (the unit is reminded), 通报 from the third (named in the bulletin), 提级督办 from the
 * seventh (raised to the region's leaders and to the level above, who see it in their list).
 */
export const ESCALATION = [
  { level: 1, fromDays: 1, label: '催办' },
  { level: 2, fromDays: 3, label: '通报' },
  { level: 3, fromDays: 7, label: '提级督办' },
] as const;

export interface Step {
  kind: StepKind;
  /** The China date the step was taken. */
  on: string;
  grade?: Grade | null;
  /** measures of a major matter: the unit's dated plan; returned: the new resolve deadline. */
  dueOn?: string | null;
}

export interface Deadlines {
  acknowledge: string;
  measures: string;
  resolve: string;
}

/** The 13710 deadlines of an order issued on a date. */
export function deadlines13710(issuedOn: string, gravity: Gravity): Deadlines {
  return {
    acknowledge: issuedOn,
    measures: addDays(issuedOn, 3),
    resolve: gravity === 'major' ? addMonths(issuedOn, 1) : addDays(issuedOn, 7),
  };
}

export interface Milestone {
  key: 'acknowledge' | 'measures' | 'resolve' | 'review';
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  /** Done after its deadline, or not done and past it. */
  late: boolean;
}

export interface SupervisionState {
  stage: Stage;
  deadlines: Deadlines;
  /** The deadline of the step the order waits on; null when it waits on the issuer or is closed. */
  dueOn: string | null;
  overdueDays: number;
  escalation: { level: number; label: string } | null;
  /** Times the issuer sent it back. */
  rounds: number;
  grade: Grade | null;
  closedOn: string | null;
  reminders: number;
  milestones: Milestone[];
}

/** The stages each step may be taken in (`issued` only opens an order). */
const STAGES_OF_STEP: Record<StepKind, readonly Stage[]> = {
  issued: [],
  acknowledged: ['awaiting_ack'],
  measures: ['awaiting_measures'],
  resolution: ['awaiting_measures', 'in_progress'],
  returned: ['awaiting_review'],
  closed: ['awaiting_review'],
  reminded: ['awaiting_ack', 'awaiting_measures', 'in_progress'],
};

/** The order in which a page offers the steps: the unit's, then the issuer's, closing before sending back. */
const OFFERED: readonly StepKind[] = [
  'acknowledged',
  'measures',
  'resolution',
  'closed',
  'returned',
  'reminded',
];

/** The steps an order in this stage may take next, in the order a page offers them. */
export function stepsAllowedIn(stage: Stage): StepKind[] {
  return OFFERED.filter((kind) => STAGES_OF_STEP[kind].includes(stage));
}

export type StepRefusal = 'WRONG_STAGE' | 'PLAN_DATE_ORDINARY' | 'PLAN_DATE_EARLY' | 'GRADE_INVALID';

/**
 * Whether a step may be taken now. Each step has its place: acknowledge first; measures once
 * acknowledged; the resolution once acknowledged (measures and resolution may come together when an
 * ordinary matter is settled within 3 days); the issuer closes or sends back a reported resolution;
 * a reminder while the unit still owes a step. A dated plan is for a major matter only, and not in
 * the past.
 */
export function refusalOf(state: SupervisionState, gravity: Gravity, step: Step): StepRefusal | null {
  if (!stepsAllowedIn(state.stage).includes(step.kind)) return 'WRONG_STAGE';
  if (step.kind === 'measures' && step.dueOn) {
    if (gravity !== 'major') return 'PLAN_DATE_ORDINARY';
    if (step.dueOn < step.on) return 'PLAN_DATE_EARLY';
  }
  if (step.kind === 'returned' && step.dueOn && step.dueOn < step.on) return 'PLAN_DATE_EARLY';
  if (step.kind === 'closed' && !(PASSING_GRADES as readonly string[]).includes(step.grade ?? '')) {
    return 'GRADE_INVALID';
  }
  return null;
}

/** The order's state from its steps in order (the first is `issued`), as of a China date. */
export function supervisionState(gravity: Gravity, steps: readonly Step[], today: string): SupervisionState {
  const issuedOn = steps[0]?.on ?? today;
  const deadlines = deadlines13710(issuedOn, gravity);
  let stage: Stage = 'awaiting_ack';
  let resolveBy = deadlines.resolve;
  let rounds = 0;
  let grade: Grade | null = null;
  let closedOn: string | null = null;
  let reminders = 0;
  const done: Partial<Record<Milestone['key'], string>> = {};
  for (const step of steps) {
    switch (step.kind) {
      case 'acknowledged':
        stage = 'awaiting_measures';
        done.acknowledge = step.on;
        break;
      case 'measures':
        stage = 'in_progress';
        done.measures = step.on;
        if (step.dueOn) resolveBy = step.dueOn;
        break;
      case 'resolution':
        stage = 'awaiting_review';
        done.measures ??= step.on;
        done.resolve = step.on;
        break;
      case 'returned':
        stage = 'in_progress';
        rounds += 1;
        resolveBy = step.dueOn ?? addDays(step.on, REDO_DAYS);
        delete done.resolve;
        break;
      case 'closed':
        stage = 'closed';
        grade = step.grade ?? null;
        closedOn = step.on;
        done.review = step.on;
        break;
      case 'reminded':
        reminders += 1;
        break;
    }
  }
  const current = { ...deadlines, resolve: resolveBy };
  const dueOn =
    stage === 'awaiting_ack'
      ? current.acknowledge
      : stage === 'awaiting_measures'
        ? current.measures
        : stage === 'in_progress'
          ? current.resolve
          : null;
  const overdueDays = dueOn && today > dueOn ? daysBetween(dueOn, today) : 0;
  const reached = ESCALATION.filter((e) => overdueDays >= e.fromDays).at(-1);
  const milestone = (key: Milestone['key'], label: string, due: string | null): Milestone => {
    const doneOn = done[key] ?? null;
    const late = due !== null && (doneOn ? doneOn > due : stage !== 'closed' && today > due);
    return { key, label, dueOn: due, doneOn, late };
  };
  return {
    stage,
    deadlines: current,
    dueOn,
    overdueDays,
    escalation: reached ? { level: reached.level, label: reached.label } : null,
    rounds,
    grade,
    closedOn,
    reminders,
    milestones: [
      milestone('acknowledge', '当日签收部署', current.acknowledge),
      milestone('measures', '3日内报送措施', current.measures),
      milestone('resolve', gravity === 'major' ? '1个月内或按计划办结' : '7日内办结', current.resolve),
      milestone('review', '办结评定', null),
    ],
  };
}

export interface SupervisionTotals {
  total: number;
  open: number;
  overdue: number;
  /** Open and overdue long enough to be named in the bulletin (通报 and beyond). */
  named: number;
  escalated: number;
  awaitingReview: number;
  closed: number;
  /** Closed with every deadline met. */
  closedOnTime: number;
  /** Times orders were sent back. */
  returned: number;
  grades: Record<Grade, number>;
}

type Counted = Pick<
  SupervisionState,
  'stage' | 'overdueDays' | 'escalation' | 'grade' | 'milestones' | 'rounds'
>;

/** The figures of a set of orders, as the board and the bulletin give them. */
export function supervisionTotals(orders: readonly Counted[]): SupervisionTotals {
  const open = orders.filter((o) => o.stage !== 'closed');
  const closed = orders.filter((o) => o.stage === 'closed');
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const o of closed) if (o.grade) grades[o.grade]++;
  const level = (o: Counted) => o.escalation?.level ?? 0;
  return {
    total: orders.length,
    open: open.length,
    overdue: open.filter((o) => o.overdueDays > 0).length,
    named: open.filter((o) => level(o) >= 2).length,
    escalated: open.filter((o) => level(o) >= 3).length,
    awaitingReview: open.filter((o) => o.stage === 'awaiting_review').length,
    closed: closed.length,
    closedOnTime: closed.filter((o) => o.milestones.every((m) => !m.late)).length,
    returned: orders.reduce((n, o) => n + o.rounds, 0),
    grades,
  };
}

/** 督〔2023〕3号: an order's number as the documents write it. */
export function orderNumber(year: number, serial: number): string {
  return `督〔${year}〕${serial}号`;
}

/**
 * The reason prefilled for a lagging project: its completion against what was due, the milestones'
 * planned share when the project has one, else 序时进度, in the bulletin's words.
 */
export function laggingReason(p: {
  name: string;
  completion: number;
  planned: number | null;
  elapsed: number;
  severe?: boolean;
}): string {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const due = p.planned === null ? `序时进度${pct(p.elapsed)}` : `计划进度${pct(p.planned)}`;
  const behind = p.severe ? '进度严重滞后' : '进度滞后';
  return `“${p.name}”完成率${pct(p.completion)}，低于${due}，${behind}。请当日签收部署，3日内报送整改措施，限期办结。`;
}
