import { describe, expect, it } from 'vitest';
import henan from '../progress/henan-2023.plan.fixture.json';
import { LIGHT_PRESETS } from '../progress/lights.rules';
import { type PlanDocument, type PlanProject, parsePlanDocument } from '../progress/plan-format.schema';
import { assessPlan } from './bulletin.rules';
import {
  bulletinMarkdown,
  bulletinTitle,
  chineseNumeral,
  entitlementWord,
  longDate,
  shortDate,
} from './bulletin-text.rules';

function plan(doc: unknown): PlanDocument {
  const r = parsePlanDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

function project(ref: string, p: Partial<PlanProject> & Pick<PlanProject, 'indicators'>): PlanProject {
  return {
    ref,
    name: `项目${ref}`,
    leadUnits: [],
    partnerUnits: [],
    leaders: [],
    milestones: [],
    reports: [],
    allocations: [],
    ...p,
  };
}

function document(projects: PlanProject[], title?: string): PlanDocument {
  return {
    format: 'minsheng.plan/v1',
    region: { code: '140000', name: '山西省' },
    year: 2023,
    ...(title && { title }),
    period: { start: '2023-01-01', end: '2023-12-31' },
    projects,
  };
}

const text = (p: PlanDocument, asOf: string, rateDecimals?: number) =>
  bulletinMarkdown(assessPlan(p, asOf), p, rateDecimals === undefined ? {} : { rateDecimals });

/** A project with one count indicator of `target`, `value` reported on 31 July unless told otherwise. */
const counted = (ref: string, value: number, target = 100, asOf = '2023-07-31') =>
  project(ref, {
    indicators: [{ ref: 'I1', name: '完成任务', unit: '件', kind: 'count', target }],
    reports: [{ asOf, values: { I1: value }, eligible: {} }],
  });

describe('Henan 2023 at year end, in the words of the release (seed 002)', () => {
  const bulletin = text(plan(henan), '2023-12-31', 1);

  it('has a title and the date and 序时 it was drawn up at', () => {
    expect(
      bulletin.startsWith('# 2023年河南省重点民生实事进展情况通报\n\n（截至2023年12月31日，序时进度100%）\n'),
    ).toBe(true);
  });

  it('opens with the overall result', () => {
    expect(bulletin).toContain(
      '截至12月31日，10件民生实事已全部完成全年目标任务（9件超额完成、1件完成目标任务）。',
    );
  });

  it('quotes the training figures and rates as published: 428.7万人次, 142.9%, 164.4%, 155.9%', () => {
    expect(bulletin).toContain(
      [
        '## 一、开展职业技能培训和评价取证（已超额完成）',
        '',
        '职业技能培训428.7万人次（年度目标300万人次），完成率142.9%；' +
          '新增取得职业资格、职业技能等级等证书的技能人才328.8万人（年度目标200万人），完成率164.4%；' +
          '新增高技能人才124.8万人（年度目标80万人），完成率155.9%。',
      ].join('\n'),
    );
  });

  it.each([
    '新开工乡镇寄宿制小学150所（年度目标150所），完成率100%',
    '基层卫生技术人员在线培训16.6万名（年度目标15万名），完成率110.3%',
    '特殊困难老年人家庭适老化改造7.54万户（年度目标6万户），完成率125.6%',
    '宫颈癌筛查89.2万人（年度目标80万人），完成率111.5%',
    '乳腺癌筛查91.2万人（年度目标80万人），完成率114%',
    '免费产前筛查覆盖率达到86.1%，高于目标21.1个百分点',
    '新生儿“两病”筛查率达到98.4%，高于目标3.4个百分点',
    '新生儿听力筛查率达到98.2%，高于目标3.2个百分点',
    '青少年心理健康服务进村（社区）活动5289场（年度目标3000场），完成率176.3%',
    '重点青少年群体心理咨询1.03万人次（年度目标6000人次），完成率171.8%',
    '个案心理咨询2.39万人次（年度目标1.5万人次），完成率159.1%',
    '“青翼家园”心理咨询工作阵地建成投用219个（年度目标200个），完成率109.5%',
    '为居民用户加装燃气安全装置1100.9万户（年度目标1000万户），完成率110.1%',
    '开工改造老旧小区3430个（年度目标3343个），完成率102.6%',
    '整治“病害”窨井盖28.1万座（年度目标20万座），完成率140.4%',
    '建设配电台区5008个（年度目标5000个），完成率100.2%',
    '建设10千伏及以下配电线路6384千米（年度目标5000千米），完成率127.7%',
    '通过“一卡通”方式集中发放惠民惠农财政补贴273项（年度目标230项），完成率118.7%',
  ])('quotes %s', (phrase) => {
    expect(bulletin).toContain(phrase);
  });

  it('reads the school project, done exactly to target, as 完成目标任务 rather than 超额', () => {
    expect(bulletin).toContain('## 二、改善农村学校办学条件（已完成目标任务）');
  });

  it('carries the latest report’s own words', () => {
    expect(bulletin).toContain(
      '进展情况：累计发放补贴资金544.9亿元，惠及群众3034.1万人，使用社保卡领取补贴的比例达到99.9%。',
    );
  });

  it('numbers all ten sections and ends with a table of every project', () => {
    expect(bulletin).toContain('## 十、加强惠民惠农财政补贴资金“一卡通”管理（已超额完成）');
    expect(bulletin).toContain('| 序号 | 项目 | 状态 | 完成度 | 亮灯 |');
    expect(bulletin).toContain('| 1 | 开展职业技能培训和评价取证 | 已超额完成 | 142.9% | 绿灯 |');
    expect(bulletin).toContain('| 2 | 改善农村学校办学条件 | 已完成目标任务 | 100% | 绿灯 |');
    expect(
      bulletin.endsWith('| 10 | 加强惠民惠农财政补贴资金“一卡通”管理 | 已超额完成 | 118.7% | 绿灯 |\n'),
    ).toBe(true);
  });
});

describe('the opening summary', () => {
  it('reads "总体进度好于预期、快于序时进度。其中，8件已提前超额完成全年目标任务" mid-year', () => {
    const twelve = document([
      ...Array.from({ length: 8 }, (_, i) => counted(`P${i + 1}`, 120)),
      ...Array.from({ length: 4 }, (_, i) => counted(`P${i + 9}`, 70)),
    ]);
    expect(text(twelve, '2023-08-25')).toContain(
      '截至8月25日，12件民生实事总体进度好于预期、快于序时进度。其中，8件已提前超额完成全年目标任务，4件进度快于序时进度。',
    );
  });

  it('names how the completed projects read when they differ, and the lagging ones first', () => {
    const p = document([
      counted('P1', 120),
      project('P2', {
        indicators: [{ ref: 'C', name: '具备午餐条件的城区小学', unit: '所', kind: 'coverage', target: 284 }],
        reports: [{ asOf: '2023-08-25', values: { C: 284 }, eligible: {} }],
      }),
      project('P3', {
        indicators: [{ ref: 'E', name: '资助残疾人大学生', unit: '人', kind: 'entitlement' }],
        reports: [{ asOf: '2023-08-25', values: { E: 5806 }, eligible: { E: 5806 } }],
      }),
      counted('P4', 50),
    ]);
    expect(text(p, '2023-08-29')).toContain(
      '截至8月29日，4件民生实事中有1件进度滞后（落后于序时进度或计划进度），需加快推进。' +
        '其中，3件已提前完成全年目标任务（1件超额完成、1件实现全覆盖、1件实现应补尽补），1件进度滞后。',
    );
  });

  it('reads 基本符合序时进度 when nothing lags but not everything is ahead', () => {
    const p = document([counted('P1', 62), counted('P2', 70)]);
    expect(text(p, '2023-08-25')).toContain(
      '截至8月25日，2件民生实事总体进度基本符合序时进度。其中，1件进度快于序时进度，1件进度基本符合序时进度。',
    );
  });

  it('names severe delays', () => {
    const p = document([counted('P1', 10)]);
    expect(text(p, '2023-08-25')).toContain(
      '截至8月25日，1件民生实事中有1件进度滞后（落后于序时进度或计划进度），需加快推进。其中，1件进度严重滞后。',
    );
  });

  it('does not say 提前 once the period is over, nor 超额 when only some exceeded', () => {
    const p = document([counted('P1', 100), counted('P2', 120)]);
    expect(text(p, '2023-12-31')).toContain(
      '截至12月31日，2件民生实事已全部完成全年目标任务（1件超额完成、1件完成目标任务）。',
    );
    expect(text(document([counted('P1', 100)]), '2023-11-30')).toContain(
      '1件民生实事已全部提前完成全年目标任务。',
    );
  });

  it('says so when there is no project', () => {
    const bulletin = text(document([]), '2023-08-25');
    expect(bulletin).toContain('截至8月25日，暂无民生实事项目。');
    expect(bulletin).not.toContain('附表');
  });

  it('writes the year of a date outside the plan year', () => {
    expect(text(document([counted('P1', 100)]), '2024-01-05')).toContain('截至2024年1月5日，');
  });

  it('uses the region and year as title when the plan has none, and the plan’s own title otherwise', () => {
    expect(text(document([]), '2023-08-25').split('\n')[0]).toBe('# 2023年山西省民生实事进展情况通报');
    expect(text(document([], '2023年省政府12件民生实事'), '2023-08-25').split('\n')[0]).toBe(
      '# 2023年省政府12件民生实事进展情况通报',
    );
  });

  it('puts a note the title ends with on a line of its own, and never says 完成情况进展情况通报', () => {
    expect(bulletinTitle('沁水县2023年民生实事（演示：1-10月进度为模拟数据）')).toEqual({
      heading: '沁水县2023年民生实事进展情况通报',
      note: '（演示：1-10月进度为模拟数据）',
    });
    expect(bulletinTitle('沁水县2022年12件民生实事完成情况')).toEqual({
      heading: '沁水县2022年12件民生实事进展情况通报',
      note: null,
    });
    const lines = text(document([], '吉林省民生实事（演示）'), '2023-08-25').split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# 吉林省民生实事进展情况通报',
      '',
      '（演示）',
      '',
      '（截至2023年8月25日，序时进度64.93%）',
    ]);
  });

  it('says the light rule after the summary when a project in progress carries a light', () => {
    const p = document([counted('P1', 10)]);
    const withRule = bulletinMarkdown(assessPlan(p, '2023-08-25'), p, { lightRule: LIGHT_PRESETS.yinchuan });
    expect(withRule).toContain(
      '需加快推进。其中，1件进度严重滞后。\n\n亮灯规则：已完成的亮绿灯，落后序时进度超过30个百分点的亮红灯，',
    );
  });
});

describe('a project section', () => {
  it('quotes a count’s rate to two decimals by default: 完成率133.29%', () => {
    const p = document([
      project('P08', {
        name: '送戏下乡',
        indicators: [{ ref: 'I1', name: '送戏下乡演出', unit: '场', kind: 'count', target: 10000 }],
        reports: [{ asOf: '2023-08-25', values: { I1: 13329 }, eligible: {} }],
      }),
    ]);
    expect(text(p, '2023-08-29')).toContain('送戏下乡演出1.33万场（年度目标1万场），完成率133.29%。');
  });

  it('shows a project in progress against 序时 and plan, with its status and light', () => {
    const p = document([
      project('P11', {
        name: '惠民补贴',
        indicators: [{ ref: 'A', name: '发放补贴资金', kind: 'amount', target: '100000000.00' }],
        milestones: [{ due: '2023-12-31', planned: { A: '100000000.00' } }],
        reports: [{ asOf: '2023-08-25', values: { A: '50000000.00' }, eligible: {} }],
      }),
    ]);
    const bulletin = text(p, '2023-08-29');
    expect(bulletin).toContain('## 一、惠民补贴（进度滞后·黄灯）');
    expect(bulletin).toContain('发放补贴资金5000万元（年度目标1亿元），完成率50%。');
    expect(bulletin).toContain(
      '项目总体完成50%，序时进度66.03%，计划进度66.03%，落后序时进度16.03个百分点、落后计划进度16.03个百分点。',
    );
  });

  it('says 快于序时进度 for a project ahead, 达到序时进度 for one exactly on it', () => {
    expect(text(document([counted('P1', 70)]), '2023-08-25')).toContain(
      '项目总体完成70%，序时进度64.93%，快于序时进度。',
    );
    // 30 June is day 181 of 365: 序时 49.59%.
    expect(text(document([counted('P1', 49.59, 100, '2023-06-30')]), '2023-06-30')).toContain(
      '项目总体完成49.59%，序时进度49.59%，达到序时进度。',
    );
  });

  it('says how far a project is behind its own plan as well', () => {
    // 沁水县 2023 文化惠民工程 (seed 001): 900 events planned by 30 June, 1800 by 30 September.
    const culture = document([
      project('P09', {
        name: '文化惠民工程',
        indicators: [{ ref: 'I1', name: '群众文化惠民活动', unit: '场', kind: 'count', target: 2000 }],
        milestones: [
          { due: '2023-06-30', planned: { I1: 900 } },
          { due: '2023-09-30', planned: { I1: 1800 } },
        ],
        reports: [{ asOf: '2023-07-31', values: { I1: 1200 }, eligible: {} }],
      }),
    ]);
    expect(text(culture, '2023-08-25')).toContain(
      '项目总体完成60%，序时进度64.93%，计划进度72.39%，落后序时进度4.93个百分点、落后计划进度12.39个百分点。',
    );
  });

  it('reads coverage as 全覆盖 when done and as a coverage rate before', () => {
    const lunch = (covered: number) =>
      document([
        project('P1', {
          indicators: [
            { ref: 'C', name: '具备午餐条件的城区小学', unit: '所', kind: 'coverage', target: 284 },
          ],
          reports: [{ asOf: '2023-08-25', values: { C: covered }, eligible: {} }],
        }),
      ]);
    expect(text(lunch(284), '2023-08-29')).toContain('具备午餐条件的城区小学284所，实现全覆盖。');
    expect(text(lunch(284), '2023-08-29')).toContain('## 一、项目P1（已实现全覆盖）');
    expect(text(lunch(200), '2023-08-29')).toContain(
      '具备午餐条件的城区小学200所（共284所），覆盖率70.42%。',
    );
  });

  it('reads entitlement as 应助尽助 or 应补尽补 when all eligible are served, with served and eligible before', () => {
    const aid = (name: string, served: number, eligible?: number) =>
      document([
        project('P1', {
          indicators: [{ ref: 'E', name, unit: '人', kind: 'entitlement' }],
          reports: [
            {
              asOf: '2023-08-25',
              values: { E: served },
              eligible: eligible === undefined ? {} : { E: eligible },
            },
          ],
        }),
      ]);
    expect(text(aid('资助残疾人大学生', 5806, 5806), '2023-08-29')).toContain(
      '资助残疾人大学生5806人，应助尽助。',
    );
    expect(text(aid('发放高龄老人生活补贴', 5806, 5806), '2023-08-29')).toContain(
      '发放高龄老人生活补贴5806人，应补尽补。',
    );
    expect(text(aid('资助残疾人大学生', 2903, 5806), '2023-08-29')).toContain(
      '资助残疾人大学生2903人（应享受5806人），完成率50%。',
    );
    expect(text(aid('资助残疾人大学生', 2903), '2023-08-29')).toContain(
      '资助残疾人大学生2903人（应享受人数尚未报告）。',
    );
    // No one eligible yet is a legal report; the sentence says so instead of dividing by it.
    expect(text(aid('为困难退役军人发放帮扶金', 0, 0), '2023-08-29')).toContain(
      '为困难退役军人发放帮扶金0人（报告应享受人数为0）。',
    );
  });

  it('reads a percentage below its target with the target and rate', () => {
    const p = document([
      project('P1', {
        indicators: [{ ref: 'P', name: '总体建设进度', unit: '%', kind: 'percent' }],
        reports: [{ asOf: '2023-08-25', values: { P: 65 }, eligible: {} }],
      }),
    ]);
    expect(text(p, '2023-08-25')).toContain('总体建设进度达到65%（目标100%），完成率65%。');
  });

  it('reads milestone-only work by the milestones reached and the next one due', () => {
    const market = (reached: number) =>
      document([
        project('P12', {
          name: '公益性零工市场建设项目',
          indicators: [{ ref: 'M', name: '零工市场建设', kind: 'milestone' }],
          milestones: [
            { due: '2023-03-31', text: '制定方案、选址', planned: {} },
            { due: '2023-06-30', text: '主体认定、设施建设', planned: {} },
            { due: '2023-09-30', text: '人才队伍建设', planned: {} },
            { due: '2023-12-31', text: '试运行', planned: {} },
          ],
          reports: [{ asOf: '2023-04-10', values: { M: reached }, eligible: {} }],
        }),
      ]);
    expect(text(market(1), '2023-04-30')).toContain(
      '零工市场建设：4个节点中已完成1个（最近完成：制定方案、选址），下一节点：6月30日主体认定、设施建设。',
    );
    expect(text(market(0), '2023-04-30')).toContain(
      '零工市场建设：4个节点均未完成，下一节点：3月31日制定方案、选址。',
    );
    expect(text(market(4), '2023-04-30')).toContain('零工市场建设：4个节点已全部完成。');
  });

  it('marks an indicator nothing has been reported on', () => {
    const p = document([
      project('P1', {
        indicators: [
          { ref: 'I1', name: '完成任务', unit: '件', kind: 'count', target: 100 },
          { ref: 'I2', name: '培训人员', unit: '人', kind: 'count', target: 2000 },
        ],
        reports: [{ asOf: '2023-07-31', values: { I1: 70 }, eligible: {} }],
      }),
    ]);
    expect(text(p, '2023-08-25')).toContain('培训人员0人（年度目标2000人），完成率0%（尚未报送进度）。');
  });

  it('says so when a project has no indicator yet', () => {
    expect(text(document([project('P1', { indicators: [] })]), '2023-08-25')).toContain('尚未设定考核指标。');
  });

  it('gives investment against budget and funds arrived in 万元, and the units responsible', () => {
    const p = document([
      project('P01', {
        name: '农村寄递物流服务全覆盖提质工程',
        leadUnits: ['省邮政管理局'],
        partnerUnits: ['省商务厅', '省交通运输厅'],
        budget: '10000000.00',
        indicators: [{ ref: 'I1', name: '统仓共配一体化示范县', unit: '个', kind: 'count', target: 20 }],
        reports: [
          {
            asOf: '2023-08-25',
            values: { I1: 20 },
            eligible: {},
            investment: '8000000.00',
            fundsArrived: '9000000.00',
          },
        ],
      }),
    ]);
    const bulletin = text(p, '2023-08-29');
    expect(bulletin).toContain('累计完成投资800万元，占计划投资1000万元的80%；资金到位900万元。');
    expect(bulletin).toContain('牵头单位：省邮政管理局；配合单位：省商务厅、省交通运输厅。');
  });

  it('gives the budget alone before any investment is reported', () => {
    const p = document([{ ...counted('P1', 10), budget: '126000000.00' }]);
    expect(text(p, '2023-08-25')).toContain('计划投资1.26亿元。');
  });
});

describe('wording helpers', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [50, '五十'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('numbers section %i as %s', (n, numeral) => {
    expect(chineseNumeral(n)).toBe(numeral);
  });

  it('falls back to digits outside 1–999', () => {
    expect(chineseNumeral(0)).toBe('0');
    expect(chineseNumeral(1000)).toBe('1000');
  });

  it('writes dates as documents do', () => {
    expect(shortDate('2023-08-25', 2023)).toBe('8月25日');
    expect(shortDate('2024-01-05', 2023)).toBe('2024年1月5日');
    expect(longDate('2023-08-05')).toBe('2023年8月5日');
  });

  it('chooses 应补尽补 for subsidies and 应助尽助 for aid', () => {
    expect(entitlementWord('残疾人两项补贴')).toBe('应补尽补');
    expect(entitlementWord('困难群众救助')).toBe('应助尽助');
    expect(entitlementWord('生活补助')).toBe('应补尽补');
    expect(entitlementWord('意外伤害保险')).toBe('应补尽补');
  });
});
