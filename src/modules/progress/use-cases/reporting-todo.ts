import type { Actor } from '../../../kernel/actor';
import { can } from '../../../kernel/policy';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { projectsOfUnits, reportStatesOf } from '../reporting-todo.repository';
import { type ReportingTodo, reportingTodos } from '../reporting-todo.rules';

/**
 * 填报待办: for each project a department of this user works on (in plan years being implemented),
 * what it owes today. The lead unit owes each month's report; a partner only finishes what it began
 * (its drafts and returned reports). Projects that owe nothing are left out.
 */
export async function reportingTodoList(deps: AppDeps, actor: Actor) {
  const unitIds = [...new Set(actor.grants.flatMap((g) => (g.unitId ? [g.unitId] : [])))];
  const rows = (await projectsOfUnits(deps.db, unitIds)).filter((r) =>
    can(actor, 'record.write', { regionCode: r.regionCode, unitId: r.unitId }),
  );
  const reports = await reportStatesOf(
    deps.db,
    rows.map((r) => r.projectId),
  );
  const today = todayInChina(deps);
  const items = rows.flatMap((r) => {
    const own = reports
      .filter((x) => x.projectId === r.projectId)
      .map((x) => ({ ...x, own: x.unitId === r.unitId }));
    const todos = reportingTodos(
      { start: r.periodStart, end: r.periodEnd },
      r.reportingDay,
      today,
      own,
    ).filter((t) => r.role === 'lead' || t.kind === 'draft' || t.kind === 'returned');
    if (todos.length === 0) return [];
    return [
      {
        projectId: r.projectId,
        ref: r.ref,
        name: r.name,
        regionCode: r.regionCode,
        year: r.year,
        unitName: r.unitName,
        lead: r.role === 'lead',
        todos,
      },
    ];
  });
  return { today, items: items.sort(byUrgency) };
}

/** Sent back first, then overdue, then drafts, then what is still to come. */
const RANK: Record<ReportingTodo['kind'], number> = { returned: 0, overdue: 1, draft: 2, due: 3 };
const urgency = (item: { todos: ReportingTodo[] }) => Math.min(...item.todos.map((t) => RANK[t.kind]));
const byUrgency = (a: { todos: ReportingTodo[] }, b: { todos: ReportingTodo[] }) => urgency(a) - urgency(b);
