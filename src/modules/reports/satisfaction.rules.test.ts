import { describe, expect, it } from 'vitest';
import {
  type EvaluationInput,
  type EvaluationRegionInput,
  hasSatisfactionResults,
  satisfactionMarkdown,
  satisfactionRate,
  satisfactionSection,
} from './satisfaction.rules';

const counts = (satisfied: number, basicallySatisfied: number, dissatisfied: number, blank = 0) => ({
  satisfied,
  basicallySatisfied,
  dissatisfied,
  blank,
});

const RULE =
  '满意票超过应到人数的半数为满意；否则满意与基本满意票之和超过应到人数的半数为基本满意；否则为不满意';

/** Qinshui with two projects rated by five deputies (four ballots back) and a few residents. */
function qinshui(overrides: Partial<EvaluationRegionInput> = {}): EvaluationRegionInput {
  return {
    regionCode: '140521',
    regionName: '沁水县',
    planTitle: '沁水县2022年民生实事',
    session: {
      title: '2022年民生实事项目满意度测评',
      // 9 p.m. in Beijing on the 20th is still the 20th; 17:00 UTC is already the 21st there.
      closedAt: new Date('2023-02-20T17:00:00Z'),
      ruleText: RULE,
      valid: true,
      roll: 5,
      returned: 4,
    },
    projects: [
      {
        seq: 1,
        name: '县乡村道水毁修复',
        deputies: { counts: counts(3, 1, 0), verdict: '满意' },
        survey: { answers: 3, counts: counts(2, 0, 1) },
      },
      {
        seq: 2,
        name: '“五个一批”群众文化惠民工程',
        deputies: { counts: counts(1, 2, 0, 1), verdict: '基本满意' },
        survey: { answers: 0, counts: counts(0, 0, 0) },
      },
    ],
    ...overrides,
  };
}

const input = (regions: EvaluationRegionInput[], region = '140521'): EvaluationInput => ({
  region,
  year: 2022,
  regions,
});

describe('satisfactionRate: (满意 + 基本满意) ÷ counted, one decimal, on integers', () => {
  it.each([
    [2, 3, 66.7],
    [1, 3, 33.3],
    [5, 8, 62.5],
    [4, 4, 100],
    [0, 7, 0],
    [1, 1000, 0.1],
    [1, 2000, 0.1],
    [1, 2001, 0],
  ])('%i of %i is %f%%', (good, total, rate) => {
    expect(satisfactionRate(good, total)).toBe(rate);
  });

  it('is null when nothing was counted', () => {
    expect(satisfactionRate(0, 0)).toBeNull();
  });
});

describe('satisfactionSection', () => {
  it('counts a blank ballot against the deputies’ rate, and only answers in the survey’s', () => {
    const section = satisfactionSection(input([qinshui()]));
    expect(section.projects[1]!.deputies).toEqual({
      satisfied: 1,
      basicallySatisfied: 2,
      dissatisfied: 0,
      blank: 1,
      total: 4,
      rate: 75,
      verdict: '基本满意',
    });
    expect(section.projects[0]!.survey).toEqual({
      satisfied: 2,
      basicallySatisfied: 0,
      dissatisfied: 1,
      total: 3,
      rate: 66.7,
    });
    expect(section.projects[1]!.survey.rate).toBeNull();
    expect(section.deputyVerdicts).toEqual({ 满意: 1, 基本满意: 1, 不满意: 0 });
    expect(section.survey).toMatchObject({ total: 3, rate: 66.7 });
  });

  it('dates the session by the Beijing day it closed', () => {
    expect(satisfactionSection(input([qinshui()])).session).toMatchObject({ date: '2023-02-21', roll: 5 });
    const noon = qinshui({ session: { ...qinshui().session!, closedAt: '2023-02-21T04:00:00.000Z' } });
    expect(satisfactionSection(input([noon])).session?.date).toBe('2023-02-21');
  });

  it('puts the plan’s own region first and keeps its sub-regions beside it', () => {
    const county = qinshui();
    const city: EvaluationRegionInput = {
      regionCode: '140500',
      regionName: '晋城市',
      planTitle: null,
      session: null,
      projects: [
        { seq: 1, name: '城区供暖', deputies: null, survey: { answers: 2, counts: counts(1, 1, 0) } },
      ],
    };
    const section = satisfactionSection(input([county, city], '140500'));
    expect(section.regions.map((r) => r.name)).toEqual(['晋城市', '沁水县']);
    expect(section.session).toBeNull();
    expect(section.projects.map((p) => p.name)).toEqual(['城区供暖']);
    expect(section.regions[1]).toMatchObject({
      projects: 2,
      sessionCounted: true,
      deputyVerdicts: { 满意: 1, 基本满意: 1, 不满意: 0 },
      survey: { total: 3, rate: 66.7 },
    });
    expect(section.regions[0]).toMatchObject({ sessionCounted: false, survey: { total: 2, rate: 100 } });
  });

  it('has results with a counted session or a survey answer anywhere, and none without', () => {
    const empty = qinshui({
      session: null,
      projects: qinshui().projects.map((p) => ({
        ...p,
        deputies: null,
        survey: { answers: 0, counts: counts(0, 0, 0) },
      })),
    });
    expect(hasSatisfactionResults(satisfactionSection(input([empty])))).toBe(false);
    expect(hasSatisfactionResults(satisfactionSection(input([qinshui()])))).toBe(true);
    const surveyOnly = {
      ...empty,
      projects: [{ ...empty.projects[0]!, survey: qinshui().projects[0]!.survey }],
    };
    expect(hasSatisfactionResults(satisfactionSection(input([surveyOnly])))).toBe(true);
  });
});

describe('satisfactionMarkdown', () => {
  it('writes the deputies’ verdicts with their counts and rates, then the survey', () => {
    const text = satisfactionMarkdown(satisfactionSection(input([qinshui()])), 3, 2022).join('\n');
    expect(text).toContain('## 三、满意度测评\n\n### （一）人大代表满意度测评');
    expect(text).toContain(
      `2023年2月21日，2022年民生实事项目满意度测评应到代表5人，收回测评票4张。按照“${RULE}”的规则，2件民生实事项目中，测评结果为满意1件，基本满意1件。`,
    );
    expect(text).toContain('| 序号 | 项目 | 满意 | 基本满意 | 不满意 | 未评 | 满意率 | 测评结果 |');
    expect(text).toContain('| 1 | 县乡村道水毁修复 | 3 | 1 | 0 | 0 | 100% | 满意 |');
    expect(text).toContain('| 2 | “五个一批”群众文化惠民工程 | 1 | 2 | 0 | 1 | 75% | 基本满意 |');
    expect(text).toContain(
      '群众通过项目二维码（码上评）对1件项目作出评价3份，其中满意2份、基本满意0份、不满意1份，总体满意率66.7%。',
    );
    expect(text).toContain('| 1 | 县乡村道水毁修复 | 3 | 2 | 0 | 1 | 66.7% |');
    expect(text).toContain('| 2 | “五个一批”群众文化惠民工程 | 0 | 0 | 0 | 0 | — |');
    expect(text).not.toContain('分地区');
  });

  it('says plainly when nothing has been rated yet', () => {
    const none = qinshui({
      session: null,
      projects: qinshui().projects.map((p) => ({
        ...p,
        deputies: null,
        survey: { answers: 0, counts: counts(0, 0, 0) },
      })),
    });
    expect(satisfactionMarkdown(satisfactionSection(input([none])), 3, 2022)).toEqual([
      '## 三、满意度测评',
      '',
      '2022年度民生实事项目尚未开展满意度测评，暂无人大代表测评结果和群众满意度调查结果。',
    ]);
  });

  it('says which half is missing: no session counted, or no survey answer', () => {
    const surveyOnly = qinshui({
      session: null,
      projects: qinshui().projects.map((p) => ({ ...p, deputies: null })),
    });
    const a = satisfactionMarkdown(satisfactionSection(input([surveyOnly])), 2, 2022).join('\n');
    expect(a).toContain('## 二、满意度测评');
    expect(a).toContain('本年度尚未组织人大代表满意度测评，或测评尚未计票。');
    const deputiesOnly = qinshui({
      projects: qinshui().projects.map((p) => ({ ...p, survey: { answers: 0, counts: counts(0, 0, 0) } })),
    });
    expect(satisfactionMarkdown(satisfactionSection(input([deputiesOnly])), 2, 2022).join('\n')).toContain(
      '本年度群众满意度调查尚未收到评价。',
    );
  });

  it('gives no verdict for a session with more ballots than were handed out', () => {
    const invalid = qinshui({
      session: { ...qinshui().session!, valid: false, returned: 6 },
      projects: qinshui().projects.map((p) => ({ ...p, deputies: null })),
    });
    expect(satisfactionMarkdown(satisfactionSection(input([invalid])), 3, 2022).join('\n')).toContain(
      '2023年2月21日，2022年民生实事项目满意度测评应到代表5人，收回测评票6张。收回票数多于发出票数，本次测评无效，不作测评结论。',
    );
  });

  it('adds a table per region when sub-regions have plans that year', () => {
    const other: EvaluationRegionInput = {
      regionCode: '140522',
      regionName: '阳城县',
      planTitle: null,
      session: null,
      projects: [
        { seq: 1, name: '农村供水', deputies: null, survey: { answers: 1, counts: counts(0, 0, 1) } },
      ],
    };
    const text = satisfactionMarkdown(satisfactionSection(input([qinshui(), other])), 3, 2022).join('\n');
    expect(text).toContain('### （三）分地区情况\n\n本年度有2个地区的民生实事计划参加测评，各地区情况如下。');
    expect(text).toContain('| 沁水县 | 2 | 1/1/0 | 3 | 66.7% |');
    expect(text).toContain('| 阳城县 | 1 | 尚未测评 | 1 | 0% |');
  });
});
