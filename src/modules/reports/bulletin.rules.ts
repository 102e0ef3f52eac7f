import { DomainError } from '../../kernel/errors';
import {
  type AssessOptions,
  assessProject,
  COMPLETED_AS,
  type CompletedAs,
  isBehind,
  type ProjectStatus,
} from '../progress/assessment.rules';
import type { Light } from '../progress/lights.rules';
import type { PlanDocument } from '../progress/plan-format.schema';
import { compareQuantities, divideRounded, type Quantity } from '../progress/quantity.rules';
import { daysElapsed, daysInPeriod, isIsoDate } from '../progress/schedule.rules';

/**
 * The progress bulletin (通报) of a plan at a date, as data: exactly the `json` shape of
 * `npx minsheng bulletin` (plan-format.md). Fractions are rounded to 4 decimals (0.6493, 1.3329);
 * values keep their kind's form (numbers, amounts as yuan strings).
 */
export interface BulletinIndicator {
  ref: string;
  value: Quantity;
  /** The target, or for an entitlement indicator the eligible count (null until reported). */
  target: Quantity | null;
  completion: number;
}

export interface BulletinProject {
  ref: string;
  name: string;
  status: ProjectStatus;
  completedAs: CompletedAs | null;
  completion: number;
  planned: number | null;
  light: Light;
  indicators: BulletinIndicator[];
}

export interface PlanAssessment {
  region: string;
  year: number;
  asOf: string;
  elapsed: number;
  total: number;
  completed: number;
  /** Every project not completed. */
  inProgress: number;
  /** Those not completed that are behind (lagging or severely lagging). */
  lagging: number;
  completedBy: Record<CompletedAs, number>;
  projects: BulletinProject[];
}

export type BulletinOptions = AssessOptions;

/** Assesses every project of the plan at `asOf`, using only reports dated on or before it. */
export function assessPlan(plan: PlanDocument, asOf: string, options: BulletinOptions = {}): PlanAssessment {
  if (!isIsoDate(asOf)) {
    throw new DomainError('VALIDATION_FAILED', {
      field: 'asOf',
      message: '日期应为 YYYY-MM-DD 格式的真实日期',
    });
  }
  const projects = plan.projects.map((p) => assessProject(p, plan.period, asOf, options));
  const completedBy = Object.fromEntries(COMPLETED_AS.map((c) => [c, 0])) as Record<CompletedAs, number>;
  for (const p of projects) if (p.completedAs) completedBy[p.completedAs]++;
  const completed = projects.filter((p) => p.status === 'completed').length;
  return {
    region: plan.region.code,
    year: plan.year,
    asOf,
    elapsed: divideRounded(daysElapsed(plan.period, asOf), daysInPeriod(plan.period), 4),
    total: projects.length,
    completed,
    inProgress: projects.length - completed,
    lagging: projects.filter((p) => isBehind(p.status)).length,
    completedBy,
    projects: projects.map((p) => {
      const indicators = p.indicators.map((i) => ({
        ref: i.ref,
        value: i.value,
        target: i.target,
        completion: exactCompletion(i.value, i.target),
      }));
      return {
        ref: p.ref,
        name: p.name,
        status: p.status,
        completedAs: p.completedAs,
        // Rounding keeps order, so the least rounded rate is the rounded least rate.
        completion: indicators.length ? Math.min(...indicators.map((i) => i.completion)) : 0,
        planned: p.planned === null ? null : round4(p.planned),
        light: p.light,
        indicators,
      };
    }),
  };
}

/** value ÷ target to 4 decimals without float noise (13329 / 10000 is exactly 1.3329). */
function exactCompletion(value: Quantity, target: Quantity | null): number {
  if (target === null || compareQuantities(target, 0) <= 0) return 0;
  return divideRounded(value, target, 4);
}

export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
