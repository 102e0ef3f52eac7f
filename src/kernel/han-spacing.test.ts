import { describe, expect, it } from 'vitest';
import { withoutSpacesBetweenHan } from './han-spacing';

describe('spaces in Chinese text', () => {
  it('drops a space between two Han characters and keeps one next to Latin letters or digits', () => {
    expect(withoutSpacesBetweenHan('刘 建')).toBe('刘建');
    expect(withoutSpacesBetweenHan('园林绿化\u3000 中心')).toBe('园林绿化中心');
    expect(withoutSpacesBetweenHan('AED 配置 及 培训')).toBe('AED 配置及培训');
    expect(withoutSpacesBetweenHan('2023 年')).toBe('2023 年');
  });
});
