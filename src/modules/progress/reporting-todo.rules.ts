import { daysBetween } from '../../kernel/date-window';
import { expectedReports, type ReportStatus } from './reporting.rules';
import type { IsoDate, Period } from './schedule.rules';

/**
 * 填报待办: what a department owes on one project's monthly reports today. A month's report falls
 * due on the plan year's reporting day of the next month (by the 5th); a month counts as reported
 * once a report of it was submitted, whatever was decided since (a returned one is its own to-do).
 */
export type ReportingTodo =
  /** The month just ended, not yet reported, its day still to come (or today). */
  | { kind: 'due'; asOf: IsoDate; due: IsoDate; daysLeft: number }
  /** The latest month past its day with no report; `missing` counts every such month. */
  | { kind: 'overdue'; asOf: IsoDate; due: IsoDate; daysLate: number; missing: number }
  /** Begun and not submitted. */
  | { kind: 'draft'; reportId: string; asOf: IsoDate }
  /** Sent back by the approver, with why. */
  | { kind: 'returned'; reportId: string; asOf: IsoDate; reason: string | null };

export interface ReportState {
  id: string;
  asOf: IsoDate;
  status: ReportStatus;
  returnReason: string | null;
  /** Filed for the department asking: only its own drafts and returned reports are its to-dos. */
  own: boolean;
}

const month = (date: IsoDate) => date.slice(0, 7);

export function reportingTodos(
  period: Period,
  reportingDay: number,
  today: IsoDate,
  reports: readonly ReportState[],
): ReportingTodo[] {
  const todos: ReportingTodo[] = [];
  for (const r of reports) {
    if (!r.own) continue;
    if (r.status === 'draft') todos.push({ kind: 'draft', reportId: r.id, asOf: r.asOf });
    if (r.status === 'returned')
      todos.push({ kind: 'returned', reportId: r.id, asOf: r.asOf, reason: r.returnReason });
  }
  // A month reported by anyone is done; one with our draft or returned report is listed as that.
  const handled = new Set(
    reports
      .filter((r) => r.own || r.status === 'submitted' || r.status === 'approved')
      .map((r) => month(r.asOf)),
  );
  // Every month of the period that has ended by today, whether or not its day has come.
  const ended = expectedReports(period, reportingDay, '9999-12-31').filter(
    (e) => e.asOf < today && !handled.has(month(e.asOf)),
  );
  const late = ended.filter((e) => e.due < today);
  const latestLate = late.at(-1);
  if (latestLate)
    todos.push({
      kind: 'overdue',
      asOf: latestLate.asOf,
      due: latestLate.due,
      daysLate: daysBetween(latestLate.due, today),
      missing: late.length,
    });
  const coming = ended.find((e) => e.due >= today);
  if (coming)
    todos.push({ kind: 'due', asOf: coming.asOf, due: coming.due, daysLeft: daysBetween(today, coming.due) });
  return todos;
}
