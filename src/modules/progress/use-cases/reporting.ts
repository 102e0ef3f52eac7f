import type { Tx } from '../../../db/client';
import { readTogether } from '../../../db/together';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { scopesFor } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { mayDecide, mayReadProject, maySeeReport, reportingUnit } from '../progress.policy';
import type { Quantity } from '../quantity.rules';
import { baselineByRef, findProjectContext, submissionContext } from '../report-context.repository';
import {
  isEditable,
  type ReportProblem,
  type ReportStatus,
  reportEntryProblems,
  reportProblemCode,
  reportProblems,
} from '../reporting.rules';
import {
  approveAndRollUp,
  currentApproved,
  findReport,
  insertReport,
  type ProjectContext,
  type ReportRow,
  replaceValues,
  reportsOfProject,
  returnSubmitted,
  submittedWithin,
  unitsRegions,
  updateReport,
  valuesByRef,
  valuesOf,
} from '../reports.repository';
import { photosOf } from './photos';

export interface ReportInput {
  regionCode?: string;
  asOf: string;
  values: Record<string, Quantity>;
  eligible: Record<string, number>;
  explanations: Record<string, string>;
  investment?: string | null;
  fundsArrived?: string | null;
  progressText?: string | null;
  problemsText?: string | null;
  nextText?: string | null;
}

async function projectOrThrow(tx: Tx | AppDeps['db'], projectId: string): Promise<ProjectContext> {
  const project = await findProjectContext(tx, projectId);
  if (!project) throw new DomainError('PROJECT_NOT_FOUND');
  return project;
}

async function reportOrThrow(tx: Tx, reportId: string): Promise<ReportRow> {
  const report = await findReport(tx, reportId);
  if (!report) throw new DomainError('REPORT_NOT_FOUND');
  return report;
}

/** The units the actor holds grants in. */
function actorUnitIds(actor: Actor): string[] {
  return actor.grants.flatMap((g) => (g.unitId ? [g.unitId] : []));
}

/** The regions of the units the actor holds grants in: what reportingUnit needs to know of them. */
function actorUnitRegions(tx: Tx, actor: Actor): Promise<Map<string, string>> {
  return unitsRegions(tx, actorUnitIds(actor));
}

/** The unit the actor reports for on this project and region; refused when none may. */
function unitForActor(
  actor: Actor,
  project: ProjectContext,
  regionCode: string,
  unitRegions: Map<string, string>,
): string | null {
  if (regionCode !== project.regionCode && !project.allocationRegions.includes(regionCode)) {
    throw new DomainError('REPORT_REGION_INVALID', { field: 'regionCode' });
  }
  const unitId = reportingUnit(actor, project, regionCode, unitRegions);
  if (unitId === undefined) throw new DomainError('OUT_OF_SCOPE');
  // A coordinator files on behalf of the lead unit, whose approver then decides on it.
  return unitId ?? (regionCode === project.regionCode ? (project.unitIds[0] ?? null) : null);
}

/**
 * For a correction: the latest approved figures before the date it corrects (from the history; the
 * read model holds only the latest).
 */
async function baselineBefore(tx: Tx, project: ProjectContext, regionCode: string, correctedAsOf: string) {
  const history = (await reportsOfProject(tx, project.id, regionCode)).map((r) => r.report);
  const approved = currentApproved(history).filter((r) => r.asOf < correctedAsOf);
  const last = approved.at(-1);
  const values = last ? ((await valuesOf(tx, [last.id], project)).get(last.id)?.values ?? {}) : {};
  return { lastApprovedAsOf: last?.asOf ?? null, lastApproved: values };
}

function assertSound(
  input: Pick<ReportInput, 'asOf' | 'values' | 'eligible' | 'explanations'>,
  project: ProjectContext,
  regionCode: string,
  baseline: { lastApprovedAsOf: string | null; lastApproved: Record<string, Quantity> },
  correction: boolean,
): void {
  throwProblems(
    reportProblems(input, {
      period: project.period,
      // A sub-region's figures are measured against its own share of the target (任务分解).
      indicators:
        regionCode === project.regionCode
          ? project.indicators
          : project.indicators.map((i) => ({ ...i, target: i.shares[regionCode] ?? null })),
      ...baseline,
      correction,
    }),
  );
}

/** Refuses the report with every problem listed, under its own code (or REPORT_INVALID if mixed). */
function throwProblems(problems: ReportProblem[]): void {
  if (problems.length === 0) return;
  throw new DomainError(reportProblemCode(problems), {
    field: problems[0]!.field,
    message: problems.map((p) => p.message).join('；'),
    details: problems,
  });
}

function fieldsOf(input: ReportInput) {
  return {
    asOf: input.asOf,
    investment: input.investment ?? null,
    fundsArrived: input.fundsArrived ?? null,
    progressText: input.progressText ?? null,
    problemsText: input.problemsText ?? null,
    nextText: input.nextText ?? null,
    explanations: input.explanations,
  };
}

/** A clerk starts a report (a draft): it may be incomplete; it is checked when submitted. */
export async function draftReport(deps: AppDeps, actor: Actor, projectId: string, input: ReportInput) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const [project, unitRegions] = await readTogether(tx, [
      () => projectOrThrow(tx, projectId),
      () => actorUnitRegions(tx, actor),
    ]);
    const regionCode = input.regionCode ?? project.regionCode;
    const unitId = unitForActor(actor, project, regionCode, unitRegions);
    throwProblems(reportEntryProblems(input, project.indicators));
    const report = await insertReport(tx, {
      projectId,
      regionCode,
      unitId,
      authorId: actor.userId,
      status: 'draft',
      version: 1,
      ...fieldsOf(input),
    });
    await replaceValues(tx, report.id, project, input.values, input.eligible);
    return report;
  });
}

/** The author (or a colleague of the same unit) edits a draft or a returned report. */
export async function editReport(deps: AppDeps, actor: Actor, reportId: string, input: ReportInput) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const [report, unitRegions] = await readTogether(tx, [
      () => reportOrThrow(tx, reportId),
      () => actorUnitRegions(tx, actor),
    ]);
    if (!isEditable(report.status as ReportStatus)) throw new DomainError('REPORT_NOT_EDITABLE');
    const project = await projectOrThrow(tx, report.projectId);
    const unitId = unitForActor(actor, project, report.regionCode, unitRegions);
    if (unitId !== report.unitId && unitId !== null) throw new DomainError('OUT_OF_SCOPE');
    throwProblems(reportEntryProblems(input, project.indicators));
    if (report.supersedes && input.asOf !== report.asOf) {
      throw new DomainError('REPORT_INVALID', { field: 'asOf', message: '更正报告不能改变报告日期' });
    }
    const updated = await updateReport(tx, reportId, { ...fieldsOf(input), status: 'draft' });
    await replaceValues(tx, reportId, project, input.values, input.eligible);
    return updated;
  });
}

/** Submitting checks everything: dates, values against the last approved ones, explanations. */
export async function submitReport(deps: AppDeps, actor: Actor, reportId: string) {
  return writeTransaction(deps.db, actor, async (tx) => {
    // One statement reads all the checks need (issue 3: a submission under 20 ms at p95).
    const context = await submissionContext(tx, reportId, actorUnitIds(actor));
    if (!context) throw new DomainError('REPORT_NOT_FOUND');
    const { report, project } = context;
    if (!isEditable(report.status as ReportStatus)) throw new DomainError('REPORT_NOT_EDITABLE');
    unitForActor(actor, project, report.regionCode, context.unitRegions);
    const figures = valuesByRef(context.valueRows, [report.id], project).get(report.id)!;
    const correction = report.supersedes !== null;
    const baseline = correction
      ? await baselineBefore(tx, project, report.regionCode, report.asOf)
      : baselineByRef(context.approved, project);
    assertSound(
      { asOf: report.asOf, ...figures, explanations: report.explanations },
      project,
      report.regionCode,
      baseline,
      correction,
    );
    return updateReport(tx, reportId, { status: 'submitted', submittedAt: deps.now(), returnReason: null });
  });
}

async function decide(
  deps: AppDeps,
  actor: Actor,
  reportId: string,
  outcome: 'approved' | 'returned',
  reason?: string,
) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const report = await reportOrThrow(tx, reportId);
    if (!mayDecide(actor, report)) throw new DomainError('OUT_OF_SCOPE');
    if (report.authorId === actor.userId) throw new DomainError('REPORT_SELF_APPROVAL');
    if (report.status !== 'submitted') throw new DomainError('REPORT_NOT_SUBMITTED');
    const decision = { decidedBy: actor.userId, decidedAt: deps.now() };
    // Another approver may have decided on it since it was read (PostgreSQL runs them side by side).
    const stillSubmitted =
      outcome === 'approved'
        ? await approveAndRollUp(tx, reportId, decision)
        : await returnSubmitted(tx, reportId, { ...decision, returnReason: reason! });
    if (!stillSubmitted) throw new DomainError('REPORT_NOT_SUBMITTED');
    const decided: ReportRow = {
      ...report,
      ...decision,
      status: outcome,
      returnReason: outcome === 'returned' ? reason! : null,
    };
    return decided;
  });
}

export const approveReport = (deps: AppDeps, actor: Actor, reportId: string) =>
  decide(deps, actor, reportId, 'approved');
export const returnReport = (deps: AppDeps, actor: Actor, reportId: string, reason: string) =>
  decide(deps, actor, reportId, 'returned', reason);

/** A correction of an approved report: a new draft version of the same date, with its reason. */
export async function correctReport(deps: AppDeps, actor: Actor, reportId: string, reason: string) {
  return writeTransaction(deps.db, actor, async (tx) => {
    const [original, unitRegions] = await readTogether(tx, [
      () => reportOrThrow(tx, reportId),
      () => actorUnitRegions(tx, actor),
    ]);
    if (original.status !== 'approved') throw new DomainError('REPORT_NOT_APPROVED');
    const project = await projectOrThrow(tx, original.projectId);
    const unitId = unitForActor(actor, project, original.regionCode, unitRegions);
    const versions = (await reportsOfProject(tx, project.id, original.regionCode))
      .map((r) => r.report)
      .filter((r) => r.asOf === original.asOf);
    // One correction at a time, of the latest version: two open at once let the approver's last
    // decision lose to the higher version number without a word.
    const open = versions.find((v) => v.status !== 'approved');
    if (open)
      throw new DomainError('REPORT_CORRECTION_OPEN', {
        message: `这份报告已有一份更正在办理中（第 ${open.version} 版），请在那一份上修改`,
      });
    const newer = versions.find((v) => v.version > original.version);
    if (newer)
      throw new DomainError('REPORT_NOT_LATEST', {
        message: `这份报告已有更新的版本（第 ${newer.version} 版），请更正最新一版`,
      });
    const figures = (await valuesOf(tx, [original.id], project)).get(original.id)!;
    const copy = await insertReport(tx, {
      projectId: project.id,
      regionCode: original.regionCode,
      asOf: original.asOf,
      version: Math.max(...versions.map((v) => v.version)) + 1,
      status: 'draft',
      unitId: unitId ?? original.unitId,
      authorId: actor.userId,
      investment: original.investment,
      fundsArrived: original.fundsArrived,
      progressText: original.progressText,
      problemsText: original.problemsText,
      nextText: original.nextText,
      explanations: original.explanations,
      correctionReason: reason,
      supersedes: original.id,
    });
    await replaceValues(tx, copy.id, project, figures.values, figures.eligible);
    return copy;
  });
}

/** Every version of every report of a project, newest first, with its figures. */
export async function projectReports(deps: AppDeps, actor: Actor, projectId: string) {
  const project = await projectOrThrow(deps.db, projectId);
  if (!mayReadProject(actor, project)) throw new DomainError('OUT_OF_SCOPE');
  const rows = (await reportsOfProject(deps.db, projectId)).filter((r) => maySeeReport(actor, r.report));
  const figures = await valuesOf(
    deps.db,
    rows.map((r) => r.report.id),
    project,
  );
  const current = new Set(currentApproved(rows.map((r) => r.report)).map((r) => r.id));
  const photos = await photosOf(
    deps.db,
    rows.map((r) => r.report.id),
  );
  return {
    project: {
      id: project.id,
      ref: project.ref,
      name: project.name,
      regionCode: project.regionCode,
      indicators: project.indicators,
    },
    items: rows.map((r) => ({
      ...r.report,
      authorName: r.authorName,
      unitName: r.unitName,
      current: current.has(r.report.id),
      photos: photos.get(r.report.id) ?? [],
      ...figures.get(r.report.id)!,
    })),
  };
}

/** Submitted reports the actor may decide on, oldest first; their own are left out. */
export async function approvalQueue(deps: AppDeps, actor: Actor) {
  const scopes = scopesFor(actor, 'record.approve');
  if (scopes.length === 0) throw new DomainError('FORBIDDEN');
  const rows = await submittedWithin(deps.db, scopes);
  return {
    items: rows
      .filter((r) => mayDecide(actor, r.report) && r.report.authorId !== actor.userId)
      .map((r) => ({
        ...r.report,
        projectName: r.projectName,
        projectRef: r.projectRef,
        authorName: r.authorName,
        unitName: r.unitName,
      })),
  };
}
