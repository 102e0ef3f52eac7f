import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  chinaDate,
  chineseDate,
  dateWindowProblems,
  daysBetween,
  isCalendarDate,
  windowDays,
  windowState,
} from './date-window';

const week = {
  days: 7,
  code: 'TOO_SHORT' as const,
  message: (days: number) => `不少于 7 天（现为 ${days} 天）`,
};

describe('a window of China dates', () => {
  it('counts both ends', () => {
    expect(windowDays('2024-03-01', '2024-03-30')).toBe(30);
    expect(windowDays('2024-03-01', '2024-03-01')).toBe(1);
    expect(windowDays('2024-02-01', '2024-03-01')).toBe(30); // 2024 is a leap year
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-3-1')).toBe(false);
  });

  it('is upcoming before its first day, open on both ends, closed after its last day', () => {
    const w = { opensOn: '2024-12-01', closesOn: '2024-12-31' };
    expect(windowState(w, '2024-11-30')).toBe('upcoming');
    expect(windowState(w, '2024-12-01')).toBe('open');
    expect(windowState(w, '2024-12-31')).toBe('open');
    expect(windowState(w, '2025-01-01')).toBe('closed');
  });

  it('takes the date in China, not in UTC', () => {
    expect(chinaDate(new Date('2024-11-30T15:59:59Z'))).toBe('2024-11-30');
    expect(chinaDate(new Date('2024-11-30T16:00:00Z'))).toBe('2024-12-01');
  });

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2024-03-01')).toBe('2024年3月1日');
    expect(chineseDate('not a date')).toBe('not a date');
  });

  it('names the first problem of a window typed by staff, with the caller’s own code for too short', () => {
    expect(dateWindowProblems({ opensOn: '2024-02-30', closesOn: '2024-03-30' }, week)).toEqual([
      { code: 'VALIDATION_FAILED', field: 'opensOn', message: '开始日期不正确' },
    ]);
    expect(dateWindowProblems({ opensOn: '2024-03-01', closesOn: 'x' }, week)).toEqual([
      { code: 'VALIDATION_FAILED', field: 'closesOn', message: '截止日期不正确' },
    ]);
    expect(dateWindowProblems({ opensOn: '2024-03-10', closesOn: '2024-03-09' }, week)).toEqual([
      { code: 'VALIDATION_FAILED', field: 'closesOn', message: '截止日期不能早于开始日期' },
    ]);
    expect(dateWindowProblems({ opensOn: '2024-03-01', closesOn: '2024-03-06' }, week)).toEqual([
      { code: 'TOO_SHORT', field: 'closesOn', message: '不少于 7 天（现为 6 天）' },
    ]);
    expect(dateWindowProblems({ opensOn: '2024-03-01', closesOn: '2024-03-07' }, week)).toEqual([]);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-29', 3)).toBe('2024-01-01');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2023-06-05', 0)).toBe('2023-06-05');
  });

  it('adds months, keeping the day or taking the month’s last', () => {
    expect(addMonths('2023-06-05', 1)).toBe('2023-07-05');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2023-06-05', '2023-06-12')).toBe(7);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-06-12', '2023-06-05')).toBe(-7);
  });
});
