import type { Role } from '../kernel/actor';
import type { UnitKind } from '../modules/units';

/**
 * Demo data taken from the seeds and the fixture: Qinshui county's departments as named in its 2023
 * candidate table, the provincial departments named in the Henan and Jilin press releases, and one
 * account for each role so every screen can be tried.
 */
export const DEMO_UNITS: Array<{ regionCode: string; name: string; kind: UnitKind; shortName?: string }> = [
  // 沁水县 (seed 001, fixture: 实施单位)
  { regionCode: '140521', name: '园林绿化服务中心', kind: 'department', shortName: '园林绿化中心' },
  { regionCode: '140521', name: '卫体局', kind: 'department' },
  { regionCode: '140521', name: '乡村振兴局', kind: 'department' },
  { regionCode: '140521', name: '住建局', kind: 'department' },
  { regionCode: '140521', name: '医保局', kind: 'department' },
  { regionCode: '140521', name: '教育局', kind: 'department' },
  { regionCode: '140521', name: '人社局', kind: 'department' },
  { regionCode: '140521', name: '文旅局', kind: 'department' },
  { regionCode: '140521', name: '残联', kind: 'department' },
  { regionCode: '140521', name: '民政局', kind: 'department' },
  { regionCode: '140521', name: '融媒体中心', kind: 'department' },
  { regionCode: '140521', name: '红十字会', kind: 'department' },
  { regionCode: '140521', name: '交警大队', kind: 'department' },
  { regionCode: '140521', name: '晋城市生态环境局沁水分局', kind: 'department' },
  { regionCode: '140521', name: '城投公司', kind: 'enterprise' },
  { regionCode: '140521', name: '人民戏剧演出有限公司', kind: 'enterprise' },
  { regionCode: '140521', name: '县政府民生实事办公室', kind: 'department', shortName: '民生办' },
  // 山西省 (plan-format example)
  { regionCode: '140000', name: '省邮政管理局', kind: 'department' },
  { regionCode: '140000', name: '省商务厅', kind: 'department' },
  // 河南省 (seed 002)
  { regionCode: '410000', name: '省发展和改革委员会', kind: 'department', shortName: '省发展改革委' },
  { regionCode: '410000', name: '省人力资源和社会保障厅', kind: 'department' },
  { regionCode: '410000', name: '省教育厅', kind: 'department' },
  { regionCode: '410000', name: '省卫生健康委员会', kind: 'department' },
  { regionCode: '410000', name: '省民政厅', kind: 'department' },
  // 吉林省 (seed 004)
  { regionCode: '220000', name: '省发展和改革委员会', kind: 'department', shortName: '省发改委' },
  { regionCode: '220000', name: '省教育厅', kind: 'department' },
  { regionCode: '220000', name: '省民政厅', kind: 'department' },
  { regionCode: '220000', name: '省住房和城乡建设厅', kind: 'department' },
  { regionCode: '220000', name: '省水利厅', kind: 'department' },
  { regionCode: '220000', name: '省医疗保障局', kind: 'department' },
];

/** Qinshui's twelve townships (seed 001) each run work as a township government. */
export const QINSHUI_COUNTY = '140521';

/** Plan years opened empty (those with documents come from ./plans, 山西省 and 晋城市 2023 from plans/split-demo.ts). */
export const DEMO_PLAN_YEARS: Array<{
  regionCode: string;
  year: number;
  title: string;
  stage: 'vote' | 'implement';
}> = [{ regionCode: '140521', year: 2024, title: '沁水县2024年民生实事（候选项目征集中）', stage: 'vote' }];

export interface DemoAccount {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  regionCode: string;
  unitName?: string;
}

/** Names and phones of the people responsible, as published in the fixture. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'qinshui.coord', displayName: '沁水县民生办', role: 'coordinator', regionCode: '140521' },
  {
    username: 'zjj.clerk',
    displayName: '王波',
    phone: '13935630633',
    role: 'dept_clerk',
    regionCode: '140521',
    unitName: '住建局',
  },
  {
    username: 'zjj.approver',
    displayName: '宋国忠',
    role: 'dept_approver',
    regionCode: '140521',
    unitName: '住建局',
  },
  {
    username: 'wtj.clerk',
    displayName: '赵国平',
    phone: '13994726786',
    role: 'dept_clerk',
    regionCode: '140521',
    unitName: '卫体局',
  },
  { username: 'deputy.qinshui', displayName: '沁水县人大代表', role: 'deputy', regionCode: '140521' },
  { username: 'jincheng.viewer', displayName: '晋城市民生办', role: 'superior_viewer', regionCode: '140500' },
  { username: 'shanxi.coord', displayName: '山西省民生实事办', role: 'coordinator', regionCode: '140000' },
  { username: 'henan.coord', displayName: '河南省发展改革委', role: 'coordinator', regionCode: '410000' },
  { username: 'jilin.coord', displayName: '吉林省发改委', role: 'coordinator', regionCode: '220000' },
];

/** Publicly known: demo accounts exist only with MINSHENG_DEMO unset or 1 (see README). */
export const DEMO_PASSWORD = 'Minsheng#2023';
