import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { planYears } from '../plans';
import { regions } from '../regions';
import { evaluationSessions, surveyWindows } from './evaluation.tables';

/** The public listings of the evaluation module: what anyone may find without a direct link. */

/** Counted sessions everywhere, the latest first: their results are public once counted. */
export async function countedSessions(db: Executor, limit: number) {
  return db
    .select({
      id: evaluationSessions.id,
      title: evaluationSessions.title,
      closedAt: evaluationSessions.closedAt,
      regionCode: planYears.regionCode,
      regionName: regions.name,
      year: planYears.year,
      valid: sql<boolean>`coalesce((${evaluationSessions.result}->>'valid')::boolean, false)`,
      projects: sql<number>`coalesce(jsonb_array_length(${evaluationSessions.result}->'projects'), 0)::int`,
    })
    .from(evaluationSessions)
    .innerJoin(planYears, eq(planYears.id, evaluationSessions.planYearId))
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .where(eq(evaluationSessions.state, 'closed'))
    .orderBy(desc(evaluationSessions.closedAt), asc(planYears.regionCode))
    .limit(limit);
}

/** Plan years whose public survey window holds the China date given. */
export async function openSurveyWindows(db: Executor, today: string) {
  return db
    .select({
      planYearId: planYears.id,
      regionCode: planYears.regionCode,
      regionName: regions.name,
      year: planYears.year,
      opensOn: surveyWindows.opensOn,
      closesOn: surveyWindows.closesOn,
    })
    .from(surveyWindows)
    .innerJoin(planYears, eq(planYears.id, surveyWindows.planYearId))
    .innerJoin(regions, eq(regions.code, planYears.regionCode))
    .where(and(lte(surveyWindows.opensOn, today), gte(surveyWindows.closesOn, today)))
    .orderBy(asc(surveyWindows.closesOn), asc(planYears.regionCode));
}
