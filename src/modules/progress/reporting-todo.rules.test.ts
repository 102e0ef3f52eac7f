import { describe, expect, it } from 'vitest';
import { type ReportState, reportingTodos } from './reporting-todo.rules';

const year2023 = { start: '2023-01-01', end: '2023-12-31' };
const report = (
  asOf: string,
  status: ReportState['status'],
  extra: Partial<ReportState> = {},
): ReportState => ({
  id: `r-${asOf}-${status}`,
  asOf,
  status,
  returnReason: null,
  own: true,
  ...extra,
});
const reported = (months: number) =>
  Array.from({ length: months }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    const last = new Date(Date.UTC(2023, i + 1, 0)).getUTCDate();
    return report(`2023-${m}-${last}`, 'approved');
  });

describe('reportingTodos', () => {
  it('asks for the month just ended, counting the days to the 5th, the day itself included', () => {
    expect(reportingTodos(year2023, 5, '2023-08-02', reported(6))).toEqual([
      { kind: 'due', asOf: '2023-07-31', due: '2023-08-05', daysLeft: 3 },
    ]);
    expect(reportingTodos(year2023, 5, '2023-08-05', reported(6))).toEqual([
      { kind: 'due', asOf: '2023-07-31', due: '2023-08-05', daysLeft: 0 },
    ]);
  });

  it('calls it overdue the day after, with the number of months never reported', () => {
    expect(reportingTodos(year2023, 5, '2023-08-06', reported(6))).toEqual([
      { kind: 'overdue', asOf: '2023-07-31', due: '2023-08-05', daysLate: 1, missing: 1 },
    ]);
    expect(reportingTodos(year2023, 5, '2023-08-02', reported(4))).toEqual([
      { kind: 'overdue', asOf: '2023-06-30', due: '2023-07-05', daysLate: 28, missing: 2 },
      { kind: 'due', asOf: '2023-07-31', due: '2023-08-05', daysLeft: 3 },
    ]);
  });

  it('owes nothing once the month is submitted, approved or not, by this department or another', () => {
    const july = [...reported(6), report('2023-07-31', 'submitted', { own: false })];
    expect(reportingTodos(year2023, 5, '2023-08-20', july)).toEqual([]);
  });

  it('lists its own drafts and returned reports instead of their months, with the reason', () => {
    const todos = reportingTodos(year2023, 5, '2023-08-20', [
      ...reported(5),
      report('2023-06-30', 'returned', { returnReason: '户数与现场核查不符' }),
      report('2023-07-31', 'draft'),
    ]);
    expect(todos).toEqual([
      {
        kind: 'returned',
        reportId: 'r-2023-06-30-returned',
        asOf: '2023-06-30',
        reason: '户数与现场核查不符',
      },
      { kind: 'draft', reportId: 'r-2023-07-31-draft', asOf: '2023-07-31' },
    ]);
  });

  it("leaves another department's draft to it: the month is still owed", () => {
    const todos = reportingTodos(year2023, 5, '2023-08-20', [
      ...reported(6),
      report('2023-07-31', 'draft', { own: false }),
    ]);
    expect(todos).toEqual([
      { kind: 'overdue', asOf: '2023-07-31', due: '2023-08-05', daysLate: 15, missing: 1 },
    ]);
  });

  it('asks for nothing before the first month has ended, and for December in the next January', () => {
    expect(reportingTodos(year2023, 5, '2023-01-31', [])).toEqual([]);
    expect(reportingTodos(year2023, 5, '2024-01-03', reported(11))).toEqual([
      { kind: 'due', asOf: '2023-12-31', due: '2024-01-05', daysLeft: 2 },
    ]);
  });

  it('keeps to the period: a plan ending in June asks for nothing after June', () => {
    const half = { start: '2023-01-01', end: '2023-06-30' };
    expect(reportingTodos(half, 5, '2023-10-01', reported(6))).toEqual([]);
  });

  it('moves with the reporting day: by the 10th', () => {
    expect(reportingTodos(year2023, 10, '2023-08-08', reported(6))).toEqual([
      { kind: 'due', asOf: '2023-07-31', due: '2023-08-10', daysLeft: 2 },
    ]);
  });
});
