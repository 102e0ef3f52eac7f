import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor';
import { surveyAnswers } from '../../src/modules/evaluation';
import { publicEvaluations } from '../../src/modules/evaluation/use-cases/public-list';
import { evaluationResults } from '../../src/modules/evaluation/use-cases/results';
import { answerSurvey, publicProject } from '../../src/modules/evaluation/use-cases/survey';
import {
  clearSurveyWindow,
  setSurveyWindow,
  surveyWindow,
} from '../../src/modules/evaluation/use-cases/survey-window';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

/** 2024-01-15 in China: the day the tests stand on unless a test moves the clock. */
const DAY = new Date('2024-01-15T02:00:00Z');

describe.each(testDatabaseKinds())('the survey takes answers within its window on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let now = DAY;
  let coordinator: Actor;
  let projectId: string;

  beforeAll(async () => {
    database = await kind.open();
    deps = createDeps(database, configFromEnv({}), () => now);
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
    const results = await evaluationResults(deps, coordinator, '140521', 2023);
    projectId = results.regions[0]!.projects[0]!.projectId;
  });
  afterAll(() => database?.close());

  it('is open at any time while staff have set no window', async () => {
    expect(await surveyWindow(deps, coordinator, '140521', 2023)).toMatchObject({
      window: null,
      mayManage: true,
    });
    expect((await publicProject(deps, projectId)).surveyWindow).toEqual({
      opensOn: null,
      closesOn: null,
      state: 'open',
      message: null,
    });
    await answerSurvey(deps, projectId, { rating: '满意', phone: '13903560001' });
  });

  it('lets the coordinator alone set a window of a week at least, by the suggestions’ rule', async () => {
    const viewer = await actorOf(database.db, 'jincheng.viewer');
    const clerk = await actorOf(database.db, 'zjj.clerk');
    for (const who of [viewer, clerk]) {
      await expect(
        setSurveyWindow(deps, who, '140521', 2023, { opensOn: '2024-01-20', closesOn: '2024-02-20' }),
      ).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    }
    await expect(
      setSurveyWindow(deps, coordinator, '140521', 2023, { opensOn: '2024-01-20', closesOn: '2024-01-25' }),
    ).rejects.toMatchObject({
      code: 'SURVEY_WINDOW_TOO_SHORT',
      field: 'closesOn',
      message: '满意度评价期不少于 7 天（现为 6 天）',
    });
    await expect(
      setSurveyWindow(deps, coordinator, '140521', 2023, { opensOn: '2024-02-30', closesOn: '2024-03-20' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'opensOn', message: '开始日期不正确' });
    const set = await setSurveyWindow(deps, coordinator, '140521', 2023, {
      opensOn: '2024-01-20',
      closesOn: '2024-02-20',
    });
    expect(set.window).toEqual({
      opensOn: '2024-01-20',
      closesOn: '2024-02-20',
      days: 32,
      state: 'upcoming',
    });
    expect((await surveyWindow(deps, viewer, '140521', 2023)).window?.state).toBe('upcoming');
  });

  it('refuses an answer before the window opens, says when it opens, and records nothing', async () => {
    const before = (await database.db.select().from(surveyAnswers)).length;
    await expect(
      answerSurvey(deps, projectId, { rating: '满意', phone: '13903560002' }),
    ).rejects.toMatchObject({
      code: 'SURVEY_CLOSED',
      message:
        '本年度群众满意度评价将于2024年1月20日开始（评价期 2024年1月20日至2024年2月20日），届时欢迎您评价',
      details: { opensOn: '2024-01-20', closesOn: '2024-02-20' },
    });
    expect(await database.db.select().from(surveyAnswers)).toHaveLength(before);
    expect((await publicProject(deps, projectId)).surveyWindow).toMatchObject({
      opensOn: '2024-01-20',
      closesOn: '2024-02-20',
      state: 'upcoming',
      message: expect.stringContaining('将于2024年1月20日开始'),
    });
  });

  it('takes answers on its first and last day (China dates), and refuses them the day after', async () => {
    // The portal's front door lists the survey while it is open, with the projects to rate.
    const listed = async () => (await publicEvaluations(deps)).surveys.map((v) => `${v.regionName}${v.year}`);
    expect(await listed()).toEqual([]);
    now = new Date('2024-01-19T16:00:00Z'); // 00:00 on 20 January in China
    await answerSurvey(deps, projectId, { rating: '基本满意', phone: '13903560002' });
    expect(await listed()).toEqual(['沁水县2023']);
    now = new Date('2024-02-20T15:59:00Z'); // 23:59 on 20 February in China
    await answerSurvey(deps, projectId, { rating: '满意', phone: '13903560003' });
    const [open] = (await publicEvaluations(deps)).surveys;
    expect(open!.projects.map((p) => p.id)).toContain(projectId);
    now = new Date('2024-02-20T16:00:00Z');
    expect(await listed()).toEqual([]);
    // The deputies' counted evaluation of 2022 (演示数据) is listed whatever the survey's state.
    expect(
      (await publicEvaluations(deps)).sessions.map((v) => `${v.regionName}${v.year} ${v.stateLabel}`),
    ).toEqual(['沁水县2022 结果已公布']);
    await expect(
      answerSurvey(deps, projectId, { rating: '满意', phone: '13903560004' }),
    ).rejects.toMatchObject({
      code: 'SURVEY_CLOSED',
      message:
        '本年度群众满意度评价时间为2024年1月20日至2024年2月20日，现已结束。感谢您的关注，您仍可查看项目进展、提出建议',
    });
    const page = await publicProject(deps, projectId);
    expect(page.surveyWindow.state).toBe('closed');
    expect(page.survey.answers).toBe(3);
  });

  it('opens again at any time once the coordinator takes the window away', async () => {
    expect((await clearSurveyWindow(deps, coordinator, '140521', 2023)).window).toBeNull();
    await answerSurvey(deps, projectId, { rating: '满意', phone: '13903560004' });
    expect((await publicProject(deps, projectId)).survey.answers).toBe(4);
    now = DAY;
  });
});
