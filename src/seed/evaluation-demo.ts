import type { Actor } from '../kernel/actor';
import {
  answerDemoSurvey,
  castDemoBallots,
  closeEvaluation,
  createSession,
  listSessions,
  openSession,
  setRoll,
} from '../modules/evaluation';
import { findPlanYear } from '../modules/plans';
import type { AppDeps } from '../server/deps';

/**
 * 演示数据: the 2023 county congress rating Qinshui's twelve 2022 projects (the plan with the seed's
 * real year-end figures), and residents rating them through the projects' QR codes. The ratings, the
 * roll and every comment are simulated — the session title and each comment say 演示数据 — but the
 * shape is real: a roll of 150, 142 present, most projects rated 满意, one 基本满意. Set up, opened and
 * counted by the console's use cases; the check-ins, tokens and chained ballots are written in one
 * transaction (castDemoBallots) so a demo start stays quick. Runs once.
 */
const QINSHUI = '140521';
const YEAR = 2022;
export const DEMO_EVALUATION_TITLE =
  '沁水县第十七届人民代表大会第四次会议·2022年民生实事项目满意度测评（演示数据）';
const ROLL_SIZE = 150;
const PRESENT = 142;
/** The count closed on the congress's day (seed 001: 2023年2月21日). */
const CONGRESS_DAY = new Date('2023-02-21T07:00:00Z');

const DELEGATIONS = [
  '龙港镇',
  '中村镇',
  '郑庄镇',
  '端氏镇',
  '嘉峰镇',
  '郑村镇',
  '柿庄镇',
  '十里乡',
  '胡底乡',
  '固县乡',
  '土沃乡',
  '张村乡',
  '苏庄乡',
  '县直',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡';
const GIVEN = [
  '建军',
  '秀英',
  '志刚',
  '海燕',
  '国华',
  '丽娟',
  '晓东',
  '春梅',
  '文斌',
  '红霞',
  '永强',
  '玉兰',
];

/** Chance of 满意 and of 基本满意 per project, in plan order: the culture project is the weak one. */
const LEANINGS: Array<[number, number]> = [
  [0.86, 0.11],
  [0.9, 0.08],
  [0.83, 0.13],
  [0.78, 0.17],
  [0.84, 0.12],
  [0.8, 0.15],
  [0.88, 0.1],
  [0.42, 0.4],
  [0.9, 0.08],
  [0.87, 0.1],
  [0.8, 0.15],
  [0.76, 0.18],
];

const COMMENTS: Record<string, string[]> = {
  满意: ['办得实在，群众看得见。', '希望明年继续做下去。', '效果很好，点赞。'],
  基本满意: ['总体不错，有些地方还可以更细。', '进度可以再快一些。'],
  不满意: ['我们村还没有覆盖到，希望尽快安排。'],
};

/** A fixed pseudo-random sequence, so every demo start shows the same counts. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function mark(random: () => number, [satisfied, basic]: [number, number]): '满意' | '基本满意' | '不满意' {
  const x = random();
  return x < satisfied ? '满意' : x < satisfied + basic ? '基本满意' : '不满意';
}

export async function seedDemoEvaluation(deps: AppDeps): Promise<number> {
  const plan = await findPlanYear(deps.db, QINSHUI, YEAR);
  if (!plan) return 0;
  const seedActor: Actor = {
    userId: null,
    username: 'system:seed',
    displayName: '演示数据',
    grants: [{ role: 'coordinator', regionCode: QINSHUI }],
  };
  if ((await listSessions(deps, seedActor, QINSHUI, YEAR)).items.length > 0) return 0;
  const onCongressDay: AppDeps = { ...deps, now: () => CONGRESS_DAY };
  const session = await createSession(onCongressDay, seedActor, QINSHUI, YEAR, {
    title: DEMO_EVALUATION_TITLE,
  });
  await setRoll(
    onCongressDay,
    seedActor,
    session.id,
    Array.from({ length: ROLL_SIZE }, (_, i) => ({
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`,
      delegation: `${DELEGATIONS[i % DELEGATIONS.length]}代表团`,
    })),
  );
  await openSession(onCongressDay, seedActor, session.id);
  const random = sequence(20230221);
  const ballots = Array.from({ length: PRESENT }, () =>
    Object.fromEntries(session.projects.map((p, i) => [p.id, mark(random, LEANINGS[i % LEANINGS.length]!)])),
  );
  await castDemoBallots(onCongressDay, seedActor, session.id, ballots);
  await closeEvaluation(onCongressDay, seedActor, session.id);

  // Residents: a dozen or so answers per project over the weeks after the congress.
  let answers = 0;
  for (const [i, project] of session.projects.entries()) {
    const count = 8 + ((i * 5) % 9);
    answers += await answerDemoSurvey(
      deps,
      project.id,
      Array.from({ length: count }, (_, n) => {
        const rating = mark(random, LEANINGS[i % LEANINGS.length]!);
        const comments = COMMENTS[rating]!;
        return {
          rating,
          phone: `1390356${String(i * 100 + n).padStart(4, '0')}`,
          comment: n % 3 === 0 ? `【演示数据】${comments[n % comments.length]}` : null,
          at: new Date(CONGRESS_DAY.getTime() + (n + 1) * 86_400_000),
        };
      }),
    );
  }
  return PRESENT + answers;
}
