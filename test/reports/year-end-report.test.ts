import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../src/db/transaction';
import type { Actor } from '../../src/kernel/actor';
import { candidates } from '../../src/modules/candidates';
import { castEvaluationBallot, closeEvaluation } from '../../src/modules/evaluation/use-cases/ballots';
import { evaluationResults } from '../../src/modules/evaluation/use-cases/results';
import {
  checkIn,
  createSession,
  getRoll,
  openSession,
  setRoll,
} from '../../src/modules/evaluation/use-cases/sessions';
import { answerSurvey } from '../../src/modules/evaluation/use-cases/survey';
import { findPlanYear } from '../../src/modules/plans';
import { renderBulletin, renderYearEndReport } from '../../src/modules/reports';
import { linkCandidate, planFunnel } from '../../src/modules/suggestions';
import { listGroups } from '../../src/modules/suggestions/use-cases/views';
import { DEMO_EVALUATION_TITLE } from '../../src/seed/evaluation-demo';
import { seed } from '../../src/seed/seed';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';
import { actorOf } from '../support/actors';
import { type TestDatabase, testDatabaseKinds } from '../support/databases';

const QINSHUI = '140521';

const md = async (deps: AppDeps, actor: Actor | string, year: number) =>
  String((await renderYearEndReport(deps, actor, { regionCode: QINSHUI, year, format: 'md' })).body);

describe.each(testDatabaseKinds())('the year-end report on $name', (kind) => {
  let database: TestDatabase;
  let deps: AppDeps;
  let coordinator: Actor;

  beforeAll(async () => {
    database = await kind.open();
    // Drawn up on 1 February 2024, after both demo years are over.
    deps = createDeps(database, configFromEnv({}), () => new Date('2024-02-01T02:00:00Z'));
    await seed(deps, { demo: true, adminPassword: 'Qinshui#2023pass' });
    coordinator = await actorOf(database.db, 'qinshui.coord');
  });
  afterAll(() => database?.close());

  it('reports Qinshui 2022 with the demo evaluation of the 2023 congress, counts and rates per project', async () => {
    const text = await md(deps, coordinator, 2022);
    expect(text.startsWith('# 沁水县2022年民生实事办理情况报告\n\n（2024年2月1日）\n')).toBe(true);
    expect(text).toContain('2022年，沁水县12件民生实事全部完成全年目标任务。累计完成投资3.62亿元');
    expect(text).toContain('本年度群众建议未通过本平台征集。本年度民生实事项目共12件，按年度计划组织实施。');
    expect(text).toContain(
      `2023年2月21日，${DEMO_EVALUATION_TITLE}应到代表150人，收回测评票142张。按照“满意票超过应到人数的半数为满意；`,
    );
    expect(text).toContain('12件民生实事项目中，测评结果为满意11件，基本满意1件。');
    // Every row of the table is the count the evaluation module holds for that project.
    const results = await evaluationResults(deps, coordinator, QINSHUI, 2022);
    const projects = results.regions[0]!.projects;
    for (const [i, p] of projects.entries()) {
      const c = p.deputies!.counts;
      expect(c.satisfied + c.basicallySatisfied + c.dissatisfied + c.blank).toBe(142);
      const rate = Math.round(((c.satisfied + c.basicallySatisfied) * 1000) / 142) / 10;
      expect(text).toContain(
        `| ${i + 1} | ${p.name} | ${c.satisfied} | ${c.basicallySatisfied} | ${c.dissatisfied} | ${c.blank} | ${rate}% | ${p.deputies!.verdict} |`,
      );
      const s = p.survey;
      expect(s.answers).toBeGreaterThan(0);
      expect(text).toContain(
        `| ${i + 1} | ${p.name} | ${s.answers} | ${s.counts.satisfied} | ${s.counts.basicallySatisfied} | ${s.counts.dissatisfied} | ${s.satisfactionRate}% |`,
      );
    }
    const culture = projects.find((p) => p.name.includes('五个一批'))!;
    expect(culture.deputies!.verdict).toBe('基本满意');
    const answers = results.regions[0]!.surveyAnswers;
    expect(text).toContain(`群众通过项目二维码（码上评）对12件项目作出评价${answers}份`);
  });

  it('says for Qinshui 2023 that nothing is rated yet, and tells its funnel with the database’s numbers', async () => {
    const planYear = (await findPlanYear(deps.db, QINSHUI, 2023))!;
    const made = await writeTransaction(deps.db, 'system:test', (tx) =>
      tx
        .insert(candidates)
        .values(
          ['口袋公园建设项目', '中医巡回医疗服务项目', '城区慢行系统改造项目'].map((name, i) => ({
            planYearId: planYear.id,
            seq: i + 1,
            name,
            units: { lead: ['住建局'], partners: [], implementers: [] },
            shortlisted: i < 2,
            status: i === 0 ? 'elected' : 'listed',
          })),
        )
        .returning(),
    );
    const groups = await listGroups(deps, coordinator, QINSHUI, 2023, {});
    const park = groups.groups.find((g) => g.label.includes('公园'))!;
    await linkCandidate(deps, coordinator, made[0]!.id, park.id);
    const funnel = await planFunnel(deps, coordinator, QINSHUI, 2023);
    expect(funnel).toMatchObject({ candidates: 3, shortlisted: 2, elected: 1, linkedCandidates: 1 });
    expect(funnel.suggestionsInElected).toBe(park.members.length);

    const text = await md(deps, coordinator, 2023);
    expect(text).toContain('（2024年2月1日·演示数据）');
    expect(text).toContain(
      `公开征集各类意见建议${funnel.suggestions}条，经分类梳理合并为${funnel.groups}组，交由相关部门研究办理，已公开答复${funnel.answered}组。` +
        '各部门和各乡镇谋划提出项目建议3个（其中1个关联了群众建议）；经优化比选，确定票决候选项目2个；经人大代表票决，确定民生实事项目1件。' +
        `当选项目共吸纳群众建议${park.members.length}条。`,
    );
    expect(text).toContain(
      `| 群众建议 | ${funnel.suggestions} |\n| 建议组 | ${funnel.groups} |\n| 项目建议 | 3 |\n| 票决候选 | 2 |\n| 当选项目 | 1 |`,
    );
    expect(text).toContain(
      '2023年度民生实事项目尚未开展满意度测评，暂无人大代表测评结果和群众满意度调查结果。',
    );

    const json = JSON.parse(
      String(
        (await renderYearEndReport(deps, coordinator, { regionCode: QINSHUI, year: 2023, format: 'json' }))
          .body,
      ),
    );
    expect(json.funnel.steps.map((s: { value: number }) => s.value)).toEqual([
      funnel.suggestions,
      funnel.groups,
      3,
      2,
      1,
    ]);
    expect(json.satisfaction).toMatchObject({ session: null, survey: { total: 0, rate: null } });
  });

  it('adds the satisfaction section to the bulletin once the year is rated, and only then', async () => {
    const before = await renderBulletin(deps, coordinator, {
      regionCode: QINSHUI,
      year: 2023,
      asOf: '2023-08-25',
      format: 'md',
    });
    expect(String(before.body)).not.toContain('满意度测评');
    const beforeJson = await renderBulletin(deps, coordinator, {
      regionCode: QINSHUI,
      year: 2023,
      asOf: '2023-08-25',
      format: 'json',
    });
    expect(JSON.parse(String(beforeJson.body)).satisfaction).toBeUndefined();

    // The congress of January 2024 rates the 2023 projects: five deputies on the roll, four ballots.
    const onDay: AppDeps = { ...deps, now: () => new Date('2024-01-16T03:00:00Z') };
    const session = await createSession(onDay, coordinator, QINSHUI, 2023, {});
    await setRoll(
      onDay,
      coordinator,
      session.id,
      ['王建军', '李秀英', '张志刚', '刘海燕', '陈国华'].map((name) => ({
        name,
        delegation: '龙港镇代表团',
      })),
    );
    await openSession(onDay, coordinator, session.id);
    const roll = await getRoll(onDay, coordinator, session.id);
    const [first, ...rest] = session.projects;
    const marks = ['满意', '满意', '满意', '不满意'];
    for (const [n, deputy] of roll.items.slice(0, 4).entries()) {
      const { token } = await checkIn(onDay, coordinator, session.id, deputy.id);
      await castEvaluationBallot(onDay, token, {
        [first!.id]: marks[n]!,
        ...Object.fromEntries(rest.map((p) => [p.id, '基本满意'])),
      });
    }
    await closeEvaluation(onDay, coordinator, session.id);
    await answerSurvey(onDay, first!.id, { rating: '满意', phone: '13903561234' });
    await answerSurvey(onDay, first!.id, { rating: '不满意', phone: '13903561235' });

    const bulletinOn = async (asOf: string) =>
      String(
        (await renderBulletin(deps, coordinator, { regionCode: QINSHUI, year: 2023, asOf, format: 'md' }))
          .body,
      );
    // A bulletin dated before the count does not tell of it, whenever it is printed.
    expect(await bulletinOn('2023-08-25')).not.toContain('满意度测评');
    expect(await bulletinOn('2023-12-31')).not.toContain('满意度测评');
    const bulletin = await bulletinOn('2024-01-31');
    const n = session.projects.length;
    // After the twelve projects and the demo's 督办情况.
    expect(bulletin).toContain('## 十三、督办情况');
    expect(bulletin).toContain('## 十四、满意度测评\n\n### （一）人大代表满意度测评');
    expect(bulletin).toContain('2024年1月16日，2023年民生实事项目满意度测评应到代表5人，收回测评票4张。');
    expect(bulletin).toContain(`${n}件民生实事项目中，测评结果为满意1件，基本满意${n - 1}件。`);
    expect(bulletin).toContain(`| 1 | ${first!.name} | 3 | 0 | 1 | 0 | 75% | 满意 |`);
    expect(bulletin).toContain(`| 2 | ${rest[0]!.name} | 0 | 4 | 0 | 0 | 100% | 基本满意 |`);
    expect(bulletin).toContain(
      '群众通过项目二维码（码上评）对1件项目作出评价2份，其中满意1份、基本满意0份、不满意1份，总体满意率50%。',
    );
    // The section comes before the summary table.
    expect(bulletin.indexOf('满意度测评')).toBeLessThan(bulletin.indexOf('## 附表'));
    const json = JSON.parse(
      String(
        (
          await renderBulletin(deps, coordinator, {
            regionCode: QINSHUI,
            year: 2023,
            asOf: '2024-01-31',
            format: 'json',
          })
        ).body,
      ),
    );
    expect(json.satisfaction.projects[0]).toMatchObject({
      name: first!.name,
      deputies: { satisfied: 3, dissatisfied: 1, rate: 75, verdict: '满意' },
      survey: { total: 2, rate: 50 },
    });

    const ledger = new ExcelJS.Workbook();
    await ledger.xlsx.load(
      (
        await renderBulletin(deps, coordinator, {
          regionCode: QINSHUI,
          year: 2023,
          asOf: '2024-01-31',
          format: 'xlsx',
        })
      ).body as unknown as ArrayBuffer,
    );
    expect(ledger.worksheets.map((s) => s.name)).toEqual(['台账', '督办台账', '满意度测评']);
    const sheet = ledger.getWorksheet('满意度测评')!;
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      1,
      first!.name,
      3,
      0,
      1,
      0,
      0.75,
      '满意',
      2,
      1,
      0,
      1,
      0.5,
    ]);
  });

  it('writes the Word document and the workbook from the same figures', async () => {
    const docx = await renderYearEndReport(deps, coordinator, {
      regionCode: QINSHUI,
      year: 2022,
      format: 'docx',
    });
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    for (const words of [
      '沁水县2022年民生实事办理情况报告',
      '一、项目完成情况',
      '二、群众参与',
      '三、满意度测评',
    ]) {
      expect(xml).toContain(words);
    }
    const xlsx = await renderYearEndReport(deps, coordinator, {
      regionCode: QINSHUI,
      year: 2022,
      format: 'xlsx',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['完成情况', '群众参与', '满意度测评']);
    const done = book.getWorksheet('完成情况')!;
    expect(done.getCell('A1').value).toBe('沁水县2022年民生实事办理情况报告');
    expect(done.getRow(4).values).toEqual([
      undefined,
      1,
      '基础设施',
      '县乡村道水毁修复',
      '',
      '完成目标',
      1,
      267000000,
      267000000,
      1,
    ]);
    expect(book.getWorksheet('满意度测评')!.getCell('A2').value).toBe(
      `人大代表测评：${DEMO_EVALUATION_TITLE}，应到 150 人，收回 142 张；规则：满意票超过应到人数的半数为满意；否则满意与基本满意票之和超过应到人数的半数为基本满意；否则为不满意`,
    );
  });

  it('keeps the report to those who may read the plan, and refuses a plan year that does not exist', async () => {
    const henan = await actorOf(database.db, 'henan.coord');
    await expect(md(deps, henan, 2022)).rejects.toMatchObject({ code: 'OUT_OF_SCOPE' });
    const viewer = await actorOf(database.db, 'jincheng.viewer');
    expect(await md(deps, viewer, 2022)).toContain('# 沁水县2022年民生实事办理情况报告');
    await expect(md(deps, coordinator, 2030)).rejects.toMatchObject({
      code: 'PLAN_YEAR_NOT_FOUND',
      message: '没有 140521 2030 年度的计划',
    });
  });
});
