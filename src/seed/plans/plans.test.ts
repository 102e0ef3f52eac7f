import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumYuan } from '../../kernel/money';
import { assessProject } from '../../modules/progress/assessment.rules';
import { type PlanDocument, parsePlanDocument } from '../../modules/progress/plan-format.schema';
import { buildJilin2023, buildJilin2023Demo } from './build-jilin-2023';
import { buildQinshui2023, readQinshuiFixtureRows } from './build-qinshui-2023';
import { DEMO_TEXT_PREFIX, monthEnds, wan } from './demo-series';
import { DEMO_PLAN_FILES, loadDemoPlan } from './index';

function parse(json: unknown): PlanDocument {
  const parsed = parsePlanDocument(json);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.plan;
}

const plan = (file: string) => parse(loadDemoPlan(file));
const texts = (doc: PlanDocument) => doc.projects.flatMap((p) => p.reports.map((r) => r.text ?? ''));

describe('the demo plan files', () => {
  it('lists every file once, demo exactly for .demo.plan.json', () => {
    expect(DEMO_PLAN_FILES.map((f) => f.file)).toEqual([
      'henan-2023.plan.json',
      'jilin-2023.plan.json',
      'jilin-2023.demo.plan.json',
      'qinshui-2022.plan.json',
      'qinshui-2023.demo.plan.json',
    ]);
    for (const f of DEMO_PLAN_FILES) expect(f.demo).toBe(f.file.endsWith('.demo.plan.json'));
  });

  it.each(DEMO_PLAN_FILES)('$file is accepted by parsePlanDocument, for its region and year', (f) => {
    const parsed = parsePlanDocument(loadDemoPlan(f.file));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    const doc = plan(f.file);
    expect({ region: doc.region.code, year: doc.year }).toEqual({ region: f.regionCode, year: f.year });
    expect(doc.projects.length).toBeGreaterThan(0);
  });

  it.each(DEMO_PLAN_FILES)('$file labels simulated reports, and only those', (f) => {
    const all = texts(plan(f.file));
    if (f.demo) {
      expect(all.length).toBeGreaterThan(0);
      for (const text of all) expect(text.startsWith(DEMO_TEXT_PREFIX)).toBe(true);
    } else {
      for (const text of all) expect(text).not.toContain(DEMO_TEXT_PREFIX);
    }
  });

  it('refuses a file that is not one of them', () => {
    expect(() => loadDemoPlan('../../../package.json')).toThrow(/not a demo plan file/);
  });
});

describe('Henan 2023', () => {
  it('is the progress module’s fixture from seed 002: ten projects, year-end figures only', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../../modules/progress/henan-2023.plan.fixture.json', import.meta.url), 'utf8'),
    );
    expect(loadDemoPlan('henan-2023.plan.json')).toEqual(fixture);
    const doc = plan('henan-2023.plan.json');
    expect(doc.projects).toHaveLength(10);
    for (const p of doc.projects) expect(p.reports.map((r) => r.asOf)).toEqual(['2023-12-31']);
  });
});

describe('Qinshui 2022', () => {
  const doc = plan('qinshui-2022.plan.json');
  const byName = (name: string) => doc.projects.find((p) => p.name === name)!;

  it('has the 12 completed projects of seed 001, each with one report at year end', () => {
    expect(doc.region).toEqual({ code: '140521', name: '沁水县' });
    expect(doc.projects).toHaveLength(12);
    for (const p of doc.projects) expect(p.reports.map((r) => r.asOf)).toEqual(['2022-12-31']);
  });

  it('carries the report’s figures', () => {
    const roads = byName('县乡村道水毁修复');
    expect(roads.reports[0]!.investment).toBe('267000000.00');
    expect(roads.reports[0]!.values).toEqual({ I1: 8, I2: 27, I3: 77 });
    expect(byName('管道燃气户内设施安全改造').reports[0]!.values).toEqual({ I1: 61977 });
    expect(byName('提升农村供水保障水平').reports[0]!.values).toEqual({ I1: 200, I2: 43, I3: 23714 });
    const insurance = byName('“1+N”防贫综合保险');
    expect(insurance.reports[0]!.values).toEqual({ I1: 9694, I2: '866400.00' });
    expect(insurance.leadUnits).toEqual(['乡村振兴局']);
  });

  it('reads as all 12 done at year end', () => {
    for (const p of doc.projects) {
      expect(assessProject(p, doc.period, '2022-12-31').status, p.name).toBe('completed');
    }
  });
});

describe('Jilin 2023', () => {
  const real = plan('jilin-2023.plan.json');
  const demo = plan('jilin-2023.demo.plan.json');

  it('holds seed 004’s targets and no progress, the demo the same projects with January–October', () => {
    expect(real.region).toEqual({ code: '220000', name: '吉林省' });
    expect(texts(real)).toEqual([]);
    expect(demo.projects.map((p) => ({ ...p, reports: [] }))).toEqual(real.projects);
    for (const p of demo.projects) expect(p.reports.map((r) => r.asOf)).toEqual(monthEnds(2023, 10));
    const schools = real.projects.find((p) => p.name === '建设“互联网+教育”结对帮扶校')!;
    expect(schools.indicators.map((i) => ('target' in i ? i.target : null))).toEqual([180, 60, 120]);
    expect(schools.leadUnits).toEqual(['省教育厅']);
  });

  it('matches its generator', () => {
    expect(parse(buildJilin2023())).toEqual(real);
    expect(parse(buildJilin2023Demo())).toEqual(demo);
  });

  it('shows a yellow and a red light at the end of October', () => {
    const lights = demo.projects.map((p) => assessProject(p, demo.period, '2023-10-31').light);
    expect(lights).toContain('yellow');
    expect(lights).toContain('red');
    expect(lights.filter((l) => l === 'green').length).toBeGreaterThanOrEqual(5);
  });
});

describe('Qinshui 2023 demo', () => {
  const doc = plan('qinshui-2023.demo.plan.json');

  it('takes the first 12 of the 15 candidates, with their units, leaders, budgets and plans', () => {
    expect(doc.projects.map((p) => p.name)).toEqual([
      '口袋公园建设项目',
      '中医巡回医疗服务项目',
      '“1+N”防贫综合保险项目',
      '县城中心城区慢行系统改造项目',
      '城乡居民基本医保门诊统筹服务能力提升项目',
      '义务教育学校课后服务项目',
      '老旧小区改造项目',
      '劳动者职业技能提升工程',
      '文化惠民工程',
      '残疾人关爱行动',
      '高龄老年人关怀行动',
      '公益性零工市场建设项目',
    ]);
    const parks = doc.projects[0]!;
    expect(parks.leadUnits).toEqual(['园林绿化中心']);
    expect(parks.leaders).toEqual([
      { role: '县级分管领导', name: '牛正太' },
      { role: '责任领导', name: '刘建' },
      { role: '分管领导', name: '冯亮' },
      { role: '责任人', name: '李慧鑫', phone: '18235666981' },
    ]);
    expect(parks.budget).toBe(wan(1000));
    expect(sumYuan(parks.milestones.map((m) => m.investment!))).toBe(parks.budget);
    expect(doc.projects[3]!.partnerUnits).toEqual([
      '园林绿化服务中心',
      '交警大队',
      '晋城市生态环境局沁水分局',
    ]);
    expect(doc.projects[9]!.indicators.map((i) => ('target' in i ? i.target : null))).toEqual([7900, 4368]);
    for (const p of doc.projects) {
      expect(p.indicators.length).toBeGreaterThanOrEqual(1);
      expect(p.indicators.length).toBeLessThanOrEqual(3);
      expect(p.reports.map((r) => r.asOf)).toEqual(monthEnds(2023, 10));
    }
  });

  it('matches its generator run on the fixture', async () => {
    expect(parse(buildQinshui2023(await readQinshuiFixtureRows()))).toEqual(doc);
  });

  it('at the end of October has projects done, ahead, on track and lagging', () => {
    const at = doc.projects.map((p) => assessProject(p, doc.period, '2023-10-31'));
    const of = (name: string) => at.find((a) => a.name === name)!;
    expect(of('口袋公园建设项目').status).toBe('completed');
    expect(of('文化惠民工程').status).toBe('ahead');
    expect(of('残疾人关爱行动').status).toBe('on-track');
    expect(of('老旧小区改造项目').status).toBe('lagging');
    expect(of('县城中心城区慢行系统改造项目').status).toBe('severely-lagging');
    expect(at.filter((a) => a.status === 'lagging' || a.status === 'severely-lagging')).toHaveLength(3);
    expect(of('老旧小区改造项目').light).toBe('yellow');
    expect(of('县城中心城区慢行系统改造项目').light).toBe('red');
  });
});
