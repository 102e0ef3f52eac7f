import type { SubRegionReport } from '../../modules/progress';
import type {
  PlanIndicator,
  PlanMilestone,
  PlanProject,
  PlanReport,
} from '../../modules/progress/plan-format.schema';
import { demoReports, wan } from './demo-series';

/**
 * 任务分解 demo (演示数据): 山西省's 2023 plan splits its targets to its eleven cities (城镇社区养老
 * 服务工程, after seed 003: "今年新实施的30个正在建设中，年底前投入运营") and straight to twelve counties
 * (村级寄递物流综合服务站); 晋城市's own plan takes its share of the stations and splits them to its
 * counties, and splits its 老旧小区改造 to all six. Cities and counties report month-end figures for
 * January–October; 吕梁市 stops after September and 陵川县 never reports, so the roll-up names who has
 * not. Every figure is simulated: the plan years are flagged demo and each report's text starts
 * 【演示数据】 (demo-series.ts). The plan region's own reports are the sums of what its children
 * reported, as a coordinator would carry them up.
 */
const YEAR = 2023;
const MONTHS = 10;

/** Planned share of the year's work done by each month end (January = index 0), an S-curve. */
const PLAN = [0, 0.02, 0.06, 0.12, 0.2, 0.3, 0.42, 0.55, 0.67, 0.78, 0.9, 1];
/** The building works run ahead of the count of places finished and open. */
const WORKS = [0.02, 0.05, 0.12, 0.22, 0.34, 0.46, 0.58, 0.69, 0.79, 0.87, 0.95, 1];

interface Child {
  region: string;
  /** The target split to it (per indicator through `targets`). */
  share: number;
  /** How fast it goes against the plan: 1 on plan, below behind, above ahead. */
  pace: number;
  /** The last month it reported (0: never). */
  lastMonth: number;
}

const CITIES: Child[] = [
  { region: '140100', share: 5, pace: 1.12, lastMonth: 10 }, // 太原市
  { region: '140200', share: 3, pace: 1, lastMonth: 10 }, // 大同市
  { region: '140300', share: 2, pace: 0.95, lastMonth: 10 }, // 阳泉市
  { region: '140400', share: 3, pace: 1.05, lastMonth: 10 }, // 长治市
  { region: '140500', share: 3, pace: 1.1, lastMonth: 10 }, // 晋城市
  { region: '140600', share: 2, pace: 0.8, lastMonth: 10 }, // 朔州市
  { region: '140700', share: 3, pace: 1, lastMonth: 10 }, // 晋中市
  { region: '140800', share: 3, pace: 0.9, lastMonth: 10 }, // 运城市
  { region: '140900', share: 2, pace: 0.85, lastMonth: 10 }, // 忻州市
  { region: '141000', share: 2, pace: 0.75, lastMonth: 10 }, // 临汾市
  { region: '141100', share: 2, pace: 0.7, lastMonth: 9 }, // 吕梁市: September is its last report
];

/** Counties given 村级寄递物流综合服务站 directly; 晋城's five come first, 陵川县 never reports. */
const STATION_COUNTIES: Child[] = [
  { region: '140521', share: 120, pace: 1.08, lastMonth: 10 }, // 沁水县
  { region: '140522', share: 150, pace: 1, lastMonth: 10 }, // 阳城县
  { region: '140524', share: 100, pace: 0, lastMonth: 0 }, // 陵川县: nothing reported
  { region: '140525', share: 160, pace: 0.92, lastMonth: 10 }, // 泽州县
  { region: '140581', share: 140, pace: 1.15, lastMonth: 10 }, // 高平市
  { region: '140123', share: 60, pace: 0.88, lastMonth: 10 }, // 娄烦县
  { region: '140425', share: 90, pace: 1, lastMonth: 10 }, // 平顺县
  { region: '140722', share: 80, pace: 0.95, lastMonth: 10 }, // 左权县
  { region: '140929', share: 70, pace: 0.7, lastMonth: 10 }, // 岢岚县
  { region: '141124', share: 180, pace: 0.82, lastMonth: 10 }, // 临县
  { region: '141031', share: 60, pace: 1.05, lastMonth: 10 }, // 隰县
  { region: '140829', share: 90, pace: 0.9, lastMonth: 10 }, // 平陆县
];

/** 晋城市's six county-level divisions and their 老旧小区 to renovate. */
const JINCHENG_ESTATES: Child[] = [
  { region: '140502', share: 40, pace: 1.05, lastMonth: 10 }, // 城区
  { region: '140521', share: 7, pace: 1.1, lastMonth: 10 }, // 沁水县
  { region: '140522', share: 10, pace: 0.95, lastMonth: 10 }, // 阳城县
  { region: '140524', share: 6, pace: 0.6, lastMonth: 10 }, // 陵川县
  { region: '140525', share: 12, pace: 0.9, lastMonth: 10 }, // 泽州县
  { region: '140581', share: 15, pace: 1, lastMonth: 10 }, // 高平市
];

/** Yuan planned per station (8万元), as exact text. */
const STATION_YUAN = 80_000;

const count = (target: number, curve: number[], pace: number, m: number) =>
  Math.min(target, Math.floor(target * Math.min(1, curve[m - 1]! * pace)));
const percentAt = (curve: number[], pace: number, m: number) =>
  Math.min(100, Math.round(100 * curve[m - 1]! * pace));
const yuan = (target: number, pace: number, m: number) =>
  `${Math.min(target, Math.floor(target * Math.min(1, WORKS[m - 1]! * pace)))}.00`;

type Series = Record<string, (number | string)[]>;

/** A child's monthly figures, January to its last month. */
function childSeries(child: Child, figures: (m: number) => Record<string, number | string>): Series {
  const out: Series = {};
  for (let m = 1; m <= child.lastMonth; m++)
    for (const [ref, value] of Object.entries(figures(m))) out[ref] = [...(out[ref] ?? []), value];
  return out;
}

/** The children's reports as the parent's sub-region history (the same wording as any demo report). */
function childReports(
  project: string,
  indicators: PlanIndicator[],
  children: Child[],
  figures: (child: Child, m: number) => Record<string, number | string>,
): SubRegionReport[] {
  return children
    .filter((c) => c.lastMonth > 0)
    .flatMap((c) =>
      demoReports(YEAR, c.lastMonth, indicators, {
        values: childSeries(c, (m) => figures(c, m)),
      }).map((r) => ({ project, region: c.region, asOf: r.asOf, values: r.values, text: r.text })),
    );
}

/**
 * The parent's own month-end figures: each child's latest as of that month summed (amounts in whole
 * yuan here), percent as the mean weighted by each child's target; a child that never reported adds 0.
 */
function parentReports(
  indicators: PlanIndicator[],
  children: Child[],
  figures: (child: Child, m: number) => Record<string, number | string>,
  weight: (child: Child) => number,
): PlanReport[] {
  const values: Series = {};
  for (let m = 1; m <= MONTHS; m++) {
    for (const indicator of indicators) {
      const latest = children.map((c) => ({
        c,
        v: c.lastMonth === 0 ? 0 : Number(figures(c, Math.min(m, c.lastMonth))[indicator.ref] ?? 0),
      }));
      let total: number | string;
      if (indicator.kind === 'percent') {
        const w = latest.reduce((acc, x) => acc + weight(x.c), 0);
        total = Math.round((latest.reduce((acc, x) => acc + x.v * weight(x.c), 0) / w) * 10) / 10;
      } else {
        const sum = latest.reduce((acc, x) => acc + x.v, 0);
        total = indicator.kind === 'amount' ? `${sum}.00` : sum;
      }
      values[indicator.ref] = [...(values[indicator.ref] ?? []), total];
    }
  }
  return demoReports(YEAR, MONTHS, indicators, { values }).map((r) => ({
    ...r,
    text: `${r.text}（各地审核通过的数据汇总）`,
  }));
}

const total = (children: Child[]) => children.reduce((acc, c) => acc + c.share, 0);

function elderlyCare(): { project: PlanProject; reports: SubRegionReport[] } {
  const indicators: PlanIndicator[] = [
    { ref: 'I1', name: '建成投运城镇社区养老服务工程', unit: '个', kind: 'count', target: total(CITIES) },
    { ref: 'I2', name: '工程形象进度', unit: '%', kind: 'percent', target: 100 },
  ];
  const figures = (c: Child, m: number) => ({
    I1: count(c.share, PLAN, c.pace, m),
    I2: percentAt(WORKS, c.pace, m),
  });
  const milestones: PlanMilestone[] = [
    { due: '2023-03-31', text: '完成选址和设计', planned: { I1: 0, I2: 10 } },
    { due: '2023-06-30', text: '主体工程施工', planned: { I1: 9, I2: 45 } },
    { due: '2023-09-30', text: '陆续竣工并投入运营', planned: { I1: 20, I2: 80 } },
    { due: '2023-12-31', text: '全部投入运营', planned: { I1: 30, I2: 100 } },
  ];
  return {
    project: {
      ref: 'P01',
      name: '城镇社区养老服务工程',
      field: '养老服务',
      task: '新建30个城镇社区养老服务工程，年底前全部投入运营（任务分解到各市）',
      leadUnits: ['省民政厅'],
      partnerUnits: ['省财政厅'],
      leaders: [],
      indicators,
      milestones,
      reports: parentReports(indicators, CITIES, figures, () => 100),
      allocations: CITIES.flatMap((c) => [
        { region: c.region, indicator: 'I1', target: c.share },
        { region: c.region, indicator: 'I2', target: 100 },
      ]),
    },
    reports: childReports('P01', indicators, CITIES, figures),
  };
}

function stations(
  ref: string,
  name: string,
  task: string,
  leadUnits: string[],
  children: Child[],
): { project: PlanProject; reports: SubRegionReport[] } {
  const stationCount = total(children);
  const indicators: PlanIndicator[] = [
    { ref: 'I1', name: '建成村级寄递物流综合服务站', unit: '个', kind: 'count', target: stationCount },
    { ref: 'I2', name: '完成投资', kind: 'amount', target: `${stationCount * STATION_YUAN}.00` },
  ];
  const figures = (c: Child, m: number) => ({
    I1: count(c.share, PLAN, c.pace, m),
    I2: yuan(c.share * STATION_YUAN, c.pace, m),
  });
  return {
    project: {
      ref,
      name,
      field: '交通出行',
      task,
      leadUnits,
      partnerUnits: [],
      leaders: [],
      budget: wan(stationCount * 8),
      indicators,
      milestones: [
        {
          due: '2023-06-30',
          text: '完成站点选址和改造过半',
          planned: { I1: Math.round(stationCount * 0.3) },
        },
        {
          due: '2023-12-31',
          text: '全部建成投用',
          planned: { I1: stationCount, I2: `${stationCount * STATION_YUAN}.00` },
        },
      ],
      reports: parentReports(indicators, children, figures, () => 1),
      allocations: children.flatMap((c) => [
        { region: c.region, indicator: 'I1', target: c.share },
        { region: c.region, indicator: 'I2', target: `${c.share * STATION_YUAN}.00` },
      ]),
    },
    reports: childReports(ref, indicators, children, figures),
  };
}

function estates(): { project: PlanProject; reports: SubRegionReport[] } {
  const indicators: PlanIndicator[] = [
    { ref: 'I1', name: '完成改造老旧小区', unit: '个', kind: 'count', target: total(JINCHENG_ESTATES) },
  ];
  const figures = (c: Child, m: number) => ({ I1: count(c.share, WORKS, c.pace, m) });
  return {
    project: {
      ref: 'P01',
      name: '城镇老旧小区改造',
      field: '城乡建设',
      task: `改造城镇老旧小区${total(JINCHENG_ESTATES)}个（任务分解到各县（市、区））`,
      leadUnits: ['市住房和城乡建设局'],
      partnerUnits: [],
      leaders: [],
      indicators,
      milestones: [
        { due: '2023-04-30', text: '完成设计和招标，全面开工', planned: { I1: 10 } },
        { due: '2023-12-31', text: '全部完工', planned: { I1: total(JINCHENG_ESTATES) } },
      ],
      reports: parentReports(indicators, JINCHENG_ESTATES, figures, () => 1),
      allocations: JINCHENG_ESTATES.map((c) => ({ region: c.region, indicator: 'I1', target: c.share })),
    },
    reports: childReports('P01', indicators, JINCHENG_ESTATES, figures),
  };
}

export interface SplitDemoPlan {
  /** A `minsheng.plan/v1` document (checked on import). */
  document: Record<string, unknown>;
  /** What its sub-regions reported (importSubRegionReports). */
  subRegionReports: SubRegionReport[];
}

function plan(
  code: string,
  name: string,
  title: string,
  parts: ReturnType<typeof elderlyCare>[],
): SplitDemoPlan {
  return {
    document: {
      format: 'minsheng.plan/v1',
      region: { code, name },
      year: YEAR,
      title,
      projects: parts.map((p) => p.project),
    },
    subRegionReports: parts.flatMap((p) => p.reports),
  };
}

/** 山西省 2023 and 晋城市 2023, each with its sub-regions' reports. */
export function splitDemoPlans(): SplitDemoPlan[] {
  const jinchengCounties = STATION_COUNTIES.filter((c) => c.region.startsWith('1405'));
  return [
    plan('140000', '山西省', '2023年山西省民生实事', [
      elderlyCare(),
      stations(
        'P02',
        '农村寄递物流服务全覆盖提质工程',
        `在12个县建设村级寄递物流综合服务站${total(STATION_COUNTIES)}个（任务直接分解到县）`,
        ['省邮政管理局'],
        STATION_COUNTIES,
      ),
    ]),
    plan('140500', '晋城市', '晋城市2023年民生实事', [
      estates(),
      stations(
        'P02',
        '村级寄递物流综合服务站建设（承接省级任务）',
        `承接省定任务，在5个县（市）建设村级寄递物流综合服务站${total(jinchengCounties)}个`,
        ['市邮政管理局'],
        jinchengCounties,
      ),
    ]),
  ];
}
