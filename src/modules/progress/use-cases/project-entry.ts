import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { isWithinRegion } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear, PLAN_STAGE_LABELS, type PlanStage } from '../../plans';
import { indicatorFromDb } from '../db-values';
import { mayManageProjects } from '../progress.policy';
import {
  checkProjectEntry,
  type FieldProblem,
  mayEnterProjects,
  nextRef,
  planIndicatorChanges,
} from '../project-entry.rules';
import type { ProjectEntryInput } from '../project-entry.schema';
import {
  deleteIndicators,
  findProjectWithPlanYear,
  insertIndicators,
  insertProject,
  lockPlanYearRow,
  projectColumns,
  projectEntryRows,
  projectsOfPlanYear,
  replaceMilestones,
  replaceProjectUnits,
  storedIndicators,
  unitsByIds,
  updateIndicator,
  updateProject,
} from '../projects.repository';

interface PlanYearRow {
  id: string;
  regionCode: string;
  year: number;
  stage: string;
  periodStart: string;
  periodEnd: string;
}

function invalid(code: 'PROJECT_INVALID' | 'PROJECT_INDICATOR_IN_USE', problems: readonly FieldProblem[]) {
  const more = problems.length > 1 ? `（共 ${problems.length} 处）` : '';
  return new DomainError(code, {
    field: problems[0]!.field,
    message: `${problems[0]!.message}${more}`,
    details: problems,
  });
}

function assertEntryStage(planYear: PlanYearRow): void {
  if (mayEnterProjects(planYear.stage)) return;
  const label = PLAN_STAGE_LABELS[planYear.stage as PlanStage] ?? planYear.stage;
  throw new DomainError('PROJECT_NOT_EDITABLE', {
    message: `只有处于组织实施阶段的年度计划才能录入或修改项目（该年度计划当前处于“${label}”阶段）`,
  });
}

/** Lead and partner units must be units of the plan's region (its townships' included), each once. */
async function checkUnits(tx: Tx, regionCode: string, input: ProjectEntryInput): Promise<FieldProblem[]> {
  const found = new Map(
    (await unitsByIds(tx, [...input.leadUnitIds, ...input.partnerUnitIds])).map((u) => [u.id, u]),
  );
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const check = (list: string[], name: 'leadUnitIds' | 'partnerUnitIds') =>
    list.forEach((id, i) => {
      const unit = found.get(id);
      if (!unit || !isWithinRegion(unit.regionCode, regionCode))
        problems.push({ field: `${name}.${i}`, message: '所选单位不是本地区的单位' });
      else if (seen.has(id))
        problems.push({ field: `${name}.${i}`, message: `${unit.name}已列为本项目的牵头或配合单位` });
      seen.add(id);
    });
  check(input.leadUnitIds, 'leadUnitIds');
  check(input.partnerUnitIds, 'partnerUnitIds');
  return problems;
}

/** The entry checked against the plan year, or every problem at once (units and plan rules alike). */
async function checkedEntry(tx: Tx, planYear: PlanYearRow, ref: string, input: ProjectEntryInput) {
  const unitProblems = await checkUnits(tx, planYear.regionCode, input);
  const checked = checkProjectEntry(ref, input, {
    period: { start: planYear.periodStart, end: planYear.periodEnd },
    regionCode: planYear.regionCode,
  });
  const problems = [...unitProblems, ...(checked.ok ? [] : checked.problems)];
  if (problems.length || !checked.ok) throw invalid('PROJECT_INVALID', problems);
  return checked.project;
}

function assertRefFree(taken: ReadonlyArray<{ id: string; ref: string }>, ref: string, self?: string) {
  if (taken.some((p) => p.ref === ref && p.id !== self))
    throw new DomainError('PROJECT_REF_TAKEN', {
      field: 'ref',
      message: `本年度计划中已有编号为 ${ref} 的项目，请换一个编号或留空自动编号`,
    });
}

/** 录入项目: the coordinator types a project of the plan year in by hand. */
export async function createProject(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: ProjectEntryInput,
): Promise<{ id: string; ref: string }> {
  if (!mayManageProjects(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  return writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await findPlanYear(tx, regionCode, year);
    if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
    assertEntryStage(planYear);
    await lockPlanYearRow(tx, planYear.id);
    const existing = await projectsOfPlanYear(tx, planYear.id);
    const ref = input.ref?.trim() || nextRef('P', [...existing.map((p) => p.ref)], 2);
    assertRefFree(existing, ref);
    const project = await checkedEntry(tx, planYear, ref, input);
    const id = await insertProject(tx, {
      ...projectColumns(project),
      planYearId: planYear.id,
      position: existing.reduce((max, p) => Math.max(max, p.position + 1), 0),
    });
    await replaceProjectUnits(tx, id, { lead: input.leadUnitIds, partner: input.partnerUnitIds });
    await insertIndicators(
      tx,
      id,
      project.indicators.map((indicator, position) => ({ indicator, position })),
    );
    await replaceMilestones(tx, id, project.milestones);
    return { id, ref };
  });
}

/**
 * 修改项目: the coordinator changes a project while the plan year is being implemented. Indicators
 * are matched by ref and keep their rows (reports and allocations point at them); one that has
 * figures or allocations cannot be removed or change kind. Milestones are written afresh.
 */
export async function editProject(
  deps: AppDeps,
  actor: Actor,
  projectId: string,
  input: ProjectEntryInput,
): Promise<{ id: string; ref: string }> {
  return writeTransaction(deps.db, actor, async (tx) => {
    const found = await findProjectWithPlanYear(tx, projectId);
    if (!found) throw new DomainError('PROJECT_NOT_FOUND');
    const { planYear, project: row } = found;
    if (!mayManageProjects(actor, planYear.regionCode)) throw new DomainError('OUT_OF_SCOPE');
    assertEntryStage(planYear);
    await lockPlanYearRow(tx, planYear.id);
    const ref = input.ref?.trim() || row.ref;
    if (ref !== row.ref) assertRefFree(await projectsOfPlanYear(tx, planYear.id), ref, projectId);
    const project = await checkedEntry(tx, planYear, ref, input);
    const changes = planIndicatorChanges(await storedIndicators(tx, projectId), project.indicators);
    if (changes.problems.length) throw invalid('PROJECT_INDICATOR_IN_USE', changes.problems);
    await updateProject(tx, projectId, projectColumns(project));
    await replaceProjectUnits(tx, projectId, { lead: input.leadUnitIds, partner: input.partnerUnitIds });
    await deleteIndicators(tx, projectId, changes.remove);
    for (const k of changes.keep) await updateIndicator(tx, k.id, project.indicators[k.index]!, k.index);
    await insertIndicators(
      tx,
      projectId,
      changes.insert.map((index) => ({ indicator: project.indicators[index]!, position: index })),
    );
    await replaceMilestones(tx, projectId, project.milestones);
    return { id: projectId, ref };
  });
}

/** The project as its edit form starts: unit ids, full phones (the coordinator's), what is in use. */
export async function projectEntry(deps: AppDeps, actor: Actor, projectId: string) {
  const found = await findProjectWithPlanYear(deps.db, projectId);
  if (!found) throw new DomainError('PROJECT_NOT_FOUND');
  const { planYear, project } = found;
  if (!mayManageProjects(actor, planYear.regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const { indicatorRows, milestoneRows, unitIds } = await projectEntryRows(deps.db, projectId);
  return {
    id: project.id,
    planYear: {
      regionCode: planYear.regionCode,
      year: planYear.year,
      stage: planYear.stage,
      period: { start: planYear.periodStart, end: planYear.periodEnd },
      editable: mayEnterProjects(planYear.stage),
    },
    source: project.source,
    ref: project.ref,
    name: project.name,
    field: project.field,
    task: project.task,
    planText: project.planText,
    leadUnitIds: unitIds.lead,
    partnerUnitIds: unitIds.partner,
    leaders: project.leaders,
    budget: project.budget,
    indicators: indicatorRows.map(({ ref, name, unit, kind, target, inUse }) =>
      indicatorFromDb({ ref, name, unit, kind, target, inUse }),
    ),
    milestones: milestoneRows.map((m) => ({
      due: m.due,
      text: m.text,
      planned: m.planned,
      investment: m.investment,
    })),
  };
}
