import { and, asc, desc, eq, inArray, like, max, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { regionPrefix } from '../../kernel/regions';
import { planYears } from '../plans';
import { projects, projectUnits } from '../progress';
import { regions } from '../regions';
import { units } from '../units';
import { projectInspections, supervisionOrders, supervisionSteps } from './supervision.tables';

/** All SQL of 督办. Orders and steps are only ever inserted. */

const orderColumns = {
  id: supervisionOrders.id,
  planYearId: supervisionOrders.planYearId,
  regionCode: planYears.regionCode,
  regionName: regions.name,
  year: planYears.year,
  serial: supervisionOrders.serial,
  projectId: supervisionOrders.projectId,
  projectRef: projects.ref,
  projectName: projects.name,
  unitId: supervisionOrders.unitId,
  unitName: units.name,
  gravity: supervisionOrders.gravity,
  reason: supervisionOrders.reason,
  requirement: supervisionOrders.requirement,
  issuedAt: supervisionOrders.issuedAt,
  inspectionId: supervisionOrders.inspectionId,
};

export type OrderRow = Awaited<ReturnType<typeof ordersOfPlanYear>>[number];
export type StepRow = typeof supervisionSteps.$inferSelect;

function selectOrders(db: Executor) {
  return db
    .select(orderColumns)
    .from(supervisionOrders)
    .innerJoin(planYears, eq(planYears.id, supervisionOrders.planYearId))
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .innerJoin(projects, eq(projects.id, supervisionOrders.projectId))
    .innerJoin(units, eq(units.id, supervisionOrders.unitId));
}

export async function ordersOfPlanYear(db: Executor, planYearId: string) {
  return selectOrders(db)
    .where(eq(supervisionOrders.planYearId, planYearId))
    .orderBy(asc(supervisionOrders.serial));
}

export async function ordersOfProject(db: Executor, projectId: string) {
  return selectOrders(db)
    .where(eq(supervisionOrders.projectId, projectId))
    .orderBy(asc(supervisionOrders.serial));
}

export async function findOrder(db: Executor, orderId: string): Promise<OrderRow | undefined> {
  const [row] = await selectOrders(db).where(eq(supervisionOrders.id, orderId)).limit(1);
  return row;
}

/** Every step of the orders, in order, grouped by order. */
export async function stepsOfOrders(
  db: Executor,
  orderIds: readonly string[],
): Promise<Map<string, StepRow[]>> {
  const byOrder = new Map<string, StepRow[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select()
    .from(supervisionSteps)
    .where(inArray(supervisionSteps.orderId, [...orderIds]))
    .orderBy(asc(supervisionSteps.orderId), asc(supervisionSteps.position));
  for (const row of rows) byOrder.get(row.orderId)?.push(row);
  return byOrder;
}

/** The next number in the plan year; the caller holds the plan year's row so no two orders share one. */
export async function nextSerial(tx: Tx, planYearId: string): Promise<number> {
  const [row] = await tx
    .select({ last: max(supervisionOrders.serial) })
    .from(supervisionOrders)
    .where(eq(supervisionOrders.planYearId, planYearId));
  return (row?.last ?? 0) + 1;
}

export async function insertOrder(tx: Tx, row: typeof supervisionOrders.$inferInsert) {
  const [created] = await tx.insert(supervisionOrders).values(row).returning({ id: supervisionOrders.id });
  return created!;
}

/**
 * Appends a step at the place after the last one the caller read. Two replies racing for the same
 * place meet the unique index: the second finds no row written and is told to refresh.
 */
export async function appendStep(tx: Tx, row: typeof supervisionSteps.$inferInsert): Promise<boolean> {
  const inserted = await tx
    .insert(supervisionSteps)
    .values(row)
    .onConflictDoNothing({ target: [supervisionSteps.orderId, supervisionSteps.position] })
    .returning({ id: supervisionSteps.id });
  return inserted.length === 1;
}

/**
 * Orders not yet closed in plan years under any of the scopes (region subtrees), newest plan years
 * first: where the level above looks for what was escalated to it.
 */
export async function openOrdersWithin(db: Executor, scopes: readonly string[], limit: number) {
  if (scopes.length === 0) return [];
  return selectOrders(db)
    .where(
      and(
        or(...scopes.map((s) => like(planYears.regionCode, `${regionPrefix(s)}%`))),
        sql`not exists (select 1 from ${supervisionSteps} s where s.order_id = ${supervisionOrders.id} and s.kind = 'closed')`,
      ),
    )
    .orderBy(desc(planYears.year), asc(planYears.regionCode), asc(supervisionOrders.serial))
    .limit(limit);
}

/** Each project's lead and partner units, in order: whom an order about it may go to. */
export async function unitsOfProjects(db: Executor, planYearId: string) {
  const rows = await db
    .select({
      projectId: projectUnits.projectId,
      role: projectUnits.role,
      unitId: units.id,
      unitName: units.name,
    })
    .from(projectUnits)
    .innerJoin(projects, eq(projects.id, projectUnits.projectId))
    .innerJoin(units, eq(units.id, projectUnits.unitId))
    .where(eq(projects.planYearId, planYearId))
    .orderBy(asc(projectUnits.projectId), asc(projectUnits.role), asc(projectUnits.position));
  const byProject = new Map<string, Array<{ id: string; name: string; role: string }>>();
  for (const r of rows) {
    const list = byProject.get(r.projectId) ?? [];
    list.push({ id: r.unitId, name: r.unitName, role: r.role });
    byProject.set(r.projectId, list);
  }
  return byProject;
}

export async function insertInspection(tx: Tx, row: typeof projectInspections.$inferInsert) {
  const [created] = await tx.insert(projectInspections).values(row).returning();
  return created!;
}

export async function findInspection(db: Executor, id: string) {
  const [row] = await db.select().from(projectInspections).where(eq(projectInspections.id, id)).limit(1);
  return row;
}

/** A project's inspection opinions, newest visit first. */
export async function inspectionsOfProject(db: Executor, projectId: string) {
  return db
    .select()
    .from(projectInspections)
    .where(eq(projectInspections.projectId, projectId))
    .orderBy(desc(projectInspections.visitedOn), desc(projectInspections.at));
}
