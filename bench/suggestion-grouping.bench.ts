/**
 * Suggestion grouping at scale: 1,000 → 100,000 generated suggestions (asks × places × phrasings,
 * with greetings, fillers, punctuation and dropped characters), grouped with the defaults. Prints the
 * time per size, the time per item at the largest size against the smallest (1 = linear, 100 would
 * be quadratic over this range), and, as the in-run baseline, grouping time ÷ the time to segment the
 * same texts with jieba (the floor any approach pays).
 *
 * Run: npx tsx bench/suggestion-grouping.bench.ts [maxSize]
 */
import { pathToFileURL } from 'node:url';
import { groupSuggestions, type SuggestionText } from '../src/modules/suggestions/grouping.rules';
import { analyzeText } from '../src/modules/suggestions/text.rules';

/** Asks, each with phrasings; {p} is the place. */
const ASKS: string[][] = [
  [
    '{p}的路灯坏了好几个月了，晚上出门很不方便，请尽快维修',
    '{p}路灯一直不亮，希望派人来修',
    '反映{p}路灯不亮的问题',
  ],
  ['{p}到县城没有公交车，建议开通公交线路', '希望开通{p}至县城的公交', '{p}老百姓进城只能坐黑车，建议通公交'],
  [
    '{p}夏天经常停水，吃水困难，请帮忙解决',
    '{p}饮水问题严重，希望接通自来水',
    '{p}自来水三天两头停，老人挑不动水',
  ],
  ['{p}卫生室没有医生，看病要跑很远', '希望给{p}卫生室配一个村医', '{p}卫生室常年锁门，没人坐诊'],
  ['{p}进村的路坑坑洼洼，下雨全是泥，建议硬化', '希望把{p}的通村路修一修', '{p}道路破损严重，车都开不进来'],
  ['{p}的垃圾好几天没人清运，臭气熏天', '建议{p}增加垃圾收集点按时清运', '{p}垃圾堆在路边没人拉'],
  [
    '{p}学校没有食堂，孩子中午吃不上热饭',
    '希望{p}学校给学生提供午餐',
    '{p}的孩子每天中午啃方便面，建议办学生食堂',
  ],
  ['{p}的健身器材都坏了，建议更换', '希望给{p}换一批新的健身器材', '{p}健身器材生锈断裂，孩子玩很危险'],
  [
    '{p}老楼没有电梯，老人上下楼太难，建议加装电梯',
    '希望{p}老旧楼房加装电梯',
    '{p}六楼的老人一年下不了几次楼，求装电梯',
  ],
  ['{p}暖气不热，屋里才十几度', '{p}供暖不达标，希望供热公司检修', '{p}今年暖气一点都不热，老人孩子都冻病了'],
  ['{p}留守老人多，建议办老年食堂', '希望{p}开个老年助餐点', '{p}的独居老人吃饭成问题，建议社区送餐'],
  ['{p}没有幼儿园，孩子上学要去镇上', '希望在{p}附近建一所公办幼儿园', '{p}孩子入园难，建议增加学位'],
  ['{p}晚上没有监控，最近丢了好几辆电动车', '建议在{p}村口装监控摄像头', '{p}治安不好，希望派出所多来巡逻'],
  ['{p}下雨就积水，排水沟堵了', '希望疏通{p}的排水管网', '{p}一下大雨就淹，建议改造排水'],
  ['{p}手机信号太差，打电话要跑到山上', '建议在{p}建一个信号塔', '{p}没有网络，孩子上不了网课'],
  ['{p}附近的煤场粉尘太大，衣服晾不了', '{p}扬尘污染严重，请环保部门来查', '{p}煤灰满天飞，建议煤场苫盖'],
  ['{p}没有快递点，取快递要跑十几里', '建议在{p}设一个快递代收点', '希望{p}能通快递'],
  [
    '{p}河边没有护栏，孩子玩水很危险',
    '建议在{p}河边装护栏和警示牌',
    '{p}每年夏天都有孩子下河游泳，希望加强防溺水',
  ],
  ['{p}广场舞声音太大，晚上睡不着', '{p}广场舞噪音扰民，建议限定时间', '{p}每晚音响开到十点多'],
  ['{p}停车难，车都停在路边', '建议在{p}规划停车位', '{p}没地方停车，消防通道都被占了'],
];
const GREETINGS = ['', '', '', '领导您好，', '尊敬的领导：', '您好！', '我是本地居民，', '来电反映：'];
const ENDINGS = ['', '', '', '。', '！', '！！', '，谢谢。', '，望早日解决。', '，辛苦了。'];
const FILLERS = [
  '',
  '',
  '',
  '已经反映过好几次了，',
  '大家意见都很大，',
  '去年就说要办，',
  '老人孩子都不方便，',
];

/** Deterministic: the same sizes give the same texts on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function places(): string[] {
  const first =
    '东西南北上下前后小新老高低李王张刘陈杨赵黄周吴郭马胡朱何林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
  const second = '庄沟峪坪岭家河湾洼堡';
  const out: string[] = [];
  for (const a of first) for (const b of second) out.push(`${a}${b}村`);
  return out; // 1,370 villages
}

export interface GeneratedSuggestion extends SuggestionText {
  /** The ask it was generated from: the true group. */
  ask: number;
}

export function generateSuggestions(n: number, seed = 2023): GeneratedSuggestion[] {
  const random = mulberry32(seed);
  const villages = places();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const items: GeneratedSuggestion[] = [];
  for (let i = 0; i < n; i++) {
    // Skewed: a few asks draw campaigns of copies, most are raised a handful of times.
    const ask = Math.floor(random() ** 2 * ASKS.length * villages.length);
    const phrasings = ASKS[ask % ASKS.length]!;
    const place = villages[Math.floor(ask / ASKS.length)]!;
    let ask_ = pick(phrasings);
    // A dropped character, never inside the village name: a text that loses its place cannot be told
    // apart from the same ask elsewhere by any method, and would only measure the generator.
    if (random() < 0.1) {
      const at = Math.floor(random() * ask_.length);
      if (ask_[at] !== '{' && ask_[at] !== 'p' && ask_[at] !== '}')
        ask_ = ask_.slice(0, at) + ask_.slice(at + 1);
    }
    const text = pick(GREETINGS) + pick(FILLERS) + ask_.replace('{p}', place) + pick(ENDINGS);
    items.push({ ref: `S${String(i).padStart(6, '0')}`, text, ask });
  }
  return items;
}

/** Pairwise precision and recall from the contingency counts: linear, not over all pairs. */
function pairScores(
  items: GeneratedSuggestion[],
  groups: { members: string[] }[],
): { precision: number; recall: number } {
  const askOf = new Map(items.map((item) => [item.ref, item.ask]));
  const pairs = (k: number) => (k * (k - 1)) / 2;
  let together = 0;
  let correct = 0;
  for (const group of groups) {
    together += pairs(group.members.length);
    const byAsk = new Map<number, number>();
    for (const ref of group.members) byAsk.set(askOf.get(ref)!, (byAsk.get(askOf.get(ref)!) ?? 0) + 1);
    for (const k of byAsk.values()) correct += pairs(k);
  }
  const perAsk = new Map<number, number>();
  for (const item of items) perAsk.set(item.ask, (perAsk.get(item.ask) ?? 0) + 1);
  let truePairs = 0;
  for (const k of perAsk.values()) truePairs += pairs(k);
  return {
    precision: together === 0 ? 1 : correct / together,
    recall: truePairs === 0 ? 1 : correct / truePairs,
  };
}

function seconds(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return (performance.now() - t0) / 1000;
}

export async function runSuggestionGroupingBench(maxSize = 100_000): Promise<Record<string, number>> {
  // Builds the segmenter and warms the JIT once, outside every measurement.
  groupSuggestions(generateSuggestions(500, 1));
  const sizes = [1_000, 3_000, 10_000, 30_000, 100_000].filter((s) => s <= maxSize);
  const rows: { size: number; group: number; tokenize: number }[] = [];
  console.log('suggestion grouping (defaults), generated asks × places × phrasings');
  console.log(
    '     size   grouping s   µs/item   segmentation s   grouping ÷ segmentation   groups   asks   pair P / R',
  );
  for (const size of sizes) {
    const items = generateSuggestions(size);
    const tokenize = seconds(() => {
      for (const item of items) analyzeText(item.text);
    });
    let groups: { members: string[] }[] = [];
    const group = seconds(() => {
      groups = groupSuggestions(items);
    });
    rows.push({ size, group, tokenize });
    const { precision, recall } = pairScores(items, groups);
    const asks = new Set(items.map((item) => item.ask)).size;
    console.log(
      `  ${String(size).padStart(7)}   ${group.toFixed(2).padStart(10)}   ${((group / size) * 1e6).toFixed(0).padStart(7)}` +
        `   ${tokenize.toFixed(2).padStart(14)}   ${(group / tokenize).toFixed(2).padStart(23)}` +
        `   ${String(groups.length).padStart(6)}   ${String(asks).padStart(4)}   ${precision.toFixed(3)} / ${recall.toFixed(3)}`,
    );
  }
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const perItemRatio = last.group / last.size / (first.group / first.size);
  console.log(
    `  time per item at ${last.size} ÷ at ${first.size}: ${perItemRatio.toFixed(2)} ` +
      `(1 = linear; ${(last.size / first.size).toFixed(0)} would be quadratic)`,
  );
  console.log(`  grouping ÷ segmentation at ${last.size}: ${(last.group / last.tokenize).toFixed(2)}`);
  return {
    perItemRatio,
    largestSeconds: last.group,
    groupingOverSegmentation: last.group / last.tokenize,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runSuggestionGroupingBench(Number(process.argv[2] ?? 100_000));
}
