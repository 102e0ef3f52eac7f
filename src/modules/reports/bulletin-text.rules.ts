import { formatYuanChinese } from '../../kernel/money';
import {
  COMPLETED_AS,
  type CompletedAs,
  latestFigures,
  latestReport,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
} from '../progress/assessment.rules';
import { DEFAULT_PERCENT_TARGET } from '../progress/indicator.rules';
import type { LightRule } from '../progress/lights.rules';
import { LIGHT_LABELS } from '../progress/lights.rules';
import type { PlanDocument, PlanIndicator, PlanProject } from '../progress/plan-format.schema';
import {
  compareQuantities,
  formatCount,
  formatFraction,
  formatRate,
  sumNumbers,
} from '../progress/quantity.rules';
import type { BulletinIndicator, BulletinProject, PlanAssessment } from './bulletin.rules';
import { lightRuleSentence } from './lights-text.rules';
import { oneLine, tableCell } from './markdown.rules';

/**
 * The bulletin as text, in the voice of the documents it replaces: a summary ("截至8月25日，12件民生
 * 实事总体进度好于预期、快于序时进度。其中，8件已提前超额完成全年目标任务……"), one section per
 * project with its figures and rates, and a table. Markdown, so that it reads as is and converts.
 */
export interface BulletinTextOptions {
  /** Decimals of rates: 2 gives 133.29%, 1 gives 142.9% as Henan prints them. */
  rateDecimals?: number;
  /** Sections after the projects' (满意度测评), given the numeral they start at. */
  moreSections?: (numeral: number) => string[];
  /** The rule the lights were given by, said after the summary (lights-text.rules). */
  lightRule?: LightRule;
}

export function bulletinMarkdown(
  assessment: PlanAssessment,
  plan: PlanDocument,
  options: BulletinTextOptions = {},
): string {
  const ctx: TextContext = { plan, assessment, decimals: options.rateDecimals ?? 2 };
  const { heading, note } = bulletinTitle(plan.title ?? `${plan.year}年${plan.region.name}民生实事`);
  const lines = [
    `# ${heading}`,
    '',
    ...(note ? [note, ''] : []),
    `（截至${longDate(assessment.asOf)}，序时进度${percent(assessment.elapsed, ctx.decimals)}）`,
    '',
    summary(ctx),
  ];
  const anyLight = assessment.projects.some((p) => !p.completedAs);
  if (options.lightRule && anyLight) lines.push('', lightRuleSentence(options.lightRule));
  assessment.projects.forEach((p, i) => {
    const project = plan.projects.find((x) => x.ref === p.ref);
    if (project) lines.push('', ...projectSection(ctx, i + 1, p, project));
  });
  const more = options.moreSections?.(assessment.projects.length + 1) ?? [];
  if (more.length) lines.push('', ...more);
  if (assessment.projects.length > 0) lines.push('', ...table(ctx));
  return `${lines.join('\n')}\n`;
}

/**
 * "沁水县2023年民生实事（演示：…）" → 沁水县2023年民生实事进展情况通报, with its note on a line of its
 * own; a plan titled "…完成情况" does not become "…完成情况进展情况通报".
 */
export function bulletinTitle(title: string): { heading: string; note: string | null } {
  const match = /^(.*?)(（[^（）]*）)?$/u.exec(title.trim())!;
  const name = match[1]!.replace(/(完成情况|进展情况|情况)$/u, '');
  return { heading: `${name}进展情况通报`, note: match[2] ?? null };
}

export interface TextContext {
  plan: PlanDocument;
  assessment: PlanAssessment;
  decimals: number;
}

export const COMPLETED_PHRASES: Record<CompletedAs, string> = {
  exceeded: '超额完成',
  coverage: '实现全覆盖',
  entitlement: '实现应补尽补',
  met: '完成目标任务',
};

const IN_PROGRESS_PHRASES: Partial<Record<ProjectStatus, string>> = {
  ahead: '进度快于序时进度',
  'on-track': '进度基本符合序时进度',
  lagging: '进度滞后',
  'severely-lagging': '进度严重滞后',
};

function summary(ctx: TextContext): string {
  const a = ctx.assessment;
  const when = `截至${shortDate(a.asOf, ctx.plan.year)}`;
  if (a.total === 0) return `${when}，暂无民生实事项目。`;
  const early = a.asOf < ctx.plan.period.end ? '提前' : '';
  const kinds = COMPLETED_AS.filter((c) => a.completedBy[c] > 0);
  const allExceeded = kinds.length === 1 && kinds[0] === 'exceeded';
  const breakdown =
    allExceeded || (kinds.length === 1 && kinds[0] === 'met')
      ? ''
      : `（${kinds.map((c) => `${a.completedBy[c]}件${COMPLETED_PHRASES[c]}`).join('、')}）`;
  const doneClause = `${early}${allExceeded ? '超额' : ''}完成全年目标任务`;

  if (a.completed === a.total) {
    return `${when}，${a.total}件民生实事已全部${doneClause}${breakdown}。`;
  }
  const inProgress = a.projects.filter((p) => p.status !== 'completed');
  const overall =
    a.lagging > 0
      ? `${a.total}件民生实事中有${a.lagging}件进度滞后（落后于序时进度或计划进度），需加快推进`
      : inProgress.every((p) => p.status === 'ahead')
        ? `${a.total}件民生实事总体进度好于预期、快于序时进度`
        : `${a.total}件民生实事总体进度基本符合序时进度`;
  const parts: string[] = [];
  if (a.completed > 0) parts.push(`${a.completed}件已${doneClause}${breakdown}`);
  for (const status of ['ahead', 'on-track', 'lagging', 'severely-lagging'] as const) {
    const n = inProgress.filter((p) => p.status === status).length;
    if (n > 0) parts.push(`${n}件${IN_PROGRESS_PHRASES[status]}`);
  }
  return `${when}，${overall}。其中，${parts.join('，')}。`;
}

function projectSection(ctx: TextContext, n: number, p: BulletinProject, project: PlanProject): string[] {
  const state = p.completedAs
    ? `已${COMPLETED_PHRASES[p.completedAs]}`
    : `${PROJECT_STATUS_LABELS[p.status]}·${LIGHT_LABELS[p.light]}`;
  const out = [`## ${chineseNumeral(n)}、${oneLine(p.name)}（${state}）`, ''];
  const figures = latestFigures(project.reports, ctx.assessment.asOf);
  const clauses = p.indicators.map((i) => {
    const indicator = project.indicators.find((x) => x.ref === i.ref);
    if (!indicator) return '';
    const clause = indicatorClause(ctx, indicator, i, project);
    return figures.get(i.ref)?.value == null ? `${clause}（尚未报送进度）` : clause;
  });
  out.push(clauses.length ? `${clauses.filter(Boolean).join('；')}。` : '尚未设定考核指标。');

  if (!p.completedAs) {
    const e = ctx.assessment.elapsed;
    const points = (x: number) => formatFraction(x, 1, 2, 100);
    const behind = sumNumbers([e, -p.completion]);
    const versus = [
      behind > 0 ? `落后序时进度${points(behind)}个百分点` : behind === 0 ? '达到序时进度' : '快于序时进度',
    ];
    if (p.planned !== null) {
      const behindPlan = sumNumbers([p.planned, -p.completion]);
      if (behindPlan > 0) versus.push(`落后计划进度${points(behindPlan)}个百分点`);
    }
    const planned = p.planned === null ? '' : `，计划进度${percent(p.planned, ctx.decimals)}`;
    out.push(
      '',
      `项目总体完成${percent(p.completion, ctx.decimals)}，序时进度${percent(e, ctx.decimals)}${planned}，${versus.join('、')}。`,
    );
  }
  const money = moneyLine(ctx, project);
  if (money) out.push('', money);
  if (project.leadUnits.length) {
    const partners = project.partnerUnits.length ? `；配合单位：${project.partnerUnits.join('、')}` : '';
    out.push('', `牵头单位：${project.leadUnits.join('、')}${partners}。`);
  }
  const text = latestReport(project.reports, ctx.assessment.asOf)?.text?.trim();
  if (text) out.push('', `进展情况：${text}`);
  return out;
}

export function indicatorClause(
  ctx: TextContext,
  ind: PlanIndicator,
  i: BulletinIndicator,
  project: PlanProject,
): string {
  const unit = ind.unit ?? '';
  // A target of 0 is only legal as an entitlement's eligible count; a rate of it means nothing.
  const rate = () =>
    i.target === null || compareQuantities(i.target, 0) === 0
      ? '—'
      : formatRate(i.value, i.target, ctx.decimals);
  const done =
    i.target !== null && compareQuantities(i.target, 0) > 0 && compareQuantities(i.value, i.target) >= 0;
  switch (ind.kind) {
    case 'count':
      return `${ind.name}${formatCount(Number(i.value), unit)}（年度目标${formatCount(Number(i.target), unit)}），完成率${rate()}`;
    case 'amount':
      return `${ind.name}${formatYuanChinese(String(i.value))}（年度目标${formatYuanChinese(String(i.target))}），完成率${rate()}`;
    case 'coverage':
      return done
        ? `${ind.name}${formatCount(Number(i.value), unit)}，实现全覆盖`
        : `${ind.name}${formatCount(Number(i.value), unit)}（共${formatCount(Number(i.target), unit)}），覆盖率${rate()}`;
    case 'entitlement': {
      const served = `${ind.name}${formatCount(Number(i.value), unit)}`;
      if (i.target === null) return `${served}（应享受人数尚未报告）`;
      if (compareQuantities(i.target, 0) === 0) return `${served}（报告应享受人数为0）`;
      if (done) return `${served}，${entitlementWord(ind.name)}`;
      return `${served}（应享受${formatCount(Number(i.target), unit)}），完成率${rate()}`;
    }
    case 'percent': {
      const v = Number(i.value);
      const t = ind.target ?? DEFAULT_PERCENT_TARGET;
      const diff = sumNumbers([v, -t]);
      if (diff > 0) return `${ind.name}达到${v}%，高于目标${diff}个百分点`;
      if (diff === 0) return `${ind.name}达到${v}%，完成目标`;
      return `${ind.name}达到${v}%（目标${t}%），完成率${rate()}`;
    }
    case 'milestone':
      return milestoneClause(ind.name, Number(i.value), Number(i.target), project, ctx.plan.year);
  }
}

/** 应补尽补 for subsidies (补贴、补助), 应助尽助 for aid (资助、救助), as the documents say it. */
export function entitlementWord(name: string): string {
  if (name.includes('补')) return '应补尽补';
  if (name.includes('助')) return '应助尽助';
  return '应补尽补';
}

function milestoneClause(
  name: string,
  reached: number,
  total: number,
  project: PlanProject,
  year: number,
): string {
  if (reached >= total) return `${name}：${total}个节点已全部完成`;
  const done = reached === 0 ? `${total}个节点均未完成` : `${total}个节点中已完成${reached}个`;
  const steps = [...project.milestones].sort((a, b) => a.due.localeCompare(b.due));
  const last = reached > 0 ? steps[reached - 1]?.text : undefined;
  const next = steps[reached];
  const lastText = last ? `（最近完成：${last}）` : '';
  const nextText = next ? `，下一节点：${shortDate(next.due, year)}${next.text ?? ''}` : '';
  return `${name}：${done}${lastText}${nextText}`;
}

export function moneyLine(ctx: TextContext, project: PlanProject): string {
  const report = latestReport(project.reports, ctx.assessment.asOf);
  const parts: string[] = [];
  if (report?.investment !== undefined) {
    const share =
      project.budget && compareQuantities(project.budget, 0) > 0
        ? `，占计划投资${formatYuanChinese(project.budget)}的${formatRate(report.investment, project.budget, ctx.decimals)}`
        : '';
    parts.push(`累计完成投资${formatYuanChinese(report.investment)}${share}`);
  } else if (project.budget) {
    parts.push(`计划投资${formatYuanChinese(project.budget)}`);
  }
  if (report?.fundsArrived !== undefined) parts.push(`资金到位${formatYuanChinese(report.fundsArrived)}`);
  return parts.length ? `${parts.join('；')}。` : '';
}

function table(ctx: TextContext): string[] {
  const rows = ctx.assessment.projects.map((p, i) => {
    const state = p.completedAs ? `已${COMPLETED_PHRASES[p.completedAs]}` : PROJECT_STATUS_LABELS[p.status];
    return `| ${i + 1} | ${tableCell(p.name)} | ${state} | ${percent(p.completion, ctx.decimals)} | ${LIGHT_LABELS[p.light]} |`;
  });
  return [
    '## 附表：项目进度一览',
    '',
    '| 序号 | 项目 | 状态 | 完成度 | 亮灯 |',
    '|---|---|---|---|---|',
    ...rows,
  ];
}

export function percent(fraction: number, decimals: number): string {
  return `${formatFraction(fraction, 1, decimals, 100)}%`;
}

/** "8月25日" within the plan year, "2024年1月31日" outside it. */
export function shortDate(iso: string, year: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return y === year ? `${m}月${d}日` : `${y}年${m}月${d}日`;
}

export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: the numbering of 公文 sections. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h ? `${DIGITS[h]}百` : '';
  if (t) out += `${t === 1 && !h ? '' : DIGITS[t]}十`;
  else if (h && u) out += '零';
  if (u) out += DIGITS[u];
  return out;
}
