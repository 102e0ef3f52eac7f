import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatYuanChinese, sumYuan } from '../../kernel/money';
import { parseDelimitedText } from './candidate-table.reader';
import { parseCandidateTable } from './candidate-table.rules';

// The official appendix of seed 001: Qinshui county's 2023 candidate list, as circulated.
const FIXTURE = fileURLToPath(
  new URL('../../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url),
);
const table = parseCandidateTable(parseDelimitedText(readFileSync(FIXTURE, 'utf8')), 2023);
const byName = (name: string) => table.candidates.find((c) => c.name === name)!;

describe('the Qinshui 2023 candidate table', () => {
  it('imports as the 15 candidates of the report, in order', () => {
    expect(table.candidates.map((c) => `${c.seq} ${c.name}`)).toEqual([
      '1 口袋公园建设项目',
      '2 中医巡回医疗服务项目',
      '3 “1+N”防贫综合保险项目',
      '4 县城中心城区慢行系统改造项目',
      '5 城乡居民基本医保门诊统筹服务能力提升项目',
      '6 义务教育学校课后服务项目',
      '7 老旧小区改造项目',
      '8 劳动者职业技能提升工程',
      '9 文化惠民工程',
      '10 残疾人关爱行动',
      '11 高龄老年人关怀行动',
      '12 公益性零工市场建设项目',
      '13 全民健身体育设施改造提升全覆盖项目',
      '14 有线电视收视费减免项目',
      '15 自动体外除颤器（AED）配置及培训项目',
    ]);
    expect(table.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('adds up to the 1.26亿元 the report announces', () => {
    const total = sumYuan(table.candidates.map((c) => c.budgetYuan!));
    expect(total).toBe('125750000.00');
    expect(formatYuanChinese(total)).toBe('1.26亿元');
    expect(byName('口袋公园建设项目').budgetYuan).toBe('10000000.00');
    expect(byName('县城中心城区慢行系统改造项目').budgetYuan).toBe('28000000.00');
    expect(byName('中医巡回医疗服务项目').budgetYuan).toBe('1350000.00');
  });

  it('plans the pocket parks in 9 steps, February to October, adding up to 1000万元', () => {
    const parks = byName('口袋公园建设项目');
    expect(parks.milestones.map((m) => `${m.due} ${m.plannedInvestmentYuan}`)).toEqual([
      '2023-02-28 500000.00',
      '2023-04-10 500000.00',
      '2023-04-30 1000000.00',
      '2023-05-31 2000000.00',
      '2023-06-30 1500000.00',
      '2023-07-31 1500000.00',
      '2023-08-31 1000000.00',
      '2023-09-30 1000000.00',
      '2023-10-31 1000000.00',
    ]);
    expect(sumYuan(parks.milestones.map((m) => m.plannedInvestmentYuan!))).toBe('10000000.00');
    expect(parks.milestones[1]!.when).toBe('3 月底 4 月初');
    expect(parks.milestones[8]!.text).toBe('完成 100 万元，完成全部工程');
    expect(parks.needsReview).toEqual([]);
  });

  it('plans the walkway by quarter, its investments matching its budget', () => {
    const walkway = byName('县城中心城区慢行系统改造项目');
    expect(walkway.milestones.map((m) => `${m.when} ${m.due} ${m.plannedInvestmentYuan}`)).toEqual([
      '第一季度 2023-03-31 1200000.00',
      '第二季度 2023-06-30 5000000.00',
      '第三季度 2023-09-30 10000000.00',
      '第四季度 2023-12-31 11800000.00',
    ]);
    expect(walkway.needsReview).toEqual([]);
  });

  it('reads the other plans’ steps', () => {
    const steps = (name: string) => byName(name).milestones.map((m) => m.due);
    expect(steps('义务教育学校课后服务项目')).toEqual(['2023-06-30', '2023-09-30', '2023-12-31']);
    expect(steps('老旧小区改造项目')).toEqual([
      '2023-03-31',
      '2023-05-31',
      '2023-07-31',
      '2023-09-30',
      '2023-10-31',
      '2023-12-31',
    ]);
    expect(steps('全民健身体育设施改造提升全覆盖项目')).toEqual([
      '2023-03-31',
      '2023-05-31',
      '2023-07-31',
      '2023-11-30',
      '2023-12-31',
    ]);
    expect(steps('自动体外除颤器（AED）配置及培训项目')).toEqual([
      '2023-03-31',
      '2023-04-30',
      '2023-10-31',
      '2023-12-31',
    ]);
  });

  it('keeps the two sub-plans of the disabled-care project apart', () => {
    const care = byName('残疾人关爱行动');
    const track = (name: string) => care.milestones.filter((m) => m.track === name);
    expect([...new Set(care.milestones.map((m) => m.track))]).toEqual([
      '为残疾人缴纳意外伤害保险',
      '为重度残疾人提供免费体检',
    ]);
    expect(track('为残疾人缴纳意外伤害保险').map((m) => m.due)).toEqual([
      '2023-02-28',
      '2023-03-31',
      '2023-05-31',
      '2023-07-31',
      '2023-08-31',
      '2023-10-31',
    ]);
    expect(track('为重度残疾人提供免费体检')).toHaveLength(10);
    expect(track('为重度残疾人提供免费体检').at(-1)).toMatchObject({
      due: '2023-12-31',
      text: '体检 468 名残疾人，完成 100%',
    });
  });

  it('reads lead and partner units', () => {
    expect(byName('县城中心城区慢行系统改造项目').units).toEqual({
      lead: ['住建局'],
      partners: ['园林绿化服务中心', '交警大队', '晋城市生态环境局沁水分局'],
      implementers: [],
    });
    expect(byName('城乡居民基本医保门诊统筹服务能力提升项目').units).toEqual({
      lead: ['医保局'],
      partners: ['卫体局', '全县二级及以下公立医疗机构'],
      implementers: [],
    });
    expect(byName('老旧小区改造项目').units).toEqual({
      lead: ['住建局'],
      partners: [],
      implementers: ['城投公司'],
    });
    expect(byName('“1+N”防贫综合保险项目').units.partners).toEqual(['各乡镇人民政府']);
  });

  it('reads leaders, removing the typesetting spaces in names', () => {
    const parks = byName('口袋公园建设项目');
    expect([parks.countyLeaders, parks.responsibleLeaders, parks.supervisingLeaders]).toEqual([
      ['牛正太'],
      ['刘建'],
      ['冯亮'],
    ]);
    expect(byName('“1+N”防贫综合保险项目').supervisingLeaders).toEqual(['张翹']);
    expect(byName('残疾人关爱行动').supervisingLeaders).toEqual(['张鹏军', '席沁军']);
  });

  it('reads the people responsible and their numbers', () => {
    expect(byName('口袋公园建设项目').contacts).toEqual([{ name: '李慧鑫', phone: '18235666981' }]);
    expect(byName('残疾人关爱行动').contacts).toEqual([
      { name: '王瑜杰', phone: '13994726916' },
      { name: '杨沁玲', phone: '13835695708' },
    ]);
    expect(byName('文化惠民工程').contacts).toEqual([
      { name: '张姣姣', phone: '15803567278' },
      { name: '张海龙', phone: '13593323392' },
    ]);
    expect(byName('高龄老年人关怀行动').contacts).toEqual([
      { name: '郭梅梅', phone: '7098335' },
      { name: '冯艳', phone: '13593322672' },
    ]);
  });

  it('lists what a person must still review, naming row and column', () => {
    expect(table.problems.map((p) => p.message)).toEqual([
      '第 3 行“推进计划”：未识别出时间节点（原文：成立巡回医疗工作领导小组，从 1 月份开始，定期对县域内 12 个乡镇开展中医巡…）',
      '第 4 行“推进计划”：推进计划中没有可识别的时间节点（原文：做好日常宣传工作，及时发放保险宣传小册子，开展一年两次的保险实施方案政策培训，每…）',
      '第 9 行“县级分管领导”：只写了职务“分管副县长”，未写姓名（原文：分管副县长）',
      '第 12 行“推进计划”：周期性工作（每月、每季度等），未生成单个节点（原文：每月 5 日前对低保家庭中 80-99 周岁高龄老年人进行统计，按发放标准制做发…）',
      '第 13 行“县级分管领导”：只写了职务“分管副县长”，未写姓名（原文：分管 副县长）',
      '第 15 行“推进计划”：推进计划中没有可识别的时间节点（原文：对全县有线电视用户进行摸底、统计，制定减免方案，针对不同用户由融媒体中心核查后进…）',
    ]);
  });

  it('keeps the full plan text of every candidate, even where no step could be read', () => {
    expect(byName('有线电视收视费减免项目').planText).toContain('让党和政府的声音传遍千家万户');
    expect(byName('有线电视收视费减免项目').milestones).toEqual([]);
  });
});
