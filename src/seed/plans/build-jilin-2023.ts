/**
 * Builds jilin-2023.plan.json and jilin-2023.demo.plan.json: Jilin province's 2023 livelihood tasks
 * (ten areas, 50 tasks) as far as seed 004 — the provincial government's press conference of
 * 2023 — gives them a measurable target, grouped into projects by the department that presented
 * them. Seed 004 reports no progress, so the real document has no reports; the demo document has
 * the same projects with simulated month-end reports for January–October 2023, each text starting
 * 【演示数据】.
 *
 * Tasks the seed names without a figure (城镇新增就业, 维护农民工合法权益, 特困人员基本生活标准,
 * 城乡居民医保补助标准, 采暖补助, 残疾人基本康复服务, 困难退役军人帮扶, 乡村幼儿园保教质量, 牙齿
 * 窝沟封闭, 农村黑臭水体, 医疗废物, 农村公路, 客运班线公交, 送演出下基层, 健身路径, 和美乡村示范村,
 * 棚户区改造, “菜篮子”基地, 电梯检查, 反诈预警平台, 不动产登记) are left out.
 *
 *   npx tsx src/seed/plans/build-jilin-2023.ts
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PlanIndicator, PlanMilestone, PlanProject } from '../../modules/progress/plan-format.schema';
import { type DemoSeries, demoReports, wan, writePlanFiles } from './demo-series';

export const JILIN_2023_FILE = fileURLToPath(new URL('./jilin-2023.plan.json', import.meta.url));
export const JILIN_2023_DEMO_FILE = fileURLToPath(new URL('./jilin-2023.demo.plan.json', import.meta.url));

const YEAR = 2023;
const MONTHS = 10;
const REGION = { code: '220000', name: '吉林省' };

interface JilinProject {
  name: string;
  field: string;
  task: string;
  leadUnits: string[];
  budget?: string;
  indicators: PlanIndicator[];
  milestones?: PlanMilestone[];
  /** Simulated, for the demo document only. */
  demo: DemoSeries;
}

const PROJECTS: JilinProject[] = [
  {
    name: '建设“互联网+教育”结对帮扶校',
    field: '教育惠民',
    task: '全省建设180所“互联网+教育”结对帮扶校，包括60所城镇优质学校和120所乡村薄弱学校，由县域内的优质学校和薄弱学校依托互联网建立结对帮扶机制，提升学校网络带宽，建设直播、录播教室和教学交互软件，开展“三个课堂”。',
    leadUnits: ['省教育厅'],
    indicators: [
      { ref: 'I1', name: '建成“互联网+教育”结对帮扶校', unit: '所', kind: 'count', target: 180 },
      { ref: 'I2', name: '其中城镇优质学校', unit: '所', kind: 'count', target: 60 },
      { ref: 'I3', name: '其中乡村薄弱学校', unit: '所', kind: 'count', target: 120 },
    ],
    demo: {
      values: {
        I1: [0, 0, 12, 30, 54, 78, 96, 126, 150, 162],
        I2: [0, 0, 4, 10, 18, 26, 32, 42, 50, 54],
        I3: [0, 0, 8, 20, 36, 52, 64, 84, 100, 108],
      },
      notes: { 3: '首批结对学校完成网络带宽提升。', 8: '利用暑期集中完成直播、录播教室设备安装。' },
    },
  },
  {
    name: '中小学校教室照明改造',
    field: '教育惠民',
    task: '重点面向高中，投入700万元，改造1000间教室照明，照度、眩光、频闪、显色指数、色温、蓝光等核心技术指标达到国家标准，由有资质的第三方检测机构检测。',
    leadUnits: ['省教育厅'],
    budget: wan(700),
    indicators: [{ ref: 'I1', name: '完成照明改造的教室', unit: '间', kind: 'count', target: 1000 }],
    demo: {
      values: { I1: [0, 0, 0, 80, 160, 240, 620, 1000, 1000, 1000] },
      investmentWan: [0, 0, 0, 56, 112, 168, 434, 700, 700, 700],
      fundsWan: [0, 0, 700, 700, 700, 700, 700, 700, 700, 700],
      notes: { 3: '完成灯具采购招标。', 8: '利用暑假完成全部教室改造，第三方检测合格。' },
    },
  },
  {
    name: '建设社区居家养老服务中心和老年食堂',
    field: '社会保障',
    task: '支持新建100个综合嵌入式社区居家养老服务中心（现房且公有产权、建筑面积大于500平方米、设老年餐厅和养老床位、公建民营、年底前建成使用，按每平方米补助1000元、单个项目最多补助100万元给予支持）；支持开办100个社区老年食堂。省民政厅在社区居家养老方面安排资金1.2亿元。',
    leadUnits: ['省民政厅'],
    indicators: [
      { ref: 'I1', name: '新建综合嵌入式社区居家养老服务中心', unit: '个', kind: 'count', target: 100 },
      { ref: 'I2', name: '开办社区老年食堂', unit: '个', kind: 'count', target: 100 },
    ],
    milestones: [
      { due: '2023-12-31', text: '综合嵌入式社区居家养老服务中心年底前建成使用', planned: { I1: 100 } },
    ],
    demo: {
      values: {
        I1: [0, 0, 0, 0, 4, 9, 15, 22, 31, 42],
        I2: [6, 11, 19, 28, 37, 46, 55, 66, 77, 86],
      },
      notes: {
        4: '养老服务中心项目完成遴选，部分项目用房产权手续仍在办理。',
        7: '养老服务中心建设慢于序时进度，已对进度靠后的市县发出督办。',
        10: '养老服务中心已建成42个，进度严重滞后，其余项目倒排工期、确保年底前建成使用。',
      },
    },
  },
  {
    name: '特殊困难老年家庭适老化改造',
    field: '困难群体救助',
    task: '为7000户特殊困难老年家庭实施适老化改造，一户一案设计改造方案，补助标准为每户2000元。',
    leadUnits: ['省民政厅'],
    indicators: [
      { ref: 'I1', name: '完成适老化改造的特殊困难老年家庭', unit: '户', kind: 'count', target: 7000 },
    ],
    demo: {
      values: { I1: [120, 310, 720, 1350, 2080, 2860, 3650, 4480, 5330, 6120] },
    },
  },
  {
    name: '开展居家老年人巡访关爱服务',
    field: '困难群体救助',
    task: '独居、失能、重残、空巢、留守、高龄、特困、计划生育特殊家庭等8类居家老年人信息采集率达到100%，上门探访率100%。',
    leadUnits: ['省民政厅'],
    indicators: [
      { ref: 'I1', name: '8类居家老年人信息采集率', unit: '%', kind: 'percent', target: 100 },
      { ref: 'I2', name: '8类居家老年人上门探访率', unit: '%', kind: 'percent', target: 100 },
    ],
    demo: {
      values: {
        I1: [62, 71, 80, 88, 93, 97, 99, 100, 100, 100],
        I2: [55, 63, 72, 79, 85, 89, 92, 94, 95, 96],
      },
    },
  },
  {
    name: '城镇老旧小区改造',
    field: '城乡建设',
    task: '全省33个市县计划开工改造老旧小区800个，涉及居民14万户，概算投资45亿元。',
    leadUnits: ['省住房和城乡建设厅'],
    budget: wan(450000),
    indicators: [
      { ref: 'I1', name: '开工改造老旧小区', unit: '个', kind: 'count', target: 800 },
      { ref: 'I2', name: '涉及居民', unit: '户', kind: 'count', target: 140000 },
    ],
    demo: {
      values: {
        I1: [0, 0, 36, 182, 365, 548, 671, 752, 800, 800],
        I2: [0, 0, 6300, 31850, 63875, 95900, 117425, 131600, 140000, 140000],
      },
      investmentWan: [0, 0, 12000, 45000, 98000, 156000, 219000, 273000, 324000, 371000],
      notes: { 3: '随气温回升陆续开工。', 9: '800个老旧小区全部开工。' },
    },
  },
  {
    name: '建设“口袋公园”“小微绿地”',
    field: '城乡建设',
    task: '优先选择公园绿化活动场地服务半径覆盖不足的区域，建设“口袋公园”“小微绿地”150处，满足适老化和适儿化要求。',
    leadUnits: ['省住房和城乡建设厅'],
    indicators: [{ ref: 'I1', name: '建成“口袋公园”“小微绿地”', unit: '处', kind: 'count', target: 150 }],
    demo: {
      values: { I1: [0, 0, 0, 6, 19, 35, 52, 70, 86, 101] },
      notes: {
        6: '部分地块选址调整，建设进度慢于序时。',
        10: '已建成101处，滞后于序时进度，剩余项目须在封冻前完成主体施工。',
      },
    },
  },
  {
    name: '推进农村24小时供水',
    field: '城乡建设',
    task: '年底前新增24小时供水工程1200处，惠及70万农村居民，全省24小时供水工程占比达到35%。',
    leadUnits: ['省水利厅'],
    indicators: [
      { ref: 'I1', name: '新增24小时供水工程', unit: '处', kind: 'count', target: 1200 },
      { ref: 'I2', name: '惠及农村居民', unit: '人', kind: 'count', target: 700000 },
      { ref: 'I3', name: '全省24小时供水工程占比', unit: '%', kind: 'percent', target: 35 },
    ],
    milestones: [
      {
        due: '2023-12-31',
        text: '年底前新增24小时供水工程1200处，惠及70万农村居民，占比达到35%',
        planned: { I1: 1200, I2: 700000, I3: 35 },
      },
    ],
    demo: {
      values: {
        I1: [0, 0, 10, 95, 260, 455, 640, 810, 960, 1046],
        I2: [0, 0, 5600, 53200, 148900, 262400, 371000, 468300, 556900, 607800],
        I3: [28, 28, 28.1, 28.6, 29.5, 30.6, 31.7, 32.6, 33.5, 34.2],
      },
      notes: { 3: '任务已分解到有关县（市、区），各地制定工作方案。', 4: '进入施工季，工程陆续开工。' },
    },
  },
  {
    name: '实现省内异地门诊免备案直接结算',
    field: '卫生健康护理服务',
    task: '在全省范围内定点医院门诊或定点药店就医购药的异地参保人员，可免备案直接享受包括个人账户、普通门诊统筹在内的普通门诊待遇异地就医直接结算服务；全省开通异地服务的医疗机构2012家、药店9019家。',
    leadUnits: ['省医疗保障局'],
    indicators: [
      { ref: 'I1', name: '实现省内异地门诊免备案直接结算', unit: '项', kind: 'milestone', target: 1 },
    ],
    demo: {
      values: { I1: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1] },
      notes: { 3: '《吉林省医疗保险异地就医管理办法》已印发实施。' },
    },
  },
];

function projectOf(p: JilinProject, index: number, withReports: boolean): PlanProject {
  const milestones = p.milestones ?? [];
  return {
    ref: `P${String(index + 1).padStart(2, '0')}`,
    name: p.name,
    field: p.field,
    task: p.task,
    leadUnits: p.leadUnits,
    partnerUnits: [],
    leaders: [],
    ...(p.budget !== undefined && { budget: p.budget }),
    indicators: p.indicators,
    milestones,
    reports: withReports ? demoReports(YEAR, MONTHS, p.indicators, p.demo, milestones.length) : [],
    allocations: [],
  };
}

/** The document from seed 004 alone: targets, no reports. */
export function buildJilin2023() {
  return {
    format: 'minsheng.plan/v1',
    region: REGION,
    year: YEAR,
    title: '2023年吉林省民生实事（十个方面50项中有量化目标的任务）',
    projects: PROJECTS.map((p, i) => projectOf(p, i, false)),
  };
}

/** The same projects with simulated reports for January–October. */
export function buildJilin2023Demo() {
  return {
    format: 'minsheng.plan/v1',
    region: REGION,
    year: YEAR,
    title: '2023年吉林省民生实事（演示：1-10月进度为模拟数据）',
    projects: PROJECTS.map((p, i) => projectOf(p, i, true)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writePlanFiles([
    { path: JILIN_2023_FILE, document: buildJilin2023() },
    { path: JILIN_2023_DEMO_FILE, document: buildJilin2023Demo() },
  ]);
  console.log(`wrote ${JILIN_2023_FILE} and ${JILIN_2023_DEMO_FILE}`);
}
