import { describe, expect, it } from 'vitest';
import {
  calendarYearPeriod,
  dayNumber,
  daysElapsed,
  daysInPeriod,
  elapsedFraction,
  isIsoDate,
  plannedInvestmentAt,
  plannedValueAt,
} from './schedule.rules';

const year2023 = calendarYearPeriod(2023);
const year2024 = calendarYearPeriod(2024);

describe('dates', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2023-08-25')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('refuses impossible or differently written dates', () => {
    for (const bad of [
      '2023-02-29',
      '2023-13-01',
      '2023-04-31',
      '2023-8-25',
      '2023/08/25',
      '20230825',
      '',
      20230825,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('counts days between dates across month and year ends', () => {
    expect(dayNumber('2023-01-01') - dayNumber('2022-12-31')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(() => dayNumber('2023-02-30')).toThrow(RangeError);
  });

  it('makes the calendar year the default plan period', () => {
    expect(year2023).toEqual({ start: '2023-01-01', end: '2023-12-31' });
    expect(daysInPeriod(year2023)).toBe(365);
    expect(daysInPeriod(year2024)).toBe(366);
  });
});

describe('序时进度 (time-proportional progress)', () => {
  it('is 237/365 = 64.93% on 25 August, counting the day itself', () => {
    expect(daysElapsed(year2023, '2023-08-25')).toBe(237);
    expect(elapsedFraction(year2023, '2023-08-25')).toBeCloseTo(0.6493, 4);
  });

  it('is 241/365 = 66.03% on 29 August, as in the bulletin example of the spec', () => {
    expect(elapsedFraction(year2023, '2023-08-29')).toBeCloseTo(0.6603, 4);
  });

  it('counts 29 February in a leap year: 25 August 2024 is day 238 of 366', () => {
    expect(daysElapsed(year2024, '2024-08-25')).toBe(238);
    expect(elapsedFraction(year2024, '2024-08-25')).toBeCloseTo(238 / 366, 10);
  });

  it('has one day passed on the first day and all of them on the last', () => {
    expect(elapsedFraction(year2023, '2023-01-01')).toBe(1 / 365);
    expect(elapsedFraction(year2023, '2023-12-31')).toBe(1);
  });

  it('is 0 before the period starts and 1 after it ends', () => {
    expect(elapsedFraction(year2023, '2022-12-31')).toBe(0);
    expect(elapsedFraction(year2023, '2021-06-01')).toBe(0);
    expect(elapsedFraction(year2023, '2024-01-01')).toBe(1);
    expect(elapsedFraction(year2023, '2030-01-01')).toBe(1);
  });

  it('works on a period other than the calendar year', () => {
    const schoolYear = { start: '2022-09-01', end: '2023-08-31' };
    expect(daysInPeriod(schoolYear)).toBe(365);
    expect(daysElapsed(schoolYear, '2022-09-30')).toBe(30);
  });
});

describe('计划进度: planned value between milestones', () => {
  // 沁水县 2023 残疾人关爱行动 (seed 001): 650 health checks a month from June, 4368 in all.
  const checks = [
    { due: '2023-06-30', value: 650 },
    { due: '2023-07-31', value: 1300 },
    { due: '2023-08-31', value: 1950 },
    { due: '2023-09-30', value: 2600 },
    { due: '2023-10-31', value: 3250 },
    { due: '2023-11-30', value: 3900 },
    { due: '2023-12-31', value: 4368 },
  ];

  it('is the milestone value on its due date', () => {
    expect(plannedValueAt(checks, year2023, '2023-06-30')).toBe(650);
    expect(plannedValueAt(checks, year2023, '2023-09-30')).toBe(2600);
    expect(plannedValueAt(checks, year2023, '2023-12-31')).toBe(4368);
  });

  it('is interpolated linearly by day between two milestones', () => {
    // 15 of July's 31 days after 30 June: 650 + 650 × 15/31.
    expect(plannedValueAt(checks, year2023, '2023-07-15')).toBeCloseTo(650 + (650 * 15) / 31, 9);
  });

  it('rises from 0 at the start of the period to the first milestone', () => {
    // 30 June is day 181; 1 January is day 1.
    expect(plannedValueAt(checks, year2023, '2023-01-01')).toBeCloseTo(650 / 181, 9);
    expect(plannedValueAt(checks, year2023, '2023-03-31')).toBeCloseTo((650 * 90) / 181, 9);
  });

  it('is 0 before the period starts', () => {
    expect(plannedValueAt(checks, year2023, '2022-12-01')).toBe(0);
  });

  it('holds the last milestone value after it', () => {
    const early = [{ due: '2023-10-31', value: 2000 }];
    expect(plannedValueAt(early, year2023, '2023-11-15')).toBe(2000);
    expect(plannedValueAt(early, year2023, '2024-03-01')).toBe(2000);
  });

  it('is null when the indicator has no milestone values, not a planned zero', () => {
    expect(plannedValueAt([], year2023, '2023-08-25')).toBeNull();
  });

  it('does not depend on the order milestones are listed in', () => {
    const shuffled = [checks[3]!, checks[0]!, checks[6]!, checks[1]!, checks[5]!, checks[2]!, checks[4]!];
    expect(plannedValueAt(shuffled, year2023, '2023-08-15')).toBe(
      plannedValueAt(checks, year2023, '2023-08-15'),
    );
  });

  it('takes the later-listed of two milestones due the same day', () => {
    const twice = [
      { due: '2023-06-30', value: 10 },
      { due: '2023-06-30', value: 30 },
    ];
    expect(plannedValueAt(twice, year2023, '2023-06-30')).toBe(30);
    expect(plannedValueAt(twice, year2023, '2023-07-10')).toBe(30);
  });

  it('stays flat across a step planned to add nothing', () => {
    const flat = [
      { due: '2023-03-31', value: 5 },
      { due: '2023-06-30', value: 5 },
    ];
    expect(plannedValueAt(flat, year2023, '2023-05-01')).toBe(5);
  });
});

describe('planned investment from the steps of 推进计划', () => {
  // 沁水县 2023 口袋公园建设项目 (seed 001): 50万 in February, 50万 by early April, … 1000万 by October.
  const steps = [
    { due: '2023-02-28', investment: '500000.00' },
    { due: '2023-03-31', investment: '500000.00' },
    { due: '2023-04-30', investment: '1000000.00' },
    { due: '2023-05-31', investment: '2000000.00' },
    { due: '2023-06-30', investment: '1500000.00' },
    { due: '2023-07-31', investment: '1500000.00' },
    { due: '2023-08-31', investment: '1000000.00' },
    { due: '2023-09-30', investment: '1000000.00' },
    { due: '2023-10-31', investment: '1000000.00' },
  ];

  it('adds the steps up to the whole by the last one', () => {
    expect(plannedInvestmentAt(steps, year2023, '2023-10-31')).toBe('10000000.00');
    expect(plannedInvestmentAt(steps, year2023, '2023-12-31')).toBe('10000000.00');
  });

  it('is cumulative at a step: 550万 planned by the end of June', () => {
    expect(plannedInvestmentAt(steps, year2023, '2023-06-30')).toBe('5500000.00');
  });

  it('interpolates between steps to the fen', () => {
    // Halfway through September's 100万 step (15 of 30 days): 800万 by August + 50万.
    expect(plannedInvestmentAt(steps, year2023, '2023-09-15')).toBe('8500000.00');
    // From nothing at the start of the year: 10 February is day 41 of the 59 up to 28 February.
    expect(plannedInvestmentAt(steps, year2023, '2023-02-10')).toBe('347457.63');
  });

  it('ignores milestones that plan no investment and is null when none does', () => {
    expect(plannedInvestmentAt([{ due: '2023-03-31' }, ...steps], year2023, '2023-02-28')).toBe('500000.00');
    expect(plannedInvestmentAt([{ due: '2023-03-31' }], year2023, '2023-08-25')).toBeNull();
  });
});
