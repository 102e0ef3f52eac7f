import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { isForeignKeyViolation } from '../../../db/errors';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import { parentCodeOf, regionLevelOf } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear, planYears } from '../../plans';
import { findRegion, insertRegions } from '../../regions';
import { findUnitByName, guessUnitKind, insertUnit, normalizeUnitName } from '../../units';
import { inExchangeKinds } from '../plan-export.rules';
import { type PlanDocument, parsePlanDocument, serializePlanDocument } from '../plan-format.schema';
import {
  clearPlanContents,
  loadPlanProjects,
  type PlanLoadOptions,
  storePlanProjects,
} from '../plan-store.repository';
import { formatProblem } from '../problems.rules';

export interface ImportSummary {
  region: string;
  year: number;
  replaced: boolean;
  projects: number;
  indicators: number;
  milestones: number;
  reports: number;
  allocations: number;
}

/**
 * Imports a `minsheng.plan/v1` document: all or nothing. A bad document is refused whole with every
 * problem by JSON path; a good one replaces that region's plan year in one transaction.
 */
export async function importPlan(
  deps: AppDeps,
  actor: Actor | string,
  json: unknown,
): Promise<ImportSummary> {
  const parsed = parsePlanDocument(json);
  if (!parsed.ok) {
    throw new DomainError('PLAN_DOCUMENT_INVALID', {
      message: `计划文件有误（${parsed.problems.length} 处），未导入任何内容：${parsed.problems.slice(0, 3).map(formatProblem).join('；')}${parsed.problems.length > 3 ? '……' : ''}`,
      details: parsed.problems,
    });
  }
  const plan = parsed.plan;
  if (typeof actor !== 'string' && !can(actor, 'plan.manage', { regionCode: plan.region.code })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  return writeTransaction(deps.db, actor, async (tx) => {
    await ensureRegion(tx, plan.region.code, plan.region.name);
    for (const p of plan.projects) for (const a of p.allocations) await ensureRegion(tx, a.region, null);
    const existing = await findPlanYear(tx, plan.region.code, plan.year);
    let planYearId: string;
    let keptProjectIds: Map<string, string> | undefined;
    if (existing) {
      planYearId = existing.id;
      keptProjectIds = await clearPlanContents(
        tx,
        planYearId,
        plan.projects.map((p) => p.ref),
      ).catch((error: unknown) => {
        // A project the new document drops may already carry residents' ratings, which are never deleted.
        if (isForeignKeyViolation(error)) throw new DomainError('PLAN_PROJECT_IN_USE');
        throw error;
      });
      await tx
        .update(planYears)
        .set({
          title: plan.title ?? null,
          regionLabel: plan.region.name,
          // An imported document carries real figures, whatever the plan year held before.
          demo: false,
          periodStart: plan.period.start,
          periodEnd: plan.period.end,
        })
        .where(eq(planYears.id, planYearId));
    } else {
      const [row] = await tx
        .insert(planYears)
        .values({
          regionCode: plan.region.code,
          year: plan.year,
          title: plan.title ?? null,
          regionLabel: plan.region.name,
          stage: 'implement',
          periodStart: plan.period.start,
          periodEnd: plan.period.end,
        })
        .returning({ id: planYears.id });
      planYearId = row!.id;
    }
    const unitIds = new Map<string, string>();
    await storePlanProjects(tx, plan, {
      planYearId,
      regionCode: plan.region.code,
      keptProjectIds,
      unitId: async (name) => {
        const key = normalizeUnitName(name);
        const known = unitIds.get(key);
        if (known) return known;
        const unit =
          (await findUnitByName(tx, plan.region.code, key)) ??
          (await insertUnit(tx, { regionCode: plan.region.code, name: key, kind: guessUnitKind(key) }));
        unitIds.set(key, unit.id);
        return unit.id;
      },
    });
    const count = (pick: (p: PlanDocument['projects'][number]) => unknown[]) =>
      plan.projects.reduce((n, p) => n + pick(p).length, 0);
    return {
      region: plan.region.code,
      year: plan.year,
      replaced: Boolean(existing),
      projects: plan.projects.length,
      indicators: count((p) => p.indicators),
      milestones: count((p) => p.milestones),
      reports: count((p) => p.reports),
      allocations: count((p) => p.allocations),
    };
  });
}

/** A region the document names but the database lacks (a township, a renamed county) is added from it. */
async function ensureRegion(tx: Executor, code: string, name: string | null): Promise<void> {
  if (await findRegion(tx, code)) return;
  const parent = parentCodeOf(code);
  await insertRegions(tx, [
    {
      code,
      name: name ?? code,
      level: regionLevelOf(code),
      parentCode: parent && (await findRegion(tx, parent)) ? parent : null,
      source: 'import',
    },
  ]);
}

/** The plan year as the canonical document; what import reads, export writes back. */
export async function loadPlanDocument(
  db: Executor,
  regionCode: string,
  year: number,
  options: PlanLoadOptions = {},
): Promise<PlanDocument> {
  const planYear = await findPlanYear(db, regionCode, year);
  if (!planYear)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  const region = await findRegion(db, regionCode);
  return serializePlanDocument({
    format: 'minsheng.plan/v1',
    region: { code: regionCode, name: planYear.regionLabel ?? region?.name ?? regionCode },
    year,
    ...(planYear.title !== null && { title: planYear.title }),
    period: { start: planYear.periodStart, end: planYear.periodEnd },
    projects: await loadPlanProjects(db, planYear.id, regionCode, options),
  });
}

export async function exportPlan(deps: AppDeps, actor: Actor | string, regionCode: string, year: number) {
  if (typeof actor !== 'string' && !can(actor, 'plan.read', { regionCode }))
    throw new DomainError('OUT_OF_SCOPE');
  return inExchangeKinds(await loadPlanDocument(deps.db, regionCode, year));
}
