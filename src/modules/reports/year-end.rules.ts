import { formatYuanChinese, sumYuan } from '../../kernel/money';
import { COMPLETED_AS, type CompletedAs, latestFigures, latestReport } from '../progress/assessment.rules';
import type { PlanDocument, PlanProject } from '../progress/plan-format.schema';
import { compareQuantities, divideRounded } from '../progress/quantity.rules';
import type { SupervisionAsOf } from '../supervision';
import type { BulletinProject, PlanAssessment } from './bulletin.rules';
import {
  COMPLETED_PHRASES,
  chineseNumeral,
  indicatorClause,
  longDate,
  moneyLine,
  percent,
  type TextContext,
} from './bulletin-text.rules';
import { type FunnelCounts, type FunnelStep, funnelParagraph, funnelSteps } from './funnel.rules';
import { oneLine, tableCell } from './markdown.rules';
import { type SatisfactionSection, satisfactionMarkdown } from './satisfaction.rules';
import { supervisionMarkdown } from './supervision-text.rules';

/**
 * 年度民生实事办理情况报告: the report to the congress after the year (seed 001 part 1), written from
 * what the platform holds — each project's result and how it reads (超额完成, 全覆盖, 应补尽补),
 * investment, the way from residents' suggestions to the elected projects, and the satisfaction
 * evaluation. Pure: `yearEndReport` is the `json` form, `yearEndMarkdown` the text every other form
 * (Word, the console) is made from.
 */
export interface YearEndInput {
  plan: PlanDocument;
  /** The plan assessed at the end of its period (or on the day of issue, if that comes first). */
  assessment: PlanAssessment;
  funnel: FunnelCounts;
  satisfaction: SatisfactionSection;
  /** 督办 as it stood on the report's date, when the year had any orders. */
  supervision?: SupervisionAsOf | null;
  /** The date on the report (YYYY-MM-DD). */
  issuedOn: string;
  /** The plan year's figures are simulated (演示数据). */
  demo: boolean;
}

export interface YearEndProject {
  ref: string;
  name: string;
  field: string;
  status: BulletinProject['status'];
  completedAs: CompletedAs | null;
  completion: number;
  budget: string | null;
  /** 累计完成投资 from the latest report, exact yuan; null when never reported. */
  investment: string | null;
  leadUnits: string[];
}

export interface YearEndReport {
  region: { code: string; name: string };
  year: number;
  title: string;
  issuedOn: string;
  asOf: string;
  /** The plan period's last day: a report before it says 截至 its date. */
  periodEnd: string;
  demo: boolean;
  total: number;
  completed: number;
  unfinished: number;
  completedBy: Record<CompletedAs, number>;
  investment: { planned: string | null; done: string | null; rate: number | null };
  fields: Array<{ field: string; projects: number }>;
  projects: YearEndProject[];
  funnel: FunnelCounts & { steps: FunnelStep[] };
  satisfaction: SatisfactionSection;
  supervision?: SupervisionAsOf;
}

const OTHER_FIELD = '其他';

export function yearEndTitle(plan: PlanDocument): string {
  return `${plan.region.name}${plan.year}年民生实事办理情况报告`;
}

export function yearEndReport(input: YearEndInput): YearEndReport {
  const { plan, assessment } = input;
  const projects = assessment.projects.map((p): YearEndProject => {
    const doc = plan.projects.find((x) => x.ref === p.ref);
    return {
      ref: p.ref,
      name: p.name,
      field: doc?.field?.trim() || OTHER_FIELD,
      status: p.status,
      completedAs: p.completedAs,
      completion: p.completion,
      budget: doc?.budget ?? null,
      investment: (doc && latestReport(doc.reports, assessment.asOf)?.investment) ?? null,
      leadUnits: doc?.leadUnits ?? [],
    };
  });
  const fields: YearEndReport['fields'] = [];
  for (const p of projects) {
    const found = fields.find((f) => f.field === p.field);
    if (found) found.projects++;
    else fields.push({ field: p.field, projects: 1 });
  }
  const done = projects.flatMap((p) => (p.investment === null ? [] : [p.investment]));
  const planned = projects.flatMap((p) => (p.budget === null ? [] : [p.budget]));
  const doneSum = done.length ? sumYuan(done) : null;
  const plannedSum = planned.length ? sumYuan(planned) : null;
  return {
    region: plan.region,
    year: plan.year,
    title: yearEndTitle(plan),
    issuedOn: input.issuedOn,
    asOf: assessment.asOf,
    periodEnd: plan.period.end,
    demo: input.demo,
    total: assessment.total,
    completed: assessment.completed,
    unfinished: assessment.total - assessment.completed,
    completedBy: assessment.completedBy,
    investment: {
      planned: plannedSum,
      done: doneSum,
      rate:
        doneSum !== null && plannedSum !== null && compareQuantities(plannedSum, 0) > 0
          ? divideRounded(doneSum, plannedSum, 4)
          : null,
    },
    fields,
    projects,
    funnel: { ...input.funnel, steps: funnelSteps(input.funnel) },
    satisfaction: input.satisfaction,
    ...(input.supervision ? { supervision: input.supervision } : {}),
  };
}

/** The report as Markdown: title, date, 一、完成情况 by field, 二、群众参与, 三、满意度测评, a table. */
export function yearEndMarkdown(input: YearEndInput): string {
  const report = yearEndReport(input);
  const ctx: TextContext = { plan: input.plan, assessment: input.assessment, decimals: 2 };
  const dateLine = `（${longDate(report.issuedOn)}${report.demo ? '·演示数据' : ''}）`;
  const lines = [`# ${report.title}`, '', dateLine, '', '## 一、项目完成情况', '', overall(report)];
  report.fields.forEach((f, i) => {
    lines.push('', `### （${chineseNumeral(i + 1)}）${oneLine(f.field)}（${f.projects}件）`);
    report.projects
      .filter((p) => p.field === f.field)
      .forEach((p, n) => {
        const doc = input.plan.projects.find((x) => x.ref === p.ref);
        const assessed = input.assessment.projects.find((x) => x.ref === p.ref);
        if (doc && assessed) lines.push('', projectParagraph(ctx, n + 1, assessed, doc));
      });
  });
  lines.push('', '## 二、群众参与', '', funnelParagraph(report.funnel));
  // A table of zeros says nothing a sentence has not said.
  if (report.funnel.steps.some((s) => s.value > 0))
    lines.push(
      '',
      '| 环节 | 数量 |',
      '|---|---|',
      ...report.funnel.steps.map((s) => `| ${s.label} | ${s.value} |`),
    );
  lines.push('', ...satisfactionMarkdown(report.satisfaction, 3, report.year));
  if (report.supervision) lines.push('', ...supervisionMarkdown(report.supervision, 4, report.year));
  if (report.projects.length > 0) lines.push('', ...summaryTable(report));
  return `${lines.join('\n')}\n`;
}

/** "2022年，沁水县12件民生实事全部完成全年目标任务（……）。全年累计完成投资……" */
export function overall(report: YearEndReport): string {
  const place = report.region.name;
  const yearEnd = report.asOf >= report.periodEnd;
  const when = yearEnd ? `${report.year}年` : `截至${longDate(report.asOf)}`;
  if (report.total === 0) return `${when}，${place}暂无民生实事项目。`;
  const kinds = COMPLETED_AS.filter((c) => report.completedBy[c] > 0);
  const breakdown =
    kinds.length === 0 || (kinds.length === 1 && kinds[0] === 'met')
      ? ''
      : `（${kinds.map((c) => `${report.completedBy[c]}件${COMPLETED_PHRASES[c]}`).join('、')}）`;
  let text: string;
  if (report.completed === report.total) {
    text = `${when}，${place}${report.total}件民生实事全部完成全年目标任务${breakdown}。`;
  } else {
    const open = report.projects
      .filter((p) => p.status !== 'completed')
      .map((p) => `${p.name}（完成${percent(p.completion, 2)}）`);
    const done = report.completed > 0 ? `${report.completed}件完成全年目标任务${breakdown}，` : '';
    text = `${when}，${place}${report.total}件民生实事中，${done}${report.unfinished}件未完成全年目标任务：${open.join('、')}。`;
  }
  const { done, planned, rate } = report.investment;
  if (done !== null && planned !== null && rate !== null) {
    text += `累计完成投资${formatYuanChinese(done)}，占计划投资${formatYuanChinese(planned)}的${percent(rate, 2)}。`;
  } else if (done !== null) {
    text += `累计完成投资${formatYuanChinese(done)}。`;
  } else if (planned !== null) {
    text += `计划投资${formatYuanChinese(planned)}，尚未报送完成投资。`;
  }
  return text;
}

function projectParagraph(ctx: TextContext, n: number, p: BulletinProject, project: PlanProject): string {
  const state = p.completedAs
    ? `已${COMPLETED_PHRASES[p.completedAs]}`
    : `未完成全年目标任务，完成${percent(p.completion, ctx.decimals)}`;
  const figures = latestFigures(project.reports, ctx.assessment.asOf);
  const clauses = p.indicators.flatMap((i) => {
    const indicator = project.indicators.find((x) => x.ref === i.ref);
    if (!indicator) return [];
    const clause = indicatorClause(ctx, indicator, i, project);
    return [figures.get(i.ref)?.value == null ? `${clause}（未报送进度）` : clause];
  });
  const parts = [`${chineseNumeral(n)}是${p.name}，${state}。`];
  if (clauses.length) parts.push(`${clauses.join('；')}。`);
  const money = moneyLine(ctx, project);
  if (money) parts.push(money);
  if (project.leadUnits.length) parts.push(`牵头单位：${project.leadUnits.join('、')}。`);
  const text = latestReport(project.reports, ctx.assessment.asOf)?.text?.trim();
  if (text) parts.push(`完成情况：${text.replace(/\s+/g, ' ')}`);
  return parts.join('');
}

function summaryTable(report: YearEndReport): string[] {
  const rows = report.projects.map((p, i) => {
    const state = p.completedAs ? `已${COMPLETED_PHRASES[p.completedAs]}` : '未完成';
    const money = p.investment === null ? '—' : formatYuanChinese(p.investment);
    return `| ${i + 1} | ${tableCell(p.name)} | ${tableCell(p.field)} | ${state} | ${percent(p.completion, 2)} | ${money} |`;
  });
  return [
    '## 附表：项目完成情况一览',
    '',
    '| 序号 | 项目 | 领域 | 完成情况 | 完成度 | 完成投资 |',
    '|---|---|---|---|---|---|',
    ...rows,
  ];
}
