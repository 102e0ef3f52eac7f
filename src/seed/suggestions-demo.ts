import { and, eq, isNotNull } from 'drizzle-orm';
import { addDays } from '../kernel/date-window';
import { findPlanYear, openPlanYear } from '../modules/plans';
import {
  addSuggestion,
  answerGroup,
  autoGroup,
  type Channel,
  ensureSolicitationWindow,
  routeGroup,
  suggestionGroups,
  suggestions,
} from '../modules/suggestions';
import { type AppDeps, todayInChina } from '../server/deps';

/**
 * 演示数据: residents' suggestions for 沁水县 2023, written after the kinds of asks behind its twelve
 * projects (parks, lunches and after-school care, old housing estates, rural doctors, jobs, the
 * elderly), with the paraphrases and repeated campaigns a real inbox has. Grouped by the same
 * automatic grouping as production, most groups routed and some answered. Every text is invented.
 */
const QINSHUI = '140521';
const SEED_ACTOR = 'system:seed';

type DemoSuggestion = [ref: string, channel: Channel, date: string, text: string];

const QINSHUI_2023: DemoSuggestion[] = [
  ['2022-001', 'hotline', '2022-11-02', '杏园社区的老楼都是六层，没有电梯，老人上下楼太难了，建议加装电梯。'],
  ['2022-002', 'web', '2022-11-03', '杏园社区老楼没有电梯，老年人上下楼非常困难，希望政府帮助加装电梯。'],
  [
    '2022-003',
    'wechat',
    '2022-11-05',
    '领导您好！杏园社区的老楼都是六层，没有电梯，老人上下楼太难了，建议加装电梯，谢谢。',
  ],
  ['2022-004', 'letter', '2022-11-06', '龙港镇老旧小区下水管道老化，经常堵塞返水，建议进行改造。'],
  ['2022-005', 'hotline', '2022-11-07', '龙港镇的老小区下水道老是堵，一楼住户家里返水，希望改造管网。'],
  ['2022-006', 'web', '2022-11-08', '县城老旧小区外墙脱落、楼道灯不亮，建议纳入老旧小区改造。'],
  ['2022-007', 'deputy', '2022-11-09', '建议在县城滨河路附近建设口袋公园，方便居民就近休闲健身。'],
  ['2022-008', 'wechat', '2022-11-10', '滨河路一带没有休闲的地方，希望建个小公园，老人孩子有个去处。'],
  ['2022-009', 'web', '2022-11-10', '希望在滨河路附近建设口袋公园，方便周边居民休闲。'],
  ['2022-010', 'hotline', '2022-11-12', '孩子放学太早，家长还没下班，建议学校开展课后服务。'],
  ['2022-011', 'web', '2022-11-12', '双职工家庭接孩子难，希望学校放学后提供课后托管服务。'],
  ['2022-012', 'wechat', '2022-11-13', '建议义务教育学校开展课后服务，解决家长接送难的问题。'],
  [
    '2022-013',
    'letter',
    '2022-11-14',
    '端氏镇卫生院缺少中医大夫，老百姓看中医要跑县城，希望安排中医下乡巡诊。',
  ],
  ['2022-014', 'deputy', '2022-11-15', '建议组织县中医院医生定期到乡镇巡回医疗，方便农村群众看病。'],
  ['2022-015', 'hotline', '2022-11-15', '村里老人腿脚不便，希望中医大夫能定期下乡巡诊。'],
  ['2022-016', 'web', '2022-11-16', '城区人行道被占用，坑洼不平，骑车走路都不安全，建议改造慢行系统。'],
  ['2022-017', 'wechat', '2022-11-17', '县城中心城区人行道破损严重，希望修一修，增加自行车道。'],
  ['2022-018', 'hotline', '2022-11-18', '门诊看病医保报销比例太低，慢性病老人负担重，希望提高门诊统筹报销。'],
  ['2022-019', 'web', '2022-11-19', '希望在村卫生室也能用医保报销门诊费用，不用再跑乡镇。'],
  ['2022-020', 'visit', '2022-11-20', '农村富余劳动力多，缺少技能，建议多举办免费的职业技能培训。'],
  ['2022-021', 'web', '2022-11-21', '希望政府组织电工、焊工等免费技能培训，帮助我们找工作。'],
  ['2022-022', 'hotline', '2022-11-22', '县城打零工的人都在路边等活，风吹日晒，建议建一个零工市场。'],
  ['2022-023', 'wechat', '2022-11-22', '建议设立公益性零工市场，让打零工的人有个固定地方找活。'],
  ['2022-024', 'letter', '2022-11-23', '村里八十岁以上的老人越来越多，建议提高高龄津贴，定期上门看望。'],
  ['2022-025', 'web', '2022-11-24', '希望给高龄老人发放高龄补贴，并提供上门关怀服务。'],
  ['2022-026', 'deputy', '2022-11-25', '残疾人康复服务少，建议为困难残疾人免费适配辅助器具。'],
  ['2022-027', 'hotline', '2022-11-26', '我家孩子是残疾人，康复训练费用太高，希望政府给予救助。'],
  ['2022-028', 'web', '2022-11-27', '农村文化活动太少，建议多组织送戏下乡和露天电影。'],
  ['2022-029', 'wechat', '2022-11-28', '希望多送几场戏到村里，老人们都爱看。'],
  ['2022-030', 'web', '2022-11-28', '因病返贫的家庭不少，建议推行防贫保险，兜住底线。'],
  ['2022-031', 'hotline', '2022-11-29', '嘉峰镇到县城的班车太少，建议增加公交班次。'],
  ['2022-032', 'web', '2022-11-30', '嘉峰镇去县城只有早上一趟车，希望多开几趟公交。'],
  ['2022-033', 'letter', '2022-12-01', '郑庄镇几个村冬天经常停水，饮水困难，请帮忙解决。'],
  ['2022-034', 'hotline', '2022-12-02', '郑庄镇自来水三天两头停，老人挑不动水，希望改造供水管网。'],
  ['2022-035', 'web', '2022-12-03', '县城停车难，车都停在路边，建议规划建设停车场。'],
  ['2022-036', 'wechat', '2022-12-04', '城区晚上没有路灯的小巷很多，建议安装路灯。'],
  ['2022-037', 'web', '2022-12-05', '县城公共厕所太少，逛街找不到厕所，建议增建公厕。'],
  ['2022-038', 'hotline', '2022-12-06', '孩子中午在学校吃不上热饭，建议学校办食堂提供午餐。'],
  ['2022-039', 'deputy', '2022-12-07', '建议给城区小学生提供营养午餐，减轻家长负担。'],
  ['2022-040', 'web', '2022-12-08', '小区周边广场舞音响太大，晚上十点还不停，影响休息。'],
];

/** The answers a department gave, by a word the group's label contains. */
const ANSWERS: Array<{
  match: RegExp;
  verdict: 'adopted' | 'partly_adopted' | 'declined' | 'in_progress';
  reason: string;
}> = [
  {
    match: /电梯/,
    verdict: 'partly_adopted',
    reason:
      '已将杏园社区纳入2023年老旧小区改造项目，加装电梯需征得单元住户同意，住建局将逐单元征求意见后分批实施。',
  },
  {
    match: /口袋公园|公园/,
    verdict: 'adopted',
    reason: '已列入2023年民生实事“口袋公园建设项目”，计划在滨河路等处新建口袋公园。',
  },
  {
    match: /课后|托管/,
    verdict: 'adopted',
    reason: '已列入2023年民生实事“义务教育学校课后服务项目”，全县义务教育学校全面开展课后服务。',
  },
  {
    match: /中医|巡诊/,
    verdict: 'adopted',
    reason: '已列入2023年民生实事“中医巡回医疗服务项目”，县中医院医生每月到各乡镇巡诊。',
  },
  {
    match: /广场舞/,
    verdict: 'declined',
    reason: '广场舞噪音属于日常治安管理事项，不列入民生实事项目，已转公安部门和社区按规定处理。',
  },
];

/**
 * Qinshui 2023's solicitation (closed, with answers to read) and a window open now for next year's
 * plan, so the residents' page takes suggestions in a demo. Runs once: later starts keep what people
 * changed.
 */
export async function seedDemoSuggestions(deps: AppDeps): Promise<number> {
  let added = 0;
  const planYear = await findPlanYear(deps.db, QINSHUI, 2023);
  if (planYear) {
    const opened = await ensureSolicitationWindow(deps, SEED_ACTOR, QINSHUI, 2023, {
      opensOn: '2022-11-01',
      closesOn: '2022-12-10',
      notice: '沁水县2023年民生实事项目公开征集：请围绕教育、医疗、养老、城乡建设等群众关心的事提出建议。',
    });
    const [any] = await deps.db
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(eq(suggestions.planYearId, planYear.id))
      .limit(1);
    if (opened && !any) {
      for (const [ref, channel, date, text] of QINSHUI_2023) {
        await addSuggestion(deps, SEED_ACTOR, QINSHUI, 2023, {
          channel,
          text,
          externalRef: ref,
          submittedAt: `${date}T09:30:00+08:00`,
        });
        added++;
      }
      // Triaged after the window closed and answered before the congress of February 2023, as it
      // happened: a demo that dated 2023's answers by today's clock would read as years late.
      await autoGroup(atTime(deps, '2022-12-12T10:00:00+08:00'), SEED_ACTOR, QINSHUI, 2023);
      await routeAndAnswer(deps, planYear.id);
    }
  }
  await openNextYear(deps);
  return added;
}

async function routeAndAnswer(deps: AppDeps, planYearId: string): Promise<void> {
  const groups = await deps.db
    .select()
    .from(suggestionGroups)
    .where(and(eq(suggestionGroups.planYearId, planYearId), isNotNull(suggestionGroups.unitId)));
  // Groups with an answer above, and two of three others, are routed; the rest wait for the coordinator.
  const sorted = [...groups].sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  for (const [i, group] of sorted.entries()) {
    const answer = ANSWERS.find((a) => a.match.test(group.label));
    if (!answer && i % 3 === 2) continue;
    await routeGroup(atTime(deps, '2022-12-13T10:00:00+08:00'), SEED_ACTOR, group.id, {
      unitId: group.unitId!,
    });
    if (answer)
      await answerGroup(
        atTime(deps, `2022-12-${String(20 + (i % 10)).padStart(2, '0')}T15:00:00+08:00`),
        SEED_ACTOR,
        group.id,
        {
          verdict: answer.verdict,
          reason: answer.reason,
        },
      );
  }
}

/** The same dependencies with the clock stopped at `iso`. */
function atTime(deps: AppDeps, iso: string): AppDeps {
  const at = new Date(iso);
  return { ...deps, now: () => at };
}

/** Suggestions for next year's list are asked for late in the year before: a window open today. */
async function openNextYear(deps: AppDeps): Promise<void> {
  const today = todayInChina(deps);
  const year = Number(today.slice(0, 4)) + 1;
  if (!(await findPlanYear(deps.db, QINSHUI, year)))
    await openPlanYear(deps, SEED_ACTOR, {
      regionCode: QINSHUI,
      year,
      title: `沁水县${year}年民生实事（公开征集中）`,
      stage: 'solicit',
    });
  await ensureSolicitationWindow(deps, SEED_ACTOR, QINSHUI, year, {
    opensOn: addDays(today, -10),
    closesOn: addDays(today, 35),
    notice: `沁水县${year}年民生实事项目面向社会公开征集，欢迎您就身边的急难愁盼问题提出建议。`,
  });
}
