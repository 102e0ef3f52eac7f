import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { surveyAnswers } from '../../src/modules/evaluation';
import { evaluationResults, surveyComments } from '../../src/modules/evaluation/use-cases/results';
import { answerSurvey, issueSurveyCodes, publicProject } from '../../src/modules/evaluation/use-cases/survey';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

describe.each(testDatabaseKinds())('residents rate a project on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;
  let projectId: string;
  let projectName: string;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => new Date('2023-12-20T02:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
    const results = await evaluationResults(deps, coordinator, '140521', 2023);
    projectId = results.regions[0]!.projects[0]!.projectId;
    projectName = results.regions[0]!.projects[0]!.name;
  });
  afterAll(() => database?.close());

  it('shows the project with its units and approved figures, and no leader or phone', async () => {
    const page = await publicProject(deps, projectId);
    expect(page.name).toBe(projectName);
    expect(page.units.find((u) => u.role === 'lead')?.label).toBe('牵头单位');
    expect(page.indicators.length).toBeGreaterThan(0);
    expect(page.indicators.some((i) => i.value !== null && i.percent !== null)).toBe(true);
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('leaders');
    expect(page.survey).toEqual({
      answers: 0,
      counts: { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, blank: 0 },
      satisfactionRate: null,
      verdict: null,
    });
  });

  it('takes one answer per phone; the second is refused and the first stands', async () => {
    const ok = await answerSurvey(deps, projectId, {
      rating: '满意',
      phone: '139 0356 1234',
      comment: '  路修好了  ',
    });
    expect(ok.message).toBe(`感谢您对“${projectName}”的评价！`);
    await expect(
      answerSurvey(deps, projectId, { rating: '不满意', phone: '+86 13903561234' }),
    ).rejects.toMatchObject({
      code: 'SURVEY_DUPLICATE',
      message: `手机号 139****1234 已对“${projectName}”作过评价，每个手机号对每个项目只能评价一次`,
    });
    await expect(answerSurvey(deps, projectId, { rating: '满意', phone: '12345' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'phone',
      message: '手机号码不正确：应为 11 位手机号，如 139 0356 1234',
    });
    await expect(answerSurvey(deps, projectId, { rating: '满意' })).rejects.toMatchObject({
      code: 'SURVEY_RESPONDENT_REQUIRED',
    });
    const rows = await database.db.select().from(surveyAnswers).where(eq(surveyAnswers.projectId, projectId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rating: '满意',
      comment: '路修好了',
      phoneMasked: '139****1234',
      via: 'phone',
    });
    expect(JSON.stringify(rows)).not.toContain('13903561234');
    await expect(database.db.execute(sql`update survey_answers set rating = '不满意'`)).rejects.toThrow();
  });

  it('takes one answer per one-time code, and refuses a code never handed out', async () => {
    const { codes } = await issueSurveyCodes(deps, coordinator, '140521', 2023, 2);
    expect(codes[0]).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    await answerSurvey(deps, projectId, { rating: '基本满意', code: codes[0]!.toLowerCase() });
    await expect(answerSurvey(deps, projectId, { rating: '满意', code: codes[0]! })).rejects.toMatchObject({
      code: 'SURVEY_DUPLICATE',
      message: `该测评码已对“${projectName}”作过评价，每个测评码对每个项目只能评价一次`,
    });
    await expect(
      answerSurvey(deps, projectId, { rating: '满意', code: 'AAAAA-BBBBB' }),
    ).rejects.toMatchObject({
      code: 'SURVEY_CODE_INVALID',
    });
    const viewer = await actorOf(database.db, 'jincheng.viewer');
    await expect(issueSurveyCodes(deps, viewer, '140521', 2023, 1)).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
    });
  });

  it('stores a script tag as text and counts the answers into a rate and a verdict', async () => {
    const script = '<script>alert("x")</script>希望加快进度';
    await answerSurvey(deps, projectId, { rating: '不满意', phone: '13800138000', comment: script });
    await expect(
      answerSurvey(deps, projectId, { rating: '满意', phone: '13800138001', comment: '好'.repeat(501) }),
    ).rejects.toMatchObject({ field: 'comment', message: '意见建议不能超过 500 字（现有 501 字）' });
    const comments = await surveyComments(deps, coordinator, projectId);
    expect(comments.items.map((c) => c.comment).sort()).toEqual([script, '路修好了'].sort());
    expect(comments.items.find((c) => c.comment === script)!.phoneMasked).toBe('138****8000');
    const viewer = await actorOf(database.db, 'jincheng.viewer');
    const seenByViewer = await surveyComments(deps, viewer, projectId);
    expect(seenByViewer.items.every((c) => c.phoneMasked === null)).toBe(true);
    const page = await publicProject(deps, projectId);
    // 1 满意 + 1 基本满意 + 1 不满意: 2 of 3 satisfied at least basically → 66.7%, 基本满意.
    expect(page.survey).toMatchObject({ answers: 3, satisfactionRate: 66.7, verdict: '基本满意' });
  });
});
