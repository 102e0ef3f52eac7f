import { describe, expect, it } from 'vitest';
import { isRegionCode, isWithinRegion, parentCodeOf, regionLevelOf, regionPrefix } from './regions';

describe('GB/T 2260 codes', () => {
  it.each([
    ['000000', 'nation'],
    ['140000', 'province'],
    ['140500', 'city'],
    ['140521', 'county'],
    ['140521100', 'township'],
    ['140521100201', 'village'],
    ['110101', 'county'],
    ['429004', 'county'],
  ] as const)('%s is at level %s', (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it.each(['', '14052', '1405210', 'abcdef', '14052110'])('refuses %j as a code', (code) => {
    expect(isRegionCode(code)).toBe(false);
    expect(() => regionLevelOf(code)).toThrow();
  });

  it('gives each level its significant prefix', () => {
    expect(regionPrefix('000000')).toBe('');
    expect(regionPrefix('140000')).toBe('14');
    expect(regionPrefix('140500')).toBe('1405');
    expect(regionPrefix('140521')).toBe('140521');
    expect(regionPrefix('140521100')).toBe('140521100');
  });

  it('places regions inside their ancestors and nowhere else', () => {
    expect(isWithinRegion('140521', '140521')).toBe(true);
    expect(isWithinRegion('140521', '140500')).toBe(true);
    expect(isWithinRegion('140521', '140000')).toBe(true);
    expect(isWithinRegion('140521', '000000')).toBe(true);
    expect(isWithinRegion('140521100201', '140521')).toBe(true);
    expect(isWithinRegion('140522', '140521')).toBe(false);
    expect(isWithinRegion('140100', '140500')).toBe(false);
    expect(isWithinRegion('410000', '140000')).toBe(false);
    expect(isWithinRegion('140500', '140521')).toBe(false);
  });

  it('derives the parent code', () => {
    expect(parentCodeOf('000000')).toBeNull();
    expect(parentCodeOf('140000')).toBe('000000');
    expect(parentCodeOf('140500')).toBe('140000');
    expect(parentCodeOf('140521')).toBe('140500');
    expect(parentCodeOf('140521100')).toBe('140521');
    expect(parentCodeOf('140521100201')).toBe('140521100');
  });
});
