import type { Actor } from '../../../kernel/actor';
import { can } from '../../../kernel/policy';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { regionNamesOf } from '../../regions';
import { projectsOfUnits, reportStatesOf, sharesInRegions } from '../reporting-todo.repository';
import { type ReportingTodo, type ReportState, reportingTodos } from '../reporting-todo.rules';

/** Who owes the item's reports: the lead unit, a partner unit, or a sub-region for its share. */
export type ReportingRole = 'lead' | 'partner' | 'share';

export interface ReportingTodoItem {
  projectId: string;
  ref: string;
  name: string;
  /** The region the reports are filed for: the plan's own, or the sub-region of a share. */
  regionCode: string;
  planRegionCode: string;
  planRegionName: string;
  year: number;
  /** The unit that owes them, or the sub-region's name for a share. */
  unitName: string;
  role: ReportingRole;
  todos: ReportingTodo[];
}

interface Owed {
  projectId: string;
  ref: string;
  name: string;
  regionCode: string;
  planRegionCode: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  reportingDay: number;
  unitName: string | null;
  role: ReportingRole;
  reports: ReportState[];
}

/**
 * 填报待办: what this user owes today on the monthly reports of projects being implemented.
 * - A department's clerk: the projects its unit works on. The lead unit owes each month's report; a
 *   partner only finishes what it began (its drafts and returned reports).
 * - A sub-region's coordinator (民生办): its share of each higher plan's project whose targets were
 *   split to it (任务分解), every month, whoever in the region began a report.
 * Projects that owe nothing are left out.
 */
export async function reportingTodoList(deps: AppDeps, actor: Actor) {
  const today = todayInChina(deps);
  const owed = [...(await ofUnits(deps, actor)), ...(await ofShares(deps, actor))];
  const regionNames = await regionNamesOf(
    deps.db,
    owed.flatMap((o) => [o.planRegionCode, o.regionCode]),
  );
  const items = owed.flatMap((o): ReportingTodoItem[] => {
    const todos = reportingTodos(
      { start: o.periodStart, end: o.periodEnd },
      o.reportingDay,
      today,
      o.reports,
    ).filter((t) => o.role !== 'partner' || t.kind === 'draft' || t.kind === 'returned');
    if (todos.length === 0) return [];
    return [
      {
        projectId: o.projectId,
        ref: o.ref,
        name: o.name,
        regionCode: o.regionCode,
        planRegionCode: o.planRegionCode,
        planRegionName: regionNames[o.planRegionCode] ?? o.planRegionCode,
        year: o.year,
        unitName: o.unitName ?? regionNames[o.regionCode] ?? o.regionCode,
        role: o.role,
        todos,
      },
    ];
  });
  return { today, items: items.sort(byUrgency) };
}

async function ofUnits(deps: AppDeps, actor: Actor): Promise<Owed[]> {
  const unitIds = [...new Set(actor.grants.flatMap((g) => (g.unitId ? [g.unitId] : [])))];
  const rows = (await projectsOfUnits(deps.db, unitIds)).filter((r) =>
    can(actor, 'record.write', { regionCode: r.regionCode, unitId: r.unitId }),
  );
  const reports = await reportStatesOf(
    deps.db,
    rows.map((r) => r.projectId),
  );
  return rows.map((r) => ({
    ...r,
    planRegionCode: r.regionCode,
    role: r.role === 'lead' ? 'lead' : 'partner',
    reports: reports
      .filter((x) => x.projectId === r.projectId)
      .map((x) => ({ ...x, own: x.unitId === r.unitId })),
  }));
}

/** The regions this user coordinates: their shares of higher plans are theirs to see reported. */
async function ofShares(deps: AppDeps, actor: Actor): Promise<Owed[]> {
  const regions = [
    ...new Set(
      actor.grants
        .filter((g) => !g.unitId && can(actor, 'record.write', { regionCode: g.regionCode, unitId: null }))
        .map((g) => g.regionCode),
    ),
  ];
  const rows = await sharesInRegions(deps.db, regions);
  const reports = await reportStatesOf(
    deps.db,
    rows.map((r) => r.projectId),
    regions,
  );
  return rows.map((r) => ({
    ...r,
    unitName: null,
    role: 'share' as const,
    reports: reports
      .filter((x) => x.projectId === r.projectId && x.regionCode === r.regionCode)
      .map((x) => ({ ...x, own: true })),
  }));
}

/** Sent back first, then overdue, then drafts, then what is still to come. */
const RANK: Record<ReportingTodo['kind'], number> = { returned: 0, overdue: 1, draft: 2, due: 3 };
const urgency = (item: { todos: ReportingTodo[] }) => Math.min(...item.todos.map((t) => RANK[t.kind]));
const byUrgency = (a: { todos: ReportingTodo[] }, b: { todos: ReportingTodo[] }) => urgency(a) - urgency(b);
