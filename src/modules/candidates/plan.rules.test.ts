import { describe, expect, it } from 'vitest';
import { parsePlan } from './plan.rules';

const POCKET_PARKS =
  '2 月份完成 50 万元，完成初步设计批复、财政评审； 3 月底 4 月初完成 50 万元，完成招标工作并开工建设； 4 月份完成 100 万元，进行场地平整、土方回填、树木移植和苗木栽植工作； 5 月份完成 200 万元，完成苗木栽植； 6 月份完成 150 万元，进行土建部分建设 10%并开展苗木管护工作； 7 月份完成 150 万元，进行土建部分建设 40%并开展苗木管护工作； 8 月份完成 100 万元，进行土建部分建设 70%并开展苗木管护工作； 9 月份完成 100 万元，进行土建部分建设 85%并开展苗木管护工作； 10 月份完成 100 万元，完成全部工程。';

describe('parsePlan: monthly steps with investment (口袋公园)', () => {
  const plan = parsePlan(POCKET_PARKS, 2023);

  it('makes one milestone per step, February to October', () => {
    expect(plan.milestones.map((m) => m.due)).toEqual([
      '2023-02-28',
      '2023-04-10',
      '2023-04-30',
      '2023-05-31',
      '2023-06-30',
      '2023-07-31',
      '2023-08-31',
      '2023-09-30',
      '2023-10-31',
    ]);
    expect(plan.unparsed).toEqual([]);
  });

  it('keeps what each step says and when, as written', () => {
    expect(plan.milestones[1]).toEqual({
      due: '2023-04-10',
      when: '3 月底 4 月初',
      text: '完成 50 万元，完成招标工作并开工建设',
      track: null,
      plannedInvestmentYuan: '500000.00',
    });
  });

  it('reads each step’s planned investment, adding up to 1000 万元', () => {
    expect(plan.milestones.map((m) => m.plannedInvestmentYuan)).toEqual([
      '500000.00',
      '500000.00',
      '1000000.00',
      '2000000.00',
      '1500000.00',
      '1500000.00',
      '1000000.00',
      '1000000.00',
      '1000000.00',
    ]);
    expect(plan.plannedInvestmentTotalYuan).toBe('10000000.00');
  });
});

describe('parsePlan: quarters', () => {
  it('reads "投资约…万元" and quarters on separate lines', () => {
    const plan = parsePlan(
      '第一季度：完成初设批复，施工图设计、预算、财评、招标等前期手续和开工建设，投资约120万元；\n第二季度：完成拆除100%，投资约500万元；\n第三季度：新铺慢行步道80%，投资约1000万元；\n第四季度：恢复绿化，投资约1180万元。',
      2023,
    );
    expect(plan.milestones.map((m) => [m.due, m.plannedInvestmentYuan])).toEqual([
      ['2023-03-31', '1200000.00'],
      ['2023-06-30', '5000000.00'],
      ['2023-09-30', '10000000.00'],
      ['2023-12-31', '11800000.00'],
    ]);
    expect(plan.milestones[0]!.text).toBe(
      '完成初设批复，施工图设计、预算、财评、招标等前期手续和开工建设，投资约120万元',
    );
    expect(plan.plannedInvestmentTotalYuan).toBe('28000000.00');
  });

  it('reads "第一、二季度" as one step due at the end of June', () => {
    const plan = parsePlan('第一、二季度：制定办法；\n第三季度：测算资金；\n第四季度：完成发放。', 2023);
    expect(plan.milestones.map((m) => [m.due, m.when, m.text])).toEqual([
      ['2023-06-30', '第一、二季度', '制定办法'],
      ['2023-09-30', '第三季度', '测算资金'],
      ['2023-12-31', '第四季度', '完成发放'],
    ]);
    expect(plan.plannedInvestmentTotalYuan).toBeNull();
  });

  it('keeps a sentence without a deadline for review instead of dropping it', () => {
    const plan = parsePlan(
      '成立巡回医疗工作领导小组，从 1 月份开始，定期对县域内 12 个乡镇开展中医巡回医疗工作。\n第一季度：到土沃乡开展巡回医疗；\n第二季度：到郑村镇开展巡回医疗。',
      2023,
    );
    expect(plan.milestones).toHaveLength(2);
    expect(plan.unparsed).toEqual([
      {
        text: '成立巡回医疗工作领导小组，从 1 月份开始，定期对县域内 12 个乡镇开展中医巡回医疗工作',
        reason: '未识别出时间节点',
      },
    ]);
  });
});

describe('parsePlan: month ranges and sub-plans', () => {
  it('reads ranges to the end of their later month', () => {
    const plan = parsePlan(
      '2-3 月份，确定项目；\n4-5 月份，完成招投标；\n6-7 月份，自行拆除，建立台账；报卫体局体育股；\n7-11 月份，中标单位供货、安装；\n12 月组织验收。',
      2023,
    );
    expect(plan.milestones.map((m) => m.due)).toEqual([
      '2023-03-31',
      '2023-05-31',
      '2023-07-31',
      '2023-11-30',
      '2023-12-31',
    ]);
    // A clause without a time continues the step before it.
    expect(plan.milestones[2]!.text).toBe('自行拆除，建立台账；报卫体局体育股');
    expect(plan.milestones[4]!.text).toBe('组织验收');
  });

  it('names the sub-plan each step belongs to', () => {
    const plan = parsePlan(
      '1. 为残疾人缴纳意外伤害保险：2 月份资金审批；3 月份资金到位。\n2. 为重度残疾人提供免费体检：2 月份资金审批；12 月份体检 468 名残疾人，完成 100%。',
      2023,
    );
    expect(plan.milestones.map((m) => [m.track, m.due, m.text])).toEqual([
      ['为残疾人缴纳意外伤害保险', '2023-02-28', '资金审批'],
      ['为残疾人缴纳意外伤害保险', '2023-03-31', '资金到位'],
      ['为重度残疾人提供免费体检', '2023-02-28', '资金审批'],
      ['为重度残疾人提供免费体检', '2023-12-31', '体检 468 名残疾人，完成 100%'],
    ]);
    expect(plan.unparsed).toEqual([]);
  });

  it('flags recurring work and still reads the dated sub-plan', () => {
    const plan = parsePlan(
      '1. 持续提高生活补贴：每月 5 日前进行统计，每月 6-10 日由财政拨款，发放 70 元补贴。\n2. 开展热饭行动：2-3 月份摸清底数，制定方案；4-5 月份进行试运营；6-12 月份正常运营。',
      2023,
    );
    expect(plan.milestones.map((m) => [m.track, m.due])).toEqual([
      ['开展热饭行动', '2023-03-31'],
      ['开展热饭行动', '2023-05-31'],
      ['开展热饭行动', '2023-12-31'],
    ]);
    expect(plan.unparsed).toEqual([
      {
        text: '每月 5 日前进行统计，每月 6-10 日由财政拨款，发放 70 元补贴',
        reason: '周期性工作（每月、每季度等），未生成单个节点',
      },
    ]);
  });

  it('splits steps joined by a comma when a new time follows', () => {
    const plan = parsePlan('2月份资金审批，3月份资金到位，4月份完成采购', 2023);
    expect(plan.milestones.map((m) => [m.due, m.text])).toEqual([
      ['2023-02-28', '资金审批'],
      ['2023-03-31', '资金到位'],
      ['2023-04-30', '完成采购'],
    ]);
  });

  it('reads web paragraphs as lines', () => {
    const plan = parsePlan('<p>第一季度：摸底；</p> <p>第二季度：联网；</p>', 2023);
    expect(plan.milestones.map((m) => m.due)).toEqual(['2023-03-31', '2023-06-30']);
  });
});

describe('parsePlan: what needs a person', () => {
  it('keeps a plan with no dates whole, with one reason', () => {
    const text = '做好日常宣传工作，每月汇总上报保险理赔情况，每季度参加市局召开的保险推进会。';
    expect(parsePlan(text, 2023)).toEqual({
      milestones: [],
      unparsed: [{ text, reason: '推进计划中没有可识别的时间节点' }],
      plannedInvestmentTotalYuan: null,
    });
  });

  it('reads an empty plan as no milestones and nothing to review', () => {
    expect(parsePlan('', 2023)).toEqual({ milestones: [], unparsed: [], plannedInvestmentTotalYuan: null });
  });

  it('flags a step dated outside the plan year', () => {
    const plan = parsePlan('2024年3月份完成验收', 2023);
    expect(plan.milestones[0]!.due).toBe('2024-03-31');
    expect(plan.unparsed).toEqual([
      { text: '2024年3月份完成验收', reason: '时间“2024年3月份”不在计划年度 2023 年内' },
    ]);
  });

  it('flags a step dated before the one above it', () => {
    const plan = parsePlan('6月份完成招标；3月份完成设计', 2023);
    expect(plan.milestones).toHaveLength(2);
    expect(plan.unparsed).toEqual([
      { text: '3月份完成设计', reason: '时间“3月份”早于上一节点“6月份”，请核对' },
    ]);
  });

  it('flags amounts it cannot tell are investment, and several investments in one step', () => {
    const plan = parsePlan('6月份发放补贴 70 元；7月份完成 50 万元，完成投资 20 万元', 2023);
    expect(plan.milestones.map((m) => m.plannedInvestmentYuan)).toEqual([null, '500000.00']);
    expect(plan.unparsed.map((u) => u.reason)).toEqual([
      '金额“70 元”未识别为计划投资',
      '一个节点写了多个投资金额，只取了第一个“50万元”',
    ]);
  });

  it('reads a deadline written at the end of a sentence', () => {
    const plan = parsePlan('完成项目招标，力争6月底前开工建设', 2023);
    expect(plan.milestones).toEqual([
      {
        due: '2023-06-30',
        when: '6月底前',
        text: '完成项目招标，力争6月底前开工建设',
        track: null,
        plannedInvestmentYuan: null,
      },
    ]);
  });
});
