/**
 * The places a suggestion names, and whether two suggestions can be about the same place.
 *
 * "东关村的路灯坏了" and "坪上村的路灯坏了" are two asks however alike the words: a coordinator answers
 * them separately and different units may own them. Places come in two levels — a township (镇/乡)
 * and what lies in one (村, 社区, 小区, 中学, 小学) — because "郑村镇湘峪村" and "湘峪村" are one place
 * while "湘峪村" and "河北村" of the same township are not.
 *
 * A name is the two characters before a suffix. The segmenter is no help here: it glues village names
 * to their neighbours ("给何|河村", "于|坪|村"), while names are almost always two characters (窦庄,
 * 湘峪, 尉迟, 杏园). A three-character name keeps its last two ("西文兴村" → 文兴), the same in every
 * message that names it.
 */

export interface Places {
  /** Villages, communities, estates and schools ("湘峪", "杏园"), sorted, unique. */
  local: readonly string[];
  /** Townships ("郑村", "嘉峰"), sorted, unique. */
  townships: readonly string[];
}

const SUFFIX = /村|镇|乡|社区|小区|中学|小学/gu;
const TOWNSHIP_SUFFIXES: ReadonlySet<string> = new Set(['镇', '乡']);
const SUFFIX_CHARS: ReadonlySet<string> = new Set(['村', '镇', '乡']);
const HAN_PAIR = /^\p{Script=Han}{2}$/u;
/** Characters no name contains: particles, prepositions, pronouns, verbs of motion, suffixes. */
const NOT_IN_A_NAME =
  /[换说无片听的了在到给把被让对从向往是们个去来回进出些和与及或我你他她它咱这那哪几各每全本该整]/u;
/** What a suffix character begins when it is not a suffix ("冬天|村里", "接通|镇上", "配备|乡村"). */
const SUFFIX_LED_WORDS: ReadonlySet<string> = new Set(
  '村里 村子 村头 村医 村级 村务 镇上 镇里 乡下 乡里 乡亲 乡村 乡镇 村镇 村庄'.split(' '),
);
/** A character and a suffix that make an ordinary word ("农村", "山村"), not the end of a name. */
const COMMON_ENDINGS: ReadonlySet<string> = new Set(
  '通村 进村 入村 出村 回村 农村 乡村 山村 小村 新村 荒村 城乡 城镇 集镇 小镇 古镇 市镇 乡镇 下乡 返乡 回乡 家乡 老乡 故乡 外乡 他乡 异乡 城中 中小'.split(
    ' ',
  ),
);
/** Pairs before a suffix that point at a place without naming it ("我们村", "老旧小区"). */
const GENERIC_STEMS: ReadonlySet<string> = new Set(
  (
    '我们 咱们 他们 你们 我家 农村 乡村 城乡 城镇 乡镇 村镇 老旧 附近 周边 县城 城区 山区 偏远 所在 所有 全县 全镇 ' +
    '县里 城里 镇上 片区 住宅 居民 回迁 高档 附属 初级 高级 完全 寄宿 九年 乡下 新建 公办 民办 其他 别的 周围 ' +
    '好多 很多 重点 示范 美丽 和美 文明 试点 贫困 偏僻 边远 山里 老家 本地 外地 城市 中心 建议 希望 请求 反映 ' +
    '大家 领导 政府 部门 咱县 全市 全省 附件 各个 每个 这个 那个 整个 一个 两个 几个 多个 城东 城西 城南 城北'
  ).split(' '),
);

export interface PlaceMention {
  stem: string;
  township: boolean;
  /** Where the name and its suffix stand in the text: [start, end). */
  start: number;
  end: number;
}

/** `ignore`: words the caller treats as stop words, never names. */
export function placesIn(normalized: string, ignore: ReadonlySet<string> = new Set()): Places {
  return placesOf(placeMentions(normalized, ignore));
}

export function placesOf(mentions: readonly PlaceMention[]): Places {
  const local = new Set<string>();
  const townships = new Set<string>();
  for (const m of mentions) (m.township ? townships : local).add(m.stem);
  return { local: [...local].sort(), townships: [...townships].sort() };
}

export function placeMentions(normalized: string, ignore: ReadonlySet<string> = new Set()): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const match of normalized.matchAll(SUFFIX)) {
    const at = match.index;
    const suffix = match[0];
    // "郑村镇": the 村 belongs to the township's name.
    if (suffix === '村' && TOWNSHIP_SUFFIXES.has(normalized[at + 1] ?? '')) continue;
    const stem = normalized.slice(Math.max(0, at - 2), at);
    // "湘峪村小学", "端氏镇中学", "上阁村村口": the place before is the name, not "峪村" or "氏镇".
    if (SUFFIX_CHARS.has(stem[1] ?? '') && !(stem[1] === '村' && TOWNSHIP_SUFFIXES.has(suffix))) continue;
    if (SUFFIX_CHARS.has(stem[0] ?? '')) continue;
    if (!HAN_PAIR.test(stem) || NOT_IN_A_NAME.test(stem) || GENERIC_STEMS.has(stem) || ignore.has(stem))
      continue;
    if (SUFFIX_LED_WORDS.has(normalized.slice(at, at + 2))) continue;
    if (COMMON_ENDINGS.has(stem[1] + suffix[0]!)) continue;
    mentions.push({ stem, township: TOWNSHIP_SUFFIXES.has(suffix), start: at - 2, end: at + suffix.length });
  }
  return mentions;
}

export function hasPlaces(places: Places): boolean {
  return places.local.length > 0 || places.townships.length > 0;
}

/**
 * False when the two cannot be the same place: both name villages (or communities, schools) and none
 * in common, or neither names one and both name townships and none in common. A text naming nothing
 * fits anywhere.
 */
export function samePlacePossible(a: Places, b: Places): boolean {
  if (a.local.length > 0 && b.local.length > 0) return intersects(a.local, b.local);
  if (a.townships.length > 0 && b.townships.length > 0) return intersects(a.townships, b.townships);
  return true;
}

export function mergePlaces(a: Places, b: Places): Places {
  return {
    local: [...new Set([...a.local, ...b.local])].sort(),
    townships: [...new Set([...a.townships, ...b.townships])].sort(),
  };
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.includes(x));
}
