import { GRADES, type SupervisionAsOf } from '../supervision';
import { chineseNumeral, shortDate } from './bulletin-text.rules';

/**
 * The bulletin's 督办情况: how many orders were issued, closed on time and graded, sent back, still
 * open and overdue, as of the bulletin's date; then, by name, every open order overdue 3 days or
 * more — being named here is the 通报 step of the escalation (supervision.rules.ts ESCALATION).
 */
export function supervisionMarkdown(section: SupervisionAsOf, numeral: number, year: number): string[] {
  const t = section.totals;
  const parts = [`截至${shortDate(section.asOf, year)}，共下达督办事项${t.total}件`];
  if (t.closed > 0) {
    const graded = GRADES.filter((g) => t.grades[g] > 0)
      .map((g) => `${g}${t.grades[g]}件`)
      .join('、');
    parts.push(`已办结${t.closed}件（按时办结${t.closedOnTime}件${graded ? `，评定${graded}` : ''}）`);
  }
  if (t.returned > 0) parts.push(`退回重办${t.returned}次`);
  if (t.open > 0)
    parts.push(`正在办理${t.open}件${t.overdue > 0 ? `，其中逾期${t.overdue}件` : '，均在时限内'}`);
  const out = [`## ${chineseNumeral(numeral)}、督办情况`, '', `${parts.join('，')}。`];
  const named = section.orders
    .filter((o) => (o.escalation?.level ?? 0) >= 2)
    .sort((a, b) => b.overdueDays - a.overdueDays);
  if (named.length > 0) {
    out.push('', `逾期3天以上、予以通报的督办事项${named.length}件：`, '');
    named.forEach((o, i) => {
      const raised = (o.escalation?.level ?? 0) >= 3 ? '，已提级督办' : '';
      out.push(
        `${i + 1}. ${o.number}“${o.projectName}”（${o.unitName}，${o.gravityLabel}）：${o.stageLabel}，应于${shortDate(o.dueOn!, year)}前完成，已逾期${o.overdueDays}天${raised}。`,
      );
    });
  }
  return out;
}
