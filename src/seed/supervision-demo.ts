import type { Actor } from '../kernel/actor';
import { findUserByUsername } from '../modules/identity';
import { findPlanYear } from '../modules/plans';
import { issueOrder, type StepKind, supervisionBoard, takeStep } from '../modules/supervision';
import { findUnitByName } from '../modules/units';
import { type AppDeps, todayInChina } from '../server/deps';
import { DEMO_ACCOUNTS, QINSHUI_COUNTY } from './demo-data';

/**
 * 督办 demo on Qinshui's 2023 plan year (演示数据, like its monthly series): four orders about the
 * projects that series shows lagging in the summer, worked through 13710 on the days written here —
 * on time, late and sent back once, graded — and one reported and awaiting the coordinator's grade.
 */
const YEAR = 2023;

type DemoStep = [
  kind: StepKind,
  on: string,
  text: string,
  extra?: { grade?: '优秀' | '良好' | '合格'; dueOn?: string },
];

interface DemoOrder {
  ref: string;
  unit: string;
  /** Who answers for the unit: a demo account, or the project's 责任人 by name. */
  answeredBy: string;
  issuedOn: string;
  gravity: 'ordinary' | 'major';
  reason: string;
  requirement?: string;
  steps: DemoStep[];
}

const ORDERS: DemoOrder[] = [
  {
    ref: 'P07',
    unit: '住建局',
    answeredBy: 'zjj.clerk',
    issuedOn: '2023-07-10',
    gravity: 'ordinary',
    reason: '“老旧小区改造项目”改造住宅楼完成率8%，低于计划进度66%，进度严重滞后。',
    requirement: '7月底前科教小区片区全面开工',
    steps: [
      ['acknowledged', '2023-07-10', '已签收。当日召开专题推进会，明确分管领导牵头、责任人具体负责。'],
      [
        'measures',
        '2023-07-12',
        '一是施工队伍增至6支，科教小区片区和天河北巷片区同步施工；二是实行周调度，每周五向县民生办报送进度；三是协调城投公司7月底前拨付二期工程款。',
      ],
      [
        'resolution',
        '2023-07-17',
        '6支施工队已全部进场，科教小区片区屋面防水和外墙保温全面开工，二期工程款已拨付。',
      ],
      ['closed', '2023-07-18', '措施落实到位，纳入周调度持续跟踪。', { grade: '良好' }],
    ],
  },
  {
    ref: 'P04',
    unit: '住建局',
    answeredBy: 'zjj.clerk',
    issuedOn: '2023-08-07',
    gravity: 'major',
    reason:
      '“县城中心城区慢行系统改造项目”完成率13%，低于计划进度33%，涉及园林、交警、生态环境多部门，按重大事项督办。',
    steps: [
      ['acknowledged', '2023-08-08', '已签收，会同配合单位召开协调会。'],
      [
        'measures',
        '2023-08-10',
        '成立由住建、园林、交警组成的工作专班，分三段倒排工期，9月30日前完成全部改造。',
        { dueOn: '2023-09-30' },
      ],
      ['resolution', '2023-09-28', '三段慢行道路面改造完成，绿化带补植完成。'],
      [
        'returned',
        '2023-10-08',
        '现场核查：滨河路段非机动车道标线未施划，路口信号配时未调整。',
        { dueOn: '2023-10-20' },
      ],
      ['resolution', '2023-10-19', '滨河路段标线已施划，交警大队已调整5处路口信号配时。'],
      ['closed', '2023-10-20', '经第二次现场核查，问题已整改。', { grade: '合格' }],
    ],
  },
  {
    ref: 'P10',
    unit: '残联',
    answeredBy: '王瑜杰',
    issuedOn: '2023-08-07',
    gravity: 'ordinary',
    reason: '“残疾人关爱行动”完成率0%，低于计划进度23%，进度严重滞后。',
    steps: [
      ['acknowledged', '2023-08-07', '已签收，当日部署。'],
      ['measures', '2023-08-09', '与卫体局对接，8月中旬起分乡镇集中开展残疾人康复服务和辅具适配。'],
      ['resolution', '2023-08-14', '首批4个乡镇集中服务已完成，后续乡镇排定日程。'],
      ['closed', '2023-08-15', '行动迅速，提前办结。', { grade: '优秀' }],
    ],
  },
  {
    ref: 'P12',
    unit: '人社局',
    answeredBy: '焦玉兵',
    issuedOn: '2023-10-09',
    gravity: 'ordinary',
    reason: '“公益性零工市场建设项目”完成率50%，低于计划进度77%，进度滞后。',
    steps: [
      ['acknowledged', '2023-10-09', '已签收。'],
      ['measures', '2023-10-11', '零工市场场地装修与信息平台上线并行推进，10月中旬前完成。'],
      ['resolution', '2023-10-16', '零工市场已装修完成，信息平台上线试运行。'],
    ],
  },
];

const onDay = (deps: AppDeps, day: string): AppDeps => ({ ...deps, now: () => new Date(`${day}T02:00:00Z`) });

async function accountActor(deps: AppDeps, username: string): Promise<Actor | undefined> {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  const user = await findUserByUsername(deps.db, username);
  if (!account || !user) return undefined;
  const unit = account.unitName
    ? await findUnitByName(deps.db, account.regionCode, account.unitName)
    : undefined;
  return {
    userId: user.id,
    username,
    displayName: account.displayName,
    grants: [{ role: account.role, regionCode: account.regionCode, unitId: unit?.id ?? null }],
  };
}

export async function seedDemoSupervision(deps: AppDeps): Promise<number> {
  const plan = await findPlanYear(deps.db, QINSHUI_COUNTY, YEAR);
  const coordinator = await accountActor(deps, 'qinshui.coord');
  if (!plan?.demo || !coordinator) return 0;
  const board = await supervisionBoard(deps, coordinator, QINSHUI_COUNTY, YEAR);
  if (board.totals.total > 0) return 0;
  // A demo loaded with an earlier clock holds only what had happened by then.
  const today = todayInChina(deps);
  let issued = 0;
  for (const demo of ORDERS.filter((o) => o.issuedOn <= today)) {
    const project = board.projects.find((p) => p.ref === demo.ref);
    const unit = project?.units.find((u) => u.name === demo.unit);
    if (!project || !unit) continue;
    const answering =
      (await accountActor(deps, demo.answeredBy)) ??
      ({
        userId: null,
        username: 'system:seed',
        displayName: demo.answeredBy,
        grants: [{ role: 'dept_clerk', regionCode: QINSHUI_COUNTY, unitId: unit.id }],
      } satisfies Actor);
    const order = await issueOrder(onDay(deps, demo.issuedOn), coordinator, QINSHUI_COUNTY, YEAR, {
      projectId: project.id,
      unitId: unit.id,
      gravity: demo.gravity,
      reason: demo.reason,
      requirement: demo.requirement,
    });
    for (const [kind, on, text, extra] of demo.steps.filter(([, on]) => on <= today)) {
      const actor = ['acknowledged', 'measures', 'resolution'].includes(kind) ? answering : coordinator;
      await takeStep(onDay(deps, on), actor, order.id, kind, { text, ...extra });
    }
    issued++;
  }
  return issued;
}
