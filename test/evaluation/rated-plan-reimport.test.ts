import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { surveyAnswers } from '../../src/modules/evaluation';
import { evaluationResults } from '../../src/modules/evaluation/use-cases/results';
import { answerSurvey } from '../../src/modules/evaluation/use-cases/survey';
import { exportPlan, importPlan } from '../../src/modules/progress/use-cases/plan-exchange';
import { projectDetail } from '../../src/modules/progress/use-cases/views';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

// A plan year is re-imported after residents rated its projects: the projects keep their ids (the
// QR posters on site point at them) and the ratings stay; a document that drops a rated project is
// refused whole.
describe.each(testDatabaseKinds())('re-importing a rated plan year on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;
  let projectId: string;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-12-20T02:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
    const results = await evaluationResults(deps, coordinator, '140521', 2023);
    projectId = results.regions[0]!.projects[0]!.projectId;
    await answerSurvey(deps, projectId, { rating: '满意', phone: '139 0356 1234' });
  });
  afterAll(() => database?.close());

  it('keeps the rated project, its id and its rating when the same projects come back', async () => {
    const document = await exportPlan(deps, coordinator, '140521', 2023);
    const renamed = structuredClone(document);
    renamed.projects[0]!.name = `${document.projects[0]!.name}（修订）`;
    const summary = await importPlan(deps, coordinator, renamed);
    expect(summary.replaced).toBe(true);
    expect((await projectDetail(deps, coordinator, projectId)).project.name).toBe(renamed.projects[0]!.name);
    expect(
      await database.db.select().from(surveyAnswers).where(eq(surveyAnswers.projectId, projectId)),
    ).toHaveLength(1);
    expect(await exportPlan(deps, coordinator, '140521', 2023)).toEqual(renamed);
  });

  it('refuses a document that drops a rated project, and changes nothing', async () => {
    const before = await exportPlan(deps, coordinator, '140521', 2023);
    const rated = (await projectDetail(deps, coordinator, projectId)).project.ref;
    const dropped = { ...before, projects: before.projects.filter((p) => p.ref !== rated) };
    await expect(importPlan(deps, coordinator, dropped)).rejects.toMatchObject({
      code: 'PLAN_PROJECT_IN_USE',
      message: expect.stringContaining('群众评价'),
    });
    expect(await exportPlan(deps, coordinator, '140521', 2023)).toEqual(before);
    expect(
      await database.db.select().from(surveyAnswers).where(eq(surveyAnswers.projectId, projectId)),
    ).toHaveLength(1);
  });
});
