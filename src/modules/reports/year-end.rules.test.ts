import { describe, expect, it } from 'vitest';
import qinshui2022 from '../../seed/plans/qinshui-2022.plan.json';
import { type PlanDocument, type PlanProject, parsePlanDocument } from '../progress/plan-format.schema';
import { assessPlan } from './bulletin.rules';
import type { FunnelCounts } from './funnel.rules';
import { type SatisfactionSection, satisfactionSection } from './satisfaction.rules';
import { type YearEndInput, yearEndMarkdown, yearEndReport } from './year-end.rules';

function plan(doc: unknown): PlanDocument {
  const r = parsePlanDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

const noFunnel: FunnelCounts = {
  suggestions: 0,
  groups: 0,
  answered: 0,
  candidates: 0,
  shortlisted: 0,
  linkedCandidates: 0,
  elected: 0,
  projects: 12,
  suggestionsInElected: 0,
};

const notRated: SatisfactionSection = satisfactionSection({ region: '140521', year: 2022, regions: [] });

function input(doc: PlanDocument, asOf: string, more: Partial<YearEndInput> = {}): YearEndInput {
  return {
    plan: doc,
    assessment: assessPlan(doc, asOf),
    funnel: noFunnel,
    satisfaction: notRated,
    issuedOn: '2023-02-21',
    demo: false,
    ...more,
  };
}

describe('Qinshui 2022, reported to the congress of February 2023 (seed 001)', () => {
  const doc = plan(qinshui2022);
  const text = yearEndMarkdown(input(doc, '2022-12-31'));

  it('has the title, the date and the overall result with the investment', () => {
    expect(
      text.startsWith('# 沁水县2022年民生实事办理情况报告\n\n（2023年2月21日）\n\n## 一、项目完成情况\n\n'),
    ).toBe(true);
    expect(text).toContain(
      '2022年，沁水县12件民生实事全部完成全年目标任务。累计完成投资3.62亿元，占计划投资3.62亿元的100%。',
    );
  });

  it('groups the projects by field as the report did, each with its figures and money', () => {
    expect(text).toContain('### （一）基础设施（4件）');
    expect(text).toContain('### （二）文化教育（4件）');
    expect(text).toContain('### （三）医疗服务（3件）');
    expect(text).toContain('### （四）兜底保障（1件）');
    expect(text).toContain(
      '一是县乡村道水毁修复，已完成目标任务。修复县道8条（年度目标8条），完成率100%；修复乡道27条（年度目标27条），完成率100%；修复村道77条（年度目标77条），完成率100%。累计完成投资2.67亿元，占计划投资2.67亿元的100%。完成情况：完成县乡村道水毁修复，投资2.67亿元，涉及8条县道、27条乡道、77条村道，保障了群众出行安全。',
    );
    expect(text).toContain('\n一是“1+N”防贫综合保险，已完成目标任务。');
  });

  it('says plainly that no suggestions were gathered here and nothing was rated yet', () => {
    expect(text).toContain(
      '## 二、群众参与\n\n本年度群众建议未通过本平台征集。本年度民生实事项目共12件，按年度计划组织实施。',
    );
    // and no table of zeros after it.
    expect(text).not.toContain('| 群众建议 | 0 |');
    expect(text).toContain(
      '## 三、满意度测评\n\n2022年度民生实事项目尚未开展满意度测评，暂无人大代表测评结果和群众满意度调查结果。',
    );
  });

  it('ends with a table of every project', () => {
    expect(text).toContain(
      '## 附表：项目完成情况一览\n\n| 序号 | 项目 | 领域 | 完成情况 | 完成度 | 完成投资 |',
    );
    expect(text).toContain('| 1 | 县乡村道水毁修复 | 基础设施 | 已完成目标任务 | 100% | 2.67亿元 |');
    expect(text).toContain('| 8 | “五个一批”群众文化惠民工程 | 文化教育 | 已完成目标任务 | 100% | — |');
  });

  it('gives the same figures as data', () => {
    const report = yearEndReport(input(doc, '2022-12-31'));
    expect(report).toMatchObject({
      region: { code: '140521', name: '沁水县' },
      year: 2022,
      title: '沁水县2022年民生实事办理情况报告',
      asOf: '2022-12-31',
      total: 12,
      completed: 12,
      unfinished: 0,
      investment: { planned: '362143500.00', done: '362143500.00', rate: 1 },
      fields: [
        { field: '基础设施', projects: 4 },
        { field: '文化教育', projects: 4 },
        { field: '医疗服务', projects: 3 },
        { field: '兜底保障', projects: 1 },
      ],
    });
    expect(report.projects[0]).toEqual({
      ref: 'P01',
      name: '县乡村道水毁修复',
      field: '基础设施',
      status: 'completed',
      completedAs: 'met',
      completion: 1,
      budget: '267000000.00',
      investment: '267000000.00',
      leadUnits: [],
    });
    expect(report.funnel.steps.map((s) => s.value)).toEqual([0, 0, 0, 0, 0]);
  });
});

function project(ref: string, name: string, value: number, more: Partial<PlanProject> = {}): PlanProject {
  return {
    ref,
    name,
    field: '城乡建设',
    leadUnits: ['住建局'],
    partnerUnits: [],
    leaders: [],
    milestones: [],
    allocations: [],
    indicators: [{ ref: 'I1', name: '改造老旧小区', unit: '个', kind: 'count', target: 20 }],
    reports: [{ asOf: '2023-11-30', values: { I1: value }, eligible: {}, investment: '1500000.00' }],
    budget: '3000000.00',
    ...more,
  };
}

const twoProjects = (a: number, b: number): PlanDocument => ({
  format: 'minsheng.plan/v1',
  region: { code: '140521', name: '沁水县' },
  year: 2023,
  period: { start: '2023-01-01', end: '2023-12-31' },
  projects: [project('P1', '老旧小区改造', a), project('P2', '口袋公园建设', b, { field: undefined })],
});

describe('a year with unfinished projects', () => {
  it('names each unfinished project with how far it got', () => {
    const text = yearEndMarkdown(input(twoProjects(24, 10), '2023-12-31'));
    expect(text).toContain(
      '2023年，沁水县2件民生实事中，1件完成全年目标任务（1件超额完成），1件未完成全年目标任务：口袋公园建设（完成50%）。累计完成投资300万元，占计划投资600万元的50%。',
    );
    expect(text).toContain('一是口袋公园建设，未完成全年目标任务，完成50%。');
    expect(text).toContain('### （二）其他（1件）');
    expect(text).toContain('牵头单位：住建局。');
  });

  it('says 截至 a date when drawn up before the year is out', () => {
    const text = yearEndMarkdown(input(twoProjects(5, 10), '2023-11-30', { issuedOn: '2023-11-30' }));
    expect(text).toContain('（2023年11月30日）');
    expect(text).toContain(
      '截至2023年11月30日，沁水县2件民生实事中，2件未完成全年目标任务：老旧小区改造（完成25%）、口袋公园建设（完成50%）。',
    );
  });

  it('labels simulated figures', () => {
    expect(yearEndMarkdown(input(twoProjects(20, 20), '2023-12-31', { demo: true }))).toContain(
      '（2023年2月21日·演示数据）',
    );
  });

  it('says when no investment has been reported, and an empty plan as such', () => {
    const quiet = twoProjects(20, 20);
    for (const p of quiet.projects) p.reports = [{ asOf: '2023-11-30', values: { I1: 20 }, eligible: {} }];
    expect(yearEndMarkdown(input(quiet, '2023-12-31'))).toContain(
      '2023年，沁水县2件民生实事全部完成全年目标任务。计划投资600万元，尚未报送完成投资。',
    );
    const empty = { ...quiet, projects: [] };
    const text = yearEndMarkdown(input(empty, '2023-12-31', { funnel: { ...noFunnel, projects: 0 } }));
    expect(text).toContain('2023年，沁水县暂无民生实事项目。');
    expect(text).not.toContain('附表');
  });
});
