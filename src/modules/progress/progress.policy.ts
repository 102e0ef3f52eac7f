import type { Actor } from '../../kernel/actor';
import { can } from '../../kernel/policy';
import { isWithinRegion } from '../../kernel/regions';
import type { ProjectContext } from './reports.repository';

/**
 * Who reports a project's figures for a region. On the plan's own region: a clerk of one of the
 * project's lead or partner units (the unit the report is filed for), or the region's coordinator.
 * On a sub-region the targets were split to: a clerk of a unit in that sub-region, or its coordinator.
 * Returns the unit the report belongs to, null for a coordinator, undefined when not allowed.
 */
export function reportingUnit(
  actor: Actor,
  project: Pick<ProjectContext, 'regionCode' | 'unitIds'>,
  regionCode: string,
  unitRegions: Map<string, string>,
): string | null | undefined {
  for (const grant of actor.grants) {
    if (!grant.unitId) continue;
    const unitRegion = unitRegions.get(grant.unitId);
    const ownsWork =
      regionCode === project.regionCode
        ? project.unitIds.includes(grant.unitId)
        : unitRegion !== undefined && isWithinRegion(unitRegion, regionCode);
    if (ownsWork && can(actor, 'record.write', { regionCode, unitId: grant.unitId })) return grant.unitId;
  }
  if (can(actor, 'record.write', { regionCode, unitId: null })) return null;
  return undefined;
}

/** An approver of the report's unit, or the region's coordinator — never the report's author. */
export function mayDecide(actor: Actor, report: { regionCode: string; unitId: string | null }): boolean {
  return can(actor, 'record.approve', { regionCode: report.regionCode, unitId: report.unitId });
}

/**
 * A project is readable by whoever reads its plan's region, and by those working on a sub-region it
 * was split to (a county clerk reporting its share of a province project).
 */
export function mayReadProject(
  actor: Actor,
  project: { regionCode: string; allocationRegions: readonly string[] },
): boolean {
  return (
    can(actor, 'plan.read', { regionCode: project.regionCode }) ||
    project.allocationRegions.some((regionCode) => can(actor, 'record.read', { regionCode }))
  );
}

/**
 * Typing a project in and changing it is the coordinator's (民生办) of the plan's region, as importing
 * the plan is: departments report on projects, they do not decide what the projects are.
 */
export function mayManageProjects(actor: Actor, regionCode: string): boolean {
  return can(actor, 'plan.manage', { regionCode });
}

/**
 * A report still being written (a draft, or one sent back to be redone) is its unit's work in
 * progress: its clerks and approvers and the region's coordinator see it; other departments, deputies
 * and superior viewers see reports once they are submitted.
 */
export function maySeeReport(
  actor: Actor,
  report: { status: string; regionCode: string; unitId: string | null },
): boolean {
  if (report.status !== 'draft' && report.status !== 'returned') return true;
  const scope = { regionCode: report.regionCode, unitId: report.unitId };
  return can(actor, 'record.write', scope) || can(actor, 'record.approve', scope);
}
