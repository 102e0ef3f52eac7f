import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { type Concept, conceptsOfWords, LEXICON_WORDS } from './lexicon.rules';
import { type Places, placeMentions, placesOf } from './places.rules';

/**
 * Turning a resident's free text into the terms that say what is asked and where. Deterministic:
 * the same text always gives the same terms. The dictionary is data shipped inside the package; the
 * segmenter built from it costs ~0.2 s and ~20 MB, so both are loaded on first use.
 */

let jieba: Jieba | undefined;

function segmenter(): Jieba {
  // `new Jieba()` has no dictionary and silently cuts text into single characters.
  if (!jieba) {
    // The dictionary file is read here, on first use, and let go once the segmenter holds it: the
    // package's dict.js reads it and a 6 MB IDF table at import, ~20 MB every server kept from start.
    const dict = readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
    jieba = Jieba.withDict(dict);
    // The lexicon's words become dictionary words, so "零工市场" is one term and not 零工 + 市场 only.
    jieba.loadDict(new TextEncoder().encode(LEXICON_WORDS.map((w) => `${w} 2000\n`).join('')));
  }
  return jieba;
}

/** Full-width forms to half-width, one case, single spaces: what residents type varies, the ask does not. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The text with everything but letters and digits removed: copies of one message that differ only in
 * punctuation, spacing or exclamation marks share this key.
 */
export function textSkeleton(text: string): string {
  return normalizeText(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Words that carry no ask: function words, greetings, politeness and the verbs of asking itself. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // function words
    '的 地 得 了 着 过 是 在 和 与 及 或 或者 等 等等 也 都 就 还 又 再 很 太 更 最 把 被 给 让 对 从 到 向 往 为 为了 于',
    '吧 呢 啊 呀 吗 么 嘛 哦 哈 啦 呗 之 其 并 而 且 但 但是 可是 因为 所以 如果 就是 还是 只 只能 只有 一下 一点 一些',
    '这 那 这个 那个 这些 那些 这样 那样 这里 那里 这边 那边 哪 哪里 什么 怎么 怎么办 如何 为什么 多少 啥 个 些 次 种',
    '我 我们 我家 你 你们 您 他 他们 她 它 咱 咱们 大家 自己 人家 有人 本人',
    '有 没 没有 不 不是 能 能否 能不能 可以 可否 是否 会 要 想 需要 应该 得到 进行 开展 实行 落实 做 搞 弄 一直 已经',
    '现在 目前 今年 去年 每年 每天 时候 一个 一样 一起 这么 那么 非常 特别 比较 实在 真的 确实 十分 尤其 一定',
    // asking and politeness
    '建议 希望 请 请求 恳请 恳求 盼望 呼吁 强烈 麻烦 谢谢 感谢 辛苦 您好 你好 领导 尊敬 各位 好 政府 有关 相关',
    '部门 单位 问题 情况 解决 反映 来电 来电人 市民 群众 老百姓 百姓 重视 关注 关心 考虑 尽快 赶紧 及时 尽早 早日',
    '拜托 提 提出 几点 一是 二是 三是 全体 村民 居民 住户',
    // words any ask may use: how many, where, what is lacking, that something be built
    '一座 一所 一条 一批 一处 几个 地方 方便 缺少 经常 建设 新建 增设 设立 修建',
    // bare administrative suffixes: the name before them is what tells places apart
    '村 镇 乡 县 市 省 区 社区 小区',
  ]
    .join(' ')
    .split(' '),
);

const MEANINGFUL = /[\p{L}]/u;

/**
 * The content terms of a text, in order, repeats kept. Search-mode segmentation also yields the parts
 * of long compounds ("公交线路" → 公交, 线路, 公交线路), so "公交车" and "公交线路" share 公交.
 */
export function contentTerms(text: string): string[] {
  return analyzeText(text).terms;
}

export interface TextAnalysis {
  terms: string[];
  places: Places;
  /** Each concept the text speaks of, once. */
  concepts: Concept[];
}

export function analyzeText(text: string): TextAnalysis {
  const normalized = normalizeText(text);
  const mentions = placeMentions(normalized, STOP_WORDS);
  // Concepts come from the plain cut: "游泳馆" is a pool, not 游泳 (swimming) in general.
  const concepts = normalized === '' ? [] : [...new Set(conceptsOfWords(segmenter().cut(normalized, true)))];
  // A place becomes one term, its stem; the segmenter would cut "西家村" into 西 + 家村 and make
  // every "X家村" look alike.
  let masked = normalized;
  for (const m of mentions)
    masked = masked.slice(0, m.start) + '，'.repeat(m.end - m.start) + masked.slice(m.end);
  const terms: string[] = [];
  for (const word of masked === '' ? [] : segmenter().cutForSearch(masked, true)) {
    if (MEANINGFUL.test(word) && !STOP_WORDS.has(word)) terms.push(word);
  }
  for (const m of mentions) terms.push(m.stem);
  return { terms, concepts, places: placesOf(mentions) };
}

/** The plain segmentation, for callers that want the words themselves (and for the benchmark baseline). */
export function segmentWords(text: string): string[] {
  return segmenter().cut(normalizeText(text), true);
}
