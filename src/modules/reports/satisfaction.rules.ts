import { chinaDate } from '../../kernel/date-window';
import { chineseNumeral, longDate } from './bulletin-text.rules';
import { tableCell } from './markdown.rules';

/**
 * 满意度测评 as the bulletin and the year-end report print it: the deputies' verdict on each project
 * with its 满意 / 基本满意 / 不满意 counts, the public survey's counts beside it, and — where the plan
 * year's region has sub-regions with their own plans — the same per region. Pure: the use cases pass
 * in what `evaluationResults` (evaluation module) returns.
 *
 * 满意率 is (满意 + 基本满意) ÷ the ratings counted, the way survey reports quote it: for deputies the
 * ballots returned (a ballot that left the project blank counts against it), for the survey the
 * answers. It is a percentage with one decimal, computed on integers so 2/3 is 66.7 everywhere.
 */
export const VERDICTS = ['满意', '基本满意', '不满意'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface RatingCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  blank: number;
}

/** One region's results, as `evaluationResults` gives them. */
export interface EvaluationRegionInput {
  regionCode: string;
  regionName: string;
  planTitle: string | null;
  session: {
    title: string;
    closedAt: Date | string | null;
    ruleText: string;
    valid: boolean;
    roll: number;
    returned: number;
  } | null;
  projects: Array<{
    seq: number;
    name: string;
    deputies: { counts: RatingCounts; verdict: Verdict } | null;
    survey: { answers: number; counts: RatingCounts };
  }>;
}

export interface EvaluationInput {
  region: string;
  year: number;
  regions: EvaluationRegionInput[];
}

export interface RatedCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** Deputies only: ballots that left the project blank. */
  blank?: number;
  /** The ratings the rate is taken of. */
  total: number;
  /** 满意率 in percent, one decimal; null when nothing was counted. */
  rate: number | null;
}

export interface SatisfactionProject {
  seq: number;
  name: string;
  deputies: (RatedCounts & { verdict: Verdict }) | null;
  survey: RatedCounts;
}

export interface SatisfactionRegion {
  code: string;
  name: string;
  projects: number;
  /** How many projects the deputies rated 满意, 基本满意, 不满意 (empty without a counted session). */
  deputyVerdicts: Record<Verdict, number>;
  sessionCounted: boolean;
  survey: RatedCounts;
}

/** The satisfaction section of a plan year, as the `json` forms carry it. */
export interface SatisfactionSection {
  /** The deputies' session of the plan year's own region; null until one is counted. */
  session: {
    title: string;
    /** China date the count closed (YYYY-MM-DD). */
    date: string | null;
    roll: number;
    returned: number;
    valid: boolean;
    ruleText: string;
  } | null;
  deputyVerdicts: Record<Verdict, number>;
  survey: RatedCounts;
  projects: SatisfactionProject[];
  /** Every region of the subtree with a plan that year, the plan's own region first. */
  regions: SatisfactionRegion[];
}

/** (满意 + 基本满意) ÷ total as a percentage with one decimal; null for nothing counted. */
export function satisfactionRate(good: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((good * 1000) / total) / 10;
}

function rated(counts: RatingCounts, withBlank: boolean): RatedCounts {
  const total =
    counts.satisfied + counts.basicallySatisfied + counts.dissatisfied + (withBlank ? counts.blank : 0);
  return {
    satisfied: counts.satisfied,
    basicallySatisfied: counts.basicallySatisfied,
    dissatisfied: counts.dissatisfied,
    ...(withBlank ? { blank: counts.blank } : {}),
    total,
    rate: satisfactionRate(counts.satisfied + counts.basicallySatisfied, total),
  };
}

function sumCounts(list: readonly RatingCounts[]): RatingCounts {
  const out: RatingCounts = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, blank: 0 };
  for (const c of list) {
    out.satisfied += c.satisfied;
    out.basicallySatisfied += c.basicallySatisfied;
    out.dissatisfied += c.dissatisfied;
    out.blank += c.blank;
  }
  return out;
}

function verdictTally(list: readonly (Verdict | undefined)[]): Record<Verdict, number> {
  const out = { 满意: 0, 基本满意: 0, 不满意: 0 };
  for (const v of list) if (v) out[v]++;
  return out;
}

/** Beijing date of a moment: sessions close in China. */
function chinaDateOf(at: Date | string | null): string | null {
  if (at === null) return null;
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(time)) return null;
  return chinaDate(new Date(time));
}

/** The section for the plan year of `input.region`, with its sub-regions beside it. */
export function satisfactionSection(input: EvaluationInput): SatisfactionSection {
  const own = input.regions.find((r) => r.regionCode === input.region);
  const regions = [...input.regions].sort((a, b) =>
    a.regionCode === input.region ? -1 : b.regionCode === input.region ? 1 : 0,
  );
  const projects = (own?.projects ?? []).map((p) => ({
    seq: p.seq,
    name: p.name,
    deputies: p.deputies ? { ...rated(p.deputies.counts, true), verdict: p.deputies.verdict } : null,
    survey: rated(p.survey.counts, false),
  }));
  return {
    session: own?.session
      ? {
          title: own.session.title,
          date: chinaDateOf(own.session.closedAt),
          roll: own.session.roll,
          returned: own.session.returned,
          valid: own.session.valid,
          ruleText: own.session.ruleText,
        }
      : null,
    deputyVerdicts: verdictTally(projects.map((p) => p.deputies?.verdict)),
    survey: rated(sumCounts((own?.projects ?? []).map((p) => p.survey.counts)), false),
    projects,
    regions: regions.map((r) => ({
      code: r.regionCode,
      name: r.regionName,
      projects: r.projects.length,
      deputyVerdicts: verdictTally(r.projects.map((p) => p.deputies?.verdict)),
      sessionCounted: r.session?.valid === true,
      survey: rated(sumCounts(r.projects.map((p) => p.survey.counts)), false),
    })),
  };
}

/** Whether there is anything to report: a counted session or a survey answer anywhere. */
export function hasSatisfactionResults(section: SatisfactionSection): boolean {
  return section.session !== null || section.regions.some((r) => r.sessionCounted || r.survey.total > 0);
}

/**
 * Whether a bulletin dated `asOf` may speak of the results: the deputies' count once it closed, and
 * without one, the residents' ratings once the plan period is over. A bulletin of 31 December does not
 * tell of a vote held the next February.
 */
export function ratedBy(section: SatisfactionSection, periodEnd: string, asOf: string): boolean {
  const date = section.session?.date;
  return date ? date <= asOf : periodEnd <= asOf;
}

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${rate}%`;
}

/**
 * The section as Markdown lines, under the heading `## {numeral}、满意度测评`. Every part that has
 * no data yet says so in a sentence instead of an empty table.
 */
export function satisfactionMarkdown(section: SatisfactionSection, numeral: number, year: number): string[] {
  const out = [`## ${chineseNumeral(numeral)}、满意度测评`, ''];
  if (!hasSatisfactionResults(section)) {
    out.push(`${year}年度民生实事项目尚未开展满意度测评，暂无人大代表测评结果和群众满意度调查结果。`);
    return out;
  }
  out.push('### （一）人大代表满意度测评', '', ...deputiesLines(section));
  out.push('', '### （二）群众满意度调查', '', ...surveyLines(section));
  const others = section.regions.length > 1;
  if (others) out.push('', '### （三）分地区情况', '', ...regionLines(section));
  return out;
}

function deputiesLines(section: SatisfactionSection): string[] {
  const s = section.session;
  if (!s) return ['本年度尚未组织人大代表满意度测评，或测评尚未计票。'];
  const when = s.date ? `${longDate(s.date)}，` : '';
  const head = `${when}${s.title}应到代表${s.roll}人，收回测评票${s.returned}张。`;
  if (!s.valid) return [`${head}收回票数多于发出票数，本次测评无效，不作测评结论。`];
  const v = section.deputyVerdicts;
  const rated = section.projects.filter((p) => p.deputies);
  const tally = VERDICTS.filter((x) => v[x] > 0)
    .map((x) => `${x}${v[x]}件`)
    .join('，');
  const lines = [
    `${head}按照“${s.ruleText}”的规则，${rated.length}件民生实事项目中，测评结果为${tally || '无'}。`,
    '',
    '| 序号 | 项目 | 满意 | 基本满意 | 不满意 | 未评 | 满意率 | 测评结果 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  rated.forEach((p, i) => {
    const d = p.deputies!;
    lines.push(
      `| ${i + 1} | ${tableCell(p.name)} | ${d.satisfied} | ${d.basicallySatisfied} | ${d.dissatisfied} | ${d.blank ?? 0} | ${formatRate(d.rate)} | ${d.verdict} |`,
    );
  });
  return lines;
}

function surveyLines(section: SatisfactionSection): string[] {
  const s = section.survey;
  if (s.total === 0) return ['本年度群众满意度调查尚未收到评价。'];
  const answered = section.projects.filter((p) => p.survey.total > 0);
  const lines = [
    `群众通过项目二维码（码上评）对${answered.length}件项目作出评价${s.total}份，其中满意${s.satisfied}份、基本满意${s.basicallySatisfied}份、不满意${s.dissatisfied}份，总体满意率${formatRate(s.rate)}。`,
    '',
    '| 序号 | 项目 | 评价份数 | 满意 | 基本满意 | 不满意 | 满意率 |',
    '|---|---|---|---|---|---|---|',
  ];
  section.projects.forEach((p, i) => {
    const v = p.survey;
    lines.push(
      `| ${i + 1} | ${tableCell(p.name)} | ${v.total} | ${v.satisfied} | ${v.basicallySatisfied} | ${v.dissatisfied} | ${formatRate(v.rate)} |`,
    );
  });
  return lines;
}

function regionLines(section: SatisfactionSection): string[] {
  const lines = [
    `本年度有${section.regions.length}个地区的民生实事计划参加测评，各地区情况如下。`,
    '',
    '| 地区 | 项目数 | 代表测评（满意/基本满意/不满意） | 群众评价份数 | 群众满意率 |',
    '|---|---|---|---|---|',
  ];
  for (const r of section.regions) {
    const d = r.sessionCounted ? VERDICTS.map((v) => `${r.deputyVerdicts[v]}`).join('/') : '尚未测评';
    lines.push(
      `| ${tableCell(r.name)} | ${r.projects} | ${d} | ${r.survey.total} | ${formatRate(r.survey.rate)} |`,
    );
  }
  return lines;
}
