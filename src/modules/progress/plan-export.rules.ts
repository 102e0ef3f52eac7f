import type { PlanDocument, PlanIndicator, PlanProject } from './plan-format.schema';

/**
 * What `plan export` writes, in the kinds the exchange format knows (shared/spec/plan-format.md: count,
 * amount, coverage, entitlement, percent). Inside minsheng a project adopted without figures keeps
 * one indicator of kind `milestone` (节点类: done when its milestones are reached, DOMAIN.md's
 * milestone-only project). Outside tools read it as what it is: a count of milestones reached, its
 * target made explicit, and, where no milestone plans it, the plan that one more is reached at each
 * due date written out. The assessment of the exported plan, read back, is the same.
 */
export function inExchangeKinds(plan: PlanDocument): PlanDocument {
  return { ...plan, projects: plan.projects.map(projectInExchangeKinds) };
}

function projectInExchangeKinds(project: PlanProject): PlanProject {
  const milestoneRefs = project.indicators.filter((i) => i.kind === 'milestone').map((i) => i.ref);
  if (milestoneRefs.length === 0) return project;
  const byDue = [...project.milestones.keys()].sort(
    (a, b) => project.milestones[a]!.due.localeCompare(project.milestones[b]!.due) || a - b,
  );
  const reachedBy = new Map(byDue.map((index, k) => [index, k + 1]));
  const unplanned = milestoneRefs.filter((ref) =>
    project.milestones.every((m) => m.planned[ref] === undefined),
  );
  return {
    ...project,
    indicators: project.indicators.map((i): PlanIndicator => {
      if (i.kind !== 'milestone') return i;
      const { kind: _milestone, target, ...rest } = i;
      return { ...rest, unit: i.unit ?? '个', kind: 'count', target: target ?? project.milestones.length };
    }),
    milestones: project.milestones.map((m, index) =>
      unplanned.length === 0
        ? m
        : {
            ...m,
            planned: {
              ...m.planned,
              ...Object.fromEntries(unplanned.map((ref) => [ref, reachedBy.get(index)!])),
            },
          },
    ),
  };
}
