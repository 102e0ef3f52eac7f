import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client';
import { rowsOf } from '../../db/transaction';
import { planYears } from '../plans';
import { indicators, latestFigures, projects, projectUnits } from '../progress';
import { units } from '../units';
import type { EvaluationMark } from './evaluation.rules';
import {
  evaluationBallots,
  evaluationCheckins,
  evaluationDeputies,
  evaluationSessions,
  evaluationTokens,
  surveyAnswers,
  surveyCodes,
  surveyKeys,
  surveyWindows,
} from './evaluation.tables';
import type { Ratings } from './session.rules';

/** Every query of the evaluation module. */
export type SessionRow = typeof evaluationSessions.$inferSelect;
export type BallotRow = typeof evaluationBallots.$inferSelect;

export interface SessionWithPlan {
  session: SessionRow;
  regionCode: string;
  year: number;
}

export async function insertSession(tx: Tx, values: typeof evaluationSessions.$inferInsert) {
  const [row] = await tx.insert(evaluationSessions).values(values).returning();
  return row!;
}

export async function findSession(
  db: Executor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SessionWithPlan | undefined> {
  const query = db
    .select({ session: evaluationSessions, regionCode: planYears.regionCode, year: planYears.year })
    .from(evaluationSessions)
    .innerJoin(planYears, eq(planYears.id, evaluationSessions.planYearId))
    .where(eq(evaluationSessions.id, id));
  const [row] = options.forUpdate
    ? await query.for('no key update', { of: evaluationSessions })
    : await query;
  return row;
}

export async function sessionsOfPlanYear(db: Executor, planYearId: string) {
  return db
    .select()
    .from(evaluationSessions)
    .where(eq(evaluationSessions.planYearId, planYearId))
    .orderBy(asc(evaluationSessions.createdAt));
}

/** The session opened last that still takes ballots (a restarted server rehearses its ballot route). */
export async function latestOpenSession(db: Executor) {
  const [row] = await db
    .select()
    .from(evaluationSessions)
    .where(eq(evaluationSessions.state, 'open'))
    .orderBy(desc(evaluationSessions.openedAt))
    .limit(1);
  return row;
}

export async function updateSession(
  tx: Tx,
  id: string,
  patch: Partial<typeof evaluationSessions.$inferInsert>,
) {
  await tx.update(evaluationSessions).set(patch).where(eq(evaluationSessions.id, id));
}

/** The projects of a plan year, in the plan's order. */
export async function planProjects(db: Executor, planYearId: string) {
  return db
    .select({ id: projects.id, seq: projects.position, name: projects.name, field: projects.field })
    .from(projects)
    .where(eq(projects.planYearId, planYearId))
    .orderBy(asc(projects.position));
}

// ── the roll and check-in ─────────────────────────────────────────────────────────────────────────

export async function replaceRoll(
  tx: Tx,
  sessionId: string,
  deputies: readonly { name: string; delegation: string }[],
): Promise<void> {
  await tx.delete(evaluationDeputies).where(eq(evaluationDeputies.sessionId, sessionId));
  for (let i = 0; i < deputies.length; i += 1000) {
    await tx.insert(evaluationDeputies).values(
      deputies.slice(i, i + 1000).map((d, j) => ({
        sessionId,
        seq: i + j + 1,
        name: d.name,
        delegation: d.delegation,
      })),
    );
  }
}

export async function rollOf(db: Executor, sessionId: string) {
  return db
    .select({
      id: evaluationDeputies.id,
      seq: evaluationDeputies.seq,
      name: evaluationDeputies.name,
      delegation: evaluationDeputies.delegation,
      checkedInAt: evaluationCheckins.checkedInAt,
    })
    .from(evaluationDeputies)
    .leftJoin(
      evaluationCheckins,
      and(
        eq(evaluationCheckins.sessionId, evaluationDeputies.sessionId),
        eq(evaluationCheckins.deputyId, evaluationDeputies.id),
      ),
    )
    .where(eq(evaluationDeputies.sessionId, sessionId))
    .orderBy(asc(evaluationDeputies.seq));
}

export async function findDeputy(db: Executor, sessionId: string, deputyId: string) {
  const [row] = await db
    .select()
    .from(evaluationDeputies)
    .where(and(eq(evaluationDeputies.sessionId, sessionId), eq(evaluationDeputies.id, deputyId)));
  return row;
}

export async function isCheckedIn(db: Executor, sessionId: string, deputyId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(evaluationCheckins)
    .where(and(eq(evaluationCheckins.sessionId, sessionId), eq(evaluationCheckins.deputyId, deputyId)));
  return (row?.n ?? 0) > 0;
}

export async function insertCheckin(tx: Tx, sessionId: string, deputyId: string, at: Date) {
  await tx.insert(evaluationCheckins).values({ sessionId, deputyId, checkedInAt: at });
}

export async function insertToken(tx: Tx, sessionId: string, tokenHash: string) {
  await tx.insert(evaluationTokens).values({ sessionId, tokenHash });
}

export async function sessionCounts(db: Executor, sessionId: string) {
  const [row] = rowsOf<{ roll: number; present: number; returned: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from evaluation_deputies where session_id = ${sessionId}) as roll,
        (select count(*)::int from evaluation_checkins where session_id = ${sessionId}) as present,
        (select count(*)::int from evaluation_ballots where session_id = ${sessionId}) as returned`),
  );
  return { roll: Number(row!.roll), present: Number(row!.present), returned: Number(row!.returned) };
}

// ── ballots ───────────────────────────────────────────────────────────────────────────────────────

export async function lookupToken(db: Executor, issued: string, tag: string) {
  const [row] = rowsOf<{ session_id: string; state: string; choices: Ratings | null }>(
    await db.execute(sql`
      select t.session_id, s.state, b.choices
      from evaluation_tokens t
      join evaluation_sessions s on s.id = t.session_id
      left join evaluation_ballots b on b.token_tag = ${tag}
      where t.token_hash = ${issued}`),
  );
  return row ? { sessionId: row.session_id, state: row.state, castChoices: row.choices } : undefined;
}

export async function castChoicesOf(db: Executor, tag: string): Promise<Ratings | undefined> {
  const [row] = await db
    .select({ choices: evaluationBallots.choices })
    .from(evaluationBallots)
    .where(eq(evaluationBallots.tokenTag, tag));
  return row?.choices;
}

export async function chainHead(db: Executor, sessionId: string) {
  const [row] = await db
    .select({ seq: evaluationBallots.seq, hash: evaluationBallots.hash })
    .from(evaluationBallots)
    .where(eq(evaluationBallots.sessionId, sessionId))
    .orderBy(desc(evaluationBallots.seq))
    .limit(1);
  return row ?? null;
}

export async function insertBallot(tx: Tx, row: typeof evaluationBallots.$inferInsert) {
  await tx.insert(evaluationBallots).values(row);
}

export async function ballotsOf(db: Executor, sessionId: string): Promise<BallotRow[]> {
  return db
    .select()
    .from(evaluationBallots)
    .where(eq(evaluationBallots.sessionId, sessionId))
    .orderBy(asc(evaluationBallots.seq));
}

// ── the public survey ─────────────────────────────────────────────────────────────────────────────

/** The plan year's respondent-hash key, made on first use (two first uses at once agree). */
export async function surveyKeyOf(tx: Tx, planYearId: string): Promise<string> {
  await tx
    .insert(surveyKeys)
    .values({ planYearId, secret: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await tx.select().from(surveyKeys).where(eq(surveyKeys.planYearId, planYearId));
  return row!.secret;
}

export async function insertSurveyCodes(tx: Tx, planYearId: string, hashes: readonly string[]) {
  if (hashes.length === 0) return;
  await tx.insert(surveyCodes).values(hashes.map((codeHash) => ({ codeHash, planYearId })));
}

export async function surveyCodeIssued(db: Executor, planYearId: string, hash: string) {
  const [row] = await db
    .select({ n: count() })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.planYearId, planYearId), eq(surveyCodes.codeHash, hash)));
  return (row?.n ?? 0) > 0;
}

/** Inserts the answer unless this respondent has answered this project; true when inserted. */
export async function insertSurveyAnswer(tx: Tx, values: typeof surveyAnswers.$inferInsert) {
  const rows = await tx
    .insert(surveyAnswers)
    .values(values)
    .onConflictDoNothing({ target: [surveyAnswers.projectId, surveyAnswers.respondentHash] })
    .returning({ id: surveyAnswers.id });
  return rows.length > 0;
}

export async function surveyCountsOf(db: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({ projectId: surveyAnswers.projectId, rating: surveyAnswers.rating, n: count() })
    .from(surveyAnswers)
    .where(inArray(surveyAnswers.projectId, [...projectIds]))
    .groupBy(surveyAnswers.projectId, surveyAnswers.rating);
  return rows.map((r) => ({ ...r, rating: r.rating as EvaluationMark, n: Number(r.n) }));
}

export async function surveyCommentsOf(db: Executor, projectId: string, limit: number) {
  return db
    .select({
      id: surveyAnswers.id,
      rating: surveyAnswers.rating,
      comment: surveyAnswers.comment,
      via: surveyAnswers.via,
      phoneMasked: surveyAnswers.phoneMasked,
      createdAt: surveyAnswers.createdAt,
    })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.projectId, projectId), sql`${surveyAnswers.comment} is not null`))
    .orderBy(desc(surveyAnswers.createdAt))
    .limit(limit);
}

// ── what the public page shows of a project ───────────────────────────────────────────────────────

export async function projectWithPlan(db: Executor, projectId: string) {
  const [row] = await db
    .select({
      id: projects.id,
      ref: projects.ref,
      seq: projects.position,
      name: projects.name,
      field: projects.field,
      task: projects.task,
      planYearId: projects.planYearId,
      regionCode: planYears.regionCode,
      year: planYears.year,
      planTitle: planYears.title,
      demo: planYears.demo,
    })
    .from(projects)
    .innerJoin(planYears, eq(planYears.id, projects.planYearId))
    .where(eq(projects.id, projectId));
  return row;
}

export async function unitsOfProject(db: Executor, projectId: string) {
  return db
    .select({ role: projectUnits.role, name: units.name })
    .from(projectUnits)
    .innerJoin(units, eq(units.id, projectUnits.unitId))
    .where(eq(projectUnits.projectId, projectId))
    .orderBy(asc(projectUnits.role), asc(projectUnits.position));
}

/** Indicators with the latest approved figure in the plan's own region (the read model). */
export async function indicatorsWithFigures(db: Executor, projectId: string, regionCode: string) {
  return db
    .select({
      id: indicators.id,
      name: indicators.name,
      unit: indicators.unit,
      kind: indicators.kind,
      target: indicators.target,
      value: latestFigures.value,
      eligible: latestFigures.eligible,
      asOf: latestFigures.asOf,
    })
    .from(indicators)
    .leftJoin(
      latestFigures,
      and(eq(latestFigures.indicatorId, indicators.id), eq(latestFigures.regionCode, regionCode)),
    )
    .where(eq(indicators.projectId, projectId))
    .orderBy(asc(indicators.position));
}

/** Plan years of a year within a region's subtree (for results by region). */
export async function planYearsWithin(db: Executor, regionPrefix: string, year: number) {
  return db
    .select({ id: planYears.id, regionCode: planYears.regionCode, title: planYears.title })
    .from(planYears)
    .where(and(eq(planYears.year, year), sql`${planYears.regionCode} like ${`${regionPrefix}%`}`))
    .orderBy(asc(planYears.regionCode));
}

export async function ballotByReceipt(db: Executor, hash: string) {
  const [row] = await db
    .select({ sessionId: evaluationBallots.sessionId, seq: evaluationBallots.seq })
    .from(evaluationBallots)
    .where(eq(evaluationBallots.receiptHash, hash));
  return row;
}

// ── the survey's window ──────────────────────────────────────────────────────────────────────────

export type SurveyWindowRow = typeof surveyWindows.$inferSelect;

export async function surveyWindowOf(db: Executor, planYearId: string): Promise<SurveyWindowRow | undefined> {
  const [row] = await db.select().from(surveyWindows).where(eq(surveyWindows.planYearId, planYearId));
  return row;
}

export async function saveSurveyWindow(
  tx: Tx,
  planYearId: string,
  values: { opensOn: string; closesOn: string; updatedAt: Date },
): Promise<SurveyWindowRow> {
  const [row] = await tx
    .insert(surveyWindows)
    .values({ planYearId, ...values })
    .onConflictDoUpdate({ target: surveyWindows.planYearId, set: values })
    .returning();
  return row!;
}

export async function deleteSurveyWindow(tx: Tx, planYearId: string): Promise<void> {
  await tx.delete(surveyWindows).where(eq(surveyWindows.planYearId, planYearId));
}

/** The plan year's counted sessions, the latest first (for the project's public page). */
export async function closedSessionsOf(db: Executor, planYearId: string) {
  return db
    .select({
      id: evaluationSessions.id,
      title: evaluationSessions.title,
      closedAt: evaluationSessions.closedAt,
      result: evaluationSessions.result,
    })
    .from(evaluationSessions)
    .where(and(eq(evaluationSessions.planYearId, planYearId), eq(evaluationSessions.state, 'closed')))
    .orderBy(desc(evaluationSessions.closedAt));
}
