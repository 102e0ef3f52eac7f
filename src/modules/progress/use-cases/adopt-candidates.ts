import { and, eq } from 'drizzle-orm';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { type CandidateRow, candidatesOf } from '../../candidates';
import { findPlanYear, planYears } from '../../plans';
import { findUnitByName, guessUnitKind, insertUnit, normalizeUnitName } from '../../units';
import { indicators, milestones, projects, projectUnits } from '../progress.tables';

/** How a candidate's people read as a project's leaders, in the appendix table's order. */
function leadersOf(c: CandidateRow) {
  return [
    ...c.countyLeaders.map((name) => ({ role: '县级分管领导', name })),
    ...c.responsibleLeaders.map((name) => ({ role: '责任领导', name })),
    ...c.supervisingLeaders.map((name) => ({ role: '分管领导', name })),
    ...c.contacts.map((p) => ({ role: '责任人', name: p.name, ...(p.phone ? { phone: p.phone } : {}) })),
  ];
}

/**
 * The deputies' choice becomes the year's work: every elected candidate not yet adopted becomes a
 * project carrying its units, leaders, budget, indicators and milestones. A candidate without
 * measurable indicators is tracked by its milestones (a milestone indicator) until someone adds some.
 */
export async function adoptElectedCandidates(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
) {
  if (typeof actor !== 'string' && !can(actor, 'plan.manage', { regionCode }))
    throw new DomainError('OUT_OF_SCOPE');
  return writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await findPlanYear(tx, regionCode, year);
    if (!planYear) throw new DomainError('PLAN_YEAR_NOT_FOUND');
    const elected = (await candidatesOf(tx, planYear.id)).filter((c) => c.status === 'elected');
    const existing = await tx
      .select({ ref: projects.ref, position: projects.position })
      .from(projects)
      .where(eq(projects.planYearId, planYear.id));
    const taken = new Set(existing.map((p) => p.ref));
    let position = existing.reduce((max, p) => Math.max(max, p.position + 1), 0);
    const adopted: string[] = [];
    for (const c of elected) {
      const ref = `C${String(c.seq).padStart(2, '0')}`;
      if (taken.has(ref)) continue;
      const [project] = await tx
        .insert(projects)
        .values({
          planYearId: planYear.id,
          ref,
          position: position++,
          name: c.name,
          field: c.field,
          task: c.annualTask || null,
          planText: c.planText || null,
          leaders: leadersOf(c),
          budget: c.budget,
          source: 'candidate',
        })
        .returning({ id: projects.id });
      const unitRows = [
        ...c.units.lead.map((name, i) => ({ role: 'lead', position: i, name })),
        ...[...c.units.implementers, ...c.units.partners].map((name, i) => ({
          role: 'partner',
          position: i,
          name,
        })),
      ];
      for (const u of unitRows) {
        const name = normalizeUnitName(u.name);
        const unit =
          (await findUnitByName(tx, regionCode, name)) ??
          (await insertUnit(tx, { regionCode, name, kind: guessUnitKind(name) }));
        await tx
          .insert(projectUnits)
          .values({ projectId: project!.id, role: u.role, position: u.position, unitId: unit.id });
      }
      const measured = c.indicators.length
        ? c.indicators
        : c.milestones.length
          ? [{ ref: 'M1', name: '推进计划节点', unit: '个', kind: 'milestone', target: c.milestones.length }]
          : [];
      if (measured.length) {
        await tx.insert(indicators).values(
          measured.map((ind, i) => ({
            projectId: project!.id,
            ref: ind.ref,
            position: i,
            name: ind.name,
            unit: ind.unit ?? null,
            kind: ind.kind,
            target: ind.target === undefined ? null : String(ind.target),
          })),
        );
      }
      if (c.milestones.length) {
        await tx.insert(milestones).values(
          c.milestones.map((m, i) => ({
            projectId: project!.id,
            position: i,
            due: m.due,
            text: m.text,
            planned: (c.indicators.length ? {} : { M1: i + 1 }) as Record<string, number>,
            investment: m.investment,
          })),
        );
      }
      adopted.push(c.name);
    }
    if (adopted.length && planYear.stage !== 'implement') {
      await tx
        .update(planYears)
        .set({ stage: 'implement' })
        .where(and(eq(planYears.id, planYear.id)));
    }
    return { region: regionCode, year, adopted, elected: elected.length };
  });
}
