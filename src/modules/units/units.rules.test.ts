import { describe, expect, it } from 'vitest';
import { guessUnitKind, normalizeUnitName } from './units.rules';

describe('unit names', () => {
  it('drops the stray spaces Chinese documents put inside a name', () => {
    expect(normalizeUnitName(' 园林绿化 中心 ')).toBe('园林绿化中心');
    expect(normalizeUnitName('沁水县\u3000交通运输局')).toBe('沁水县交通运输局');
    expect(normalizeUnitName('住建局\n')).toBe('住建局');
  });

  it('keeps one space between words written in Latin letters or digits', () => {
    expect(normalizeUnitName('Qinshui  County Transport Bureau')).toBe('Qinshui County Transport Bureau');
    expect(normalizeUnitName('沁水县 5G 建设 专班')).toBe('沁水县 5G 建设专班');
  });

  it('guesses the kind of a unit from its name', () => {
    expect(guessUnitKind('郑村镇人民政府')).toBe('township');
    expect(guessUnitKind('沁水县城市建设投资有限公司')).toBe('enterprise');
    expect(guessUnitKind('住建局')).toBe('department');
  });
});
