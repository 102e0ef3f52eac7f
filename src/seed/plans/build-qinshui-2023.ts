/**
 * Builds qinshui-2023.demo.plan.json: Qinshui county's 2023 plan year as if the congress had elected
 * the first 12 of the 15 candidates (差额票决 15→12), read from the official candidate table
 * (shared/fixtures/qinshui-2023-candidates.tsv, seed 001's appendix) with the candidates parsers.
 *
 * From the table (real): name, 年度工作任务, 推进计划 and its dated steps with their planned
 * investment, lead and partner units, leaders by column, budget. Added here: 1–3 measurable
 * indicators per project, taken from the task text (and, for the cultural activities, from seed
 * 001's report), with the planned values the 推进计划 states. Simulated: the monthly reports of
 * January–October 2023, each text starting 【演示数据】.
 *
 *   npx tsx src/seed/plans/build-qinshui-2023.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readTableRows } from '../../modules/candidates/candidate-table.reader';
import { type ParsedCandidate, parseCandidateTable } from '../../modules/candidates/candidate-table.rules';
import type { PlannedMilestone } from '../../modules/candidates/plan.rules';
import type {
  PlanIndicator,
  PlanLeader,
  PlanMilestone,
  PlanProject,
} from '../../modules/progress/plan-format.schema';
import type { Quantity } from '../../modules/progress/quantity.rules';
import { type DemoSeries, demoReports, wan, writePlanFiles } from './demo-series';

export const QINSHUI_2023_FIXTURE = fileURLToPath(
  new URL('../../../../shared/fixtures/qinshui-2023-candidates.tsv', import.meta.url),
);
export const QINSHUI_2023_DEMO_FILE = fileURLToPath(
  new URL('./qinshui-2023.demo.plan.json', import.meta.url),
);

const YEAR = 2023;
/** Seats of the vote: the first 12 candidates of the table are taken as elected. */
const ELECTED = 12;
/** Simulated reports run from January to October. */
const MONTHS = 10;

interface ProjectSpec {
  /** 领域, from the fields seed 001 names: 教育、医疗、文化、体育、就业、基础提升和兜底保障. */
  field: string;
  indicators: PlanIndicator[];
  /** Planned cumulative values, one entry per parsed milestone of the 推进计划, in order. */
  planned: Array<Record<string, Quantity>>;
  series: DemoSeries;
}

const none = (n: number): Array<Record<string, Quantity>> => Array.from({ length: n }, () => ({}));
const yuanSeries = (wanValues: readonly number[]) => wanValues.map((v) => wan(v));

/** Keyed by the project name as the table writes it. */
const SPECS: Record<string, ProjectSpec> = {
  口袋公园建设项目: {
    field: '基础提升',
    indicators: [
      { ref: 'I1', name: '口袋公园、小微绿地建成面积', unit: '平方米', kind: 'count', target: 20000 },
    ],
    planned: [...none(8), { I1: 20000 }],
    series: {
      values: { I1: [0, 0, 0, 3200, 7600, 9800, 12300, 14900, 17400, 20000] },
      investmentWan: [0, 45, 80, 210, 390, 560, 690, 805, 895, 990],
      fundsWan: [0, 100, 100, 400, 400, 700, 700, 1000, 1000, 1000],
      notes: {
        2: '完成初步设计批复和财政评审。',
        4: '已完成招标并开工，进行场地平整、土方回填和树木移植。',
        5: '苗木栽植基本完成。',
        6: '土建部分完成约12%，开展苗木管护。',
        7: '土建部分完成约38%，受降雨影响略慢于推进计划，已增加施工班组。',
        8: '土建部分完成约72%。',
        9: '土建部分完成约88%。',
        10: '全部工程完工，进入养护期。',
      },
    },
  },
  中医巡回医疗服务项目: {
    field: '医疗',
    indicators: [{ ref: 'I1', name: '中医巡回医疗覆盖乡镇', unit: '个', kind: 'coverage', target: 12 }],
    planned: [{ I1: 3 }, { I1: 6 }, { I1: 9 }, { I1: 12 }],
    series: {
      values: { I1: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      investmentWan: [10, 21, 33, 44, 55, 66, 78, 89, 100, 111],
      fundsWan: [34, 34, 68, 68, 68, 101, 101, 101, 135, 135],
      notes: {
        1: '成立巡回医疗工作领导小组，首站到土沃乡开展巡回医疗。',
        3: '第一季度完成土沃乡、张村乡、郑庄镇巡回医疗。',
        6: '第二季度完成郑村镇、嘉峰镇、端氏镇巡回医疗。',
        9: '第三季度完成十里乡、胡底乡、柿庄镇巡回医疗。',
        10: '第四季度已到中村镇开展巡回医疗。',
      },
    },
  },
  '“1+N”防贫综合保险项目': {
    field: '兜底保障',
    indicators: [{ ref: 'I1', name: '全额缴纳“1+N”防贫综合保险保费', unit: '人', kind: 'entitlement' }],
    planned: [],
    series: {
      values: { I1: [0, 9714, 9714, 9721, 9721, 9728, 9728, 9735, 9735, 9742] },
      eligible: { I1: [9714, 9714, 9714, 9721, 9721, 9728, 9728, 9735, 9735, 9742] },
      investmentWan: [0, 170, 170, 170, 170, 170, 170, 170, 170, 170],
      fundsWan: [170, 170, 170, 170, 170, 170, 170, 170, 170, 170],
      notes: {
        1: '完成2023年度参保人员名单核定，保费正在拨付。',
        2: '保费已全额缴纳。',
        4: '动态监测新纳入7人，已全部参保。',
        6: '上半年理赔19件，结案17件。',
        9: '前三季度理赔31件，结案29件。',
      },
    },
  },
  县城中心城区慢行系统改造项目: {
    field: '基础提升',
    indicators: [{ ref: 'I1', name: '新铺慢行步道（人行道改造）', unit: '公里', kind: 'count', target: 6.2 }],
    // 第二季度拆除与基层铺装，第三季度新铺慢行步道80%，第四季度100%.
    planned: [{}, { I1: 0 }, { I1: 4.96 }, { I1: 6.2 }],
    series: {
      values: { I1: [0, 0, 0, 0, 0, 0.3, 0.8, 1.4, 1.9, 2.5] },
      investmentWan: [0, 0, 95, 180, 260, 380, 520, 700, 940, 1120],
      fundsWan: [0, 0, 300, 300, 300, 800, 800, 800, 1300, 1300],
      notes: {
        3: '完成初设批复、施工图设计和招标，已开工。',
        5: '沿河段地下管线迁改协调未完成，人行道拆除慢于推进计划。',
        6: '人行道拆除完成约85%、基层铺装约15%，钢箱梁桥基础完成约40%，滞后于第二季度计划。',
        7: '人行道拆除全部完成。',
        8: '钢箱梁桥设计变更待批复。',
        9: '新铺慢行步道完成约31%（计划80%），进度严重滞后；已约谈施工单位，要求增加作业面。',
        10: '钢箱梁桥设计变更已批复，框架柱施工中。',
      },
    },
  },
  城乡居民基本医保门诊统筹服务能力提升项目: {
    field: '医疗',
    indicators: [{ ref: 'I1', name: '完成推进计划节点', unit: '个', kind: 'milestone' }],
    planned: none(4),
    series: {
      values: { I1: [0, 0, 1, 1, 1, 2, 2, 2, 3, 4] },
      investmentWan: [0, 0, 2, 2, 5, 14, 14, 18, 24, 29],
      notes: {
        3: '已摸清全县二级及以下公立医疗机构联网和软硬件配套情况。',
        6: '完成全县二级及以下公立医疗机构联网和软硬件配套。',
        9: '已向市医保局申请开通普通门诊统筹权限并获批。',
        10: '全县二级及以下公立医疗机构已全面开展门诊统筹服务。',
      },
    },
  },
  义务教育学校课后服务项目: {
    field: '教育',
    indicators: [
      {
        ref: 'I1',
        name: '发放2022-2023学年义务教育学校课后服务财政补贴资金',
        kind: 'amount',
        target: wan(420),
      },
    ],
    // 第一、二季度制定办法，第三季度测算，第四季度落实并完成发放.
    planned: [{ I1: wan(0) }, { I1: wan(0) }, { I1: wan(420) }],
    series: {
      values: { I1: yuanSeries([0, 0, 0, 0, 0, 0, 0, 0, 0, 356]) },
      investmentWan: [0, 0, 0, 0, 0, 0, 0, 0, 0, 356],
      fundsWan: [0, 0, 0, 0, 0, 0, 0, 0, 420, 420],
      notes: {
        5: '正在起草《中小学课后服务费使用管理办法》。',
        6: '《中小学课后服务费使用管理办法》已印发。',
        9: '已按2022-2023学年学生实际参与情况测算财政补贴资金420万元，资金已到位。',
        10: '已向全县义务教育学校发放补贴356万元，其余待学校公示后发放。',
      },
    },
  },
  老旧小区改造项目: {
    field: '基础提升',
    indicators: [
      { ref: 'I1', name: '完成屋面和楼体立面改造的住宅楼', unit: '栋', kind: 'count', target: 26 },
      { ref: 'I2', name: '改造惠及住户', unit: '户', kind: 'count', target: 839 },
    ],
    // 4-5月份管网改造，6-7月份完成各小区住宅楼屋面和楼体立面改造.
    planned: [{}, { I1: 0, I2: 0 }, { I1: 26, I2: 839 }, {}, {}, {}],
    series: {
      values: {
        I1: [0, 0, 0, 0, 0, 2, 6, 10, 14, 19],
        I2: [0, 0, 0, 0, 0, 64, 193, 322, 451, 613],
      },
      investmentWan: [0, 0, 300, 900, 1650, 2300, 2900, 3400, 3850, 4200],
      fundsWan: [0, 0, 1500, 1500, 1500, 3000, 3000, 3000, 4500, 4500],
      notes: {
        3: '完成前期审批核准和招标手续，已全面开工。',
        5: '移民小区片区、天河北巷片区管网改造完成；科教小区片区供热管线迁改滞后。',
        7: '屋面和楼体立面改造完成6栋（计划全部完成），进度滞后。',
        9: '地面透水砖铺装和道路铺设完成约60%。',
        10: '科教小区片区7栋因管线迁改滞后，预计11月底完成立面改造。',
      },
    },
  },
  劳动者职业技能提升工程: {
    field: '就业',
    indicators: [{ ref: 'I1', name: '开展职业技能培训', unit: '人', kind: 'count', target: 2000 }],
    // 第一季度制定方案，第二季度完成30%，第三季度70%，第四季度全部.
    planned: [{ I1: 0 }, { I1: 600 }, { I1: 1400 }, { I1: 2000 }],
    series: {
      values: { I1: [0, 0, 85, 260, 480, 690, 930, 1180, 1460, 1726] },
      investmentWan: [0, 0, 3, 10, 19, 28, 37, 47, 58, 69],
      fundsWan: [0, 0, 40, 40, 40, 40, 80, 80, 80, 80],
      notes: {
        3: '完成培训方案制定，市人社局下达的年度任务已分解到各培训机构。',
        6: '上半年完成任务的34.5%。',
        9: '前三季度完成任务的73%。',
      },
    },
  },
  文化惠民工程: {
    field: '文化',
    indicators: [{ ref: 'I1', name: '开展群众文化惠民活动', unit: '场', kind: 'count', target: 2000 }],
    // 各季度 200、700、900、200 场，累计.
    planned: [{ I1: 200 }, { I1: 900 }, { I1: 1800 }, { I1: 2000 }],
    series: {
      values: { I1: [52, 118, 214, 430, 668, 925, 1230, 1540, 1830, 1905] },
      investmentWan: [8, 17, 30, 60, 93, 129, 172, 215, 256, 266],
      fundsWan: [70, 70, 70, 140, 140, 140, 210, 210, 210, 280],
      notes: {
        3: '第一季度开展送戏（文艺）下乡、周末小剧场、文旅公益课堂等活动。',
        8: '广场舞大赛完成初赛。',
        9: '前三季度活动场次超过推进计划。',
      },
    },
  },
  残疾人关爱行动: {
    field: '兜底保障',
    indicators: [
      { ref: 'I1', name: '为残疾人提供意外伤害保险', unit: '人', kind: 'count', target: 7900 },
      { ref: 'I2', name: '为重度残疾人提供免费体检', unit: '人', kind: 'count', target: 4368 },
    ],
    planned: [
      // 意外伤害保险：2、3、4-5、6-7月准备，8月完成保险协议签订，9-10月备案.
      {},
      {},
      {},
      { I1: 0 },
      { I1: 7900 },
      {},
      // 免费体检：2、3、4-5月准备，6-12月每月650人，12月468人.
      {},
      {},
      { I2: 0 },
      { I2: 650 },
      { I2: 1300 },
      { I2: 1950 },
      { I2: 2600 },
      { I2: 3250 },
      { I2: 3900 },
      { I2: 4368 },
    ],
    series: {
      values: {
        I1: [0, 0, 0, 0, 0, 0, 0, 7900, 7900, 7900],
        I2: [0, 0, 0, 0, 0, 662, 1318, 1985, 2690, 3468],
      },
      investmentWan: [0, 0, 0, 0, 0, 14, 28, 174, 188, 202],
      fundsWan: [0, 0, 260, 260, 260, 260, 260, 260, 260, 260],
      notes: {
        2: '两项资金已审批。',
        3: '资金已到位。',
        5: '完成残疾人精准摸底；体检服务完成政府招标采购。',
        7: '确定承保的保险公司。',
        8: '保险公司与残疾人完成保险协议签订。',
        10: '意外伤害保险花名册已报市残联备案；重度残疾人体检略快于推进计划。',
      },
    },
  },
  高龄老年人关怀行动: {
    field: '兜底保障',
    indicators: [
      { ref: 'I1', name: '低保家庭高龄老年人按月领取养老服务补贴', unit: '人', kind: 'entitlement' },
      // 任务写“选取运营 1-3 家社区食堂”：至少 1 家即为完成.
      { ref: 'I2', name: '运营社区老年食堂', unit: '家', kind: 'count', target: 1 },
    ],
    // 热饭行动：2-3月摸底，4-5月试运营，6-12月正常运营.
    planned: [{}, { I2: 1 }, { I2: 1 }],
    series: {
      values: {
        I1: [461, 463, 463, 466, 465, 468, 470, 469, 472, 474],
        I2: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2],
      },
      eligible: { I1: [461, 463, 463, 466, 465, 468, 470, 469, 472, 474] },
      // 补贴 70 元×人数逐月累计，5 月起加社区食堂运营补助.
      investmentWan: [3.227, 6.468, 9.709, 12.971, 18.726, 25.502, 32.292, 39.075, 47.379, 55.697],
      fundsWan: [10, 10, 20, 20, 30, 40, 50, 60, 70, 80],
      notes: {
        1: '本月补贴已于10日前通过农商银行发放到位。',
        3: '完成社区老年人就餐情况摸底，制定热饭行动方案。',
        5: '首家社区食堂开始试运营。',
        6: '首家社区食堂转入正常运营。',
        9: '第二家社区食堂开始运营。',
      },
    },
  },
  公益性零工市场建设项目: {
    field: '就业',
    indicators: [{ ref: 'I1', name: '完成推进计划节点', unit: '个', kind: 'milestone' }],
    planned: none(4),
    series: {
      values: { I1: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3] },
      investmentWan: [0, 0, 0, 5, 5, 30, 60, 85, 110, 135],
      fundsWan: [0, 0, 0, 100, 100, 100, 200, 200, 200, 200],
      notes: {
        3: '零工市场建设方案已制定，选址尚未确定。',
        4: '完成零工市场选址，比推进计划晚约1个月。',
        6: '主体认定材料待审核，基础设施建设未开工。',
        7: '完成零工市场主体认定，开始基础设施和配套设施建设。',
        9: '人才队伍建设尚未完成，进度滞后。',
        10: '完成人才队伍建设，力争11月进入试运行。',
      },
    },
  },
};

/** The leaders of a candidate in the table's column order, then the 责任人 with their phones. */
function leadersOf(c: ParsedCandidate): PlanLeader[] {
  return [
    ...c.countyLeaders.map((name) => ({ role: '县级分管领导', name })),
    ...c.responsibleLeaders.map((name) => ({ role: '责任领导', name })),
    ...c.supervisingLeaders.map((name) => ({ role: '分管领导', name })),
    ...c.contacts
      .filter((p) => p.name !== '')
      .map((p) => ({ role: '责任人', name: p.name, ...(p.phone !== null && { phone: p.phone }) })),
  ];
}

function milestonesOf(c: ParsedCandidate, planned: Array<Record<string, Quantity>>): PlanMilestone[] {
  if (planned.length !== c.milestones.length) {
    throw new Error(`${c.name}: 推进计划有 ${c.milestones.length} 个节点，计划值给了 ${planned.length} 个`);
  }
  return c.milestones.map((m: PlannedMilestone, k) => ({
    due: m.due,
    text: m.track ? `${m.track}：${m.text}` : m.text,
    planned: planned[k]!,
    ...(m.plannedInvestmentYuan !== null && { investment: m.plannedInvestmentYuan }),
  }));
}

function projectOf(c: ParsedCandidate, index: number): PlanProject {
  const spec = SPECS[c.name];
  if (!spec) throw new Error(`no indicators written for candidate ${c.name}`);
  const lead = c.units.lead;
  const partners = [...c.units.partners, ...c.units.implementers].filter(
    (u, k, all) => !lead.includes(u) && all.indexOf(u) === k,
  );
  const milestones = milestonesOf(c, spec.planned);
  return {
    ref: `P${String(index + 1).padStart(2, '0')}`,
    name: c.name,
    field: spec.field,
    task: c.annualTask,
    planText: c.planText,
    leadUnits: [...lead],
    partnerUnits: partners,
    leaders: leadersOf(c),
    ...(c.budgetYuan !== null && { budget: c.budgetYuan }),
    indicators: spec.indicators,
    milestones,
    reports: demoReports(YEAR, MONTHS, spec.indicators, spec.series, milestones.length),
    allocations: [],
  };
}

/** The demo plan document from the rows of the candidate table. */
export function buildQinshui2023(rows: readonly (readonly string[])[]) {
  const table = parseCandidateTable(rows, YEAR);
  const elected = table.candidates.slice(0, ELECTED);
  if (elected.length !== ELECTED) throw new Error(`expected ${ELECTED} candidates, got ${elected.length}`);
  return {
    format: 'minsheng.plan/v1',
    region: { code: '140521', name: '沁水县' },
    year: YEAR,
    title: '沁水县2023年民生实事（演示：候选清单前12项视为票决通过，1-10月进度为模拟数据）',
    projects: elected.map(projectOf),
  };
}

export async function readQinshuiFixtureRows(): Promise<string[][]> {
  return readTableRows(QINSHUI_2023_FIXTURE, readFileSync(QINSHUI_2023_FIXTURE));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const document = buildQinshui2023(await readQinshuiFixtureRows());
  writePlanFiles([{ path: QINSHUI_2023_DEMO_FILE, document }]);
  console.log(`wrote ${QINSHUI_2023_DEMO_FILE}`);
}
