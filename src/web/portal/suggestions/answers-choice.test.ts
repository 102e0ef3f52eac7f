import { describe, expect, it } from 'vitest';
import { answersPath, chooseAnswersYear, placeLabel } from './answers-choice';
import type { AnswerYear } from './api';

/** 城区 of 阳泉市 and 城区 of 晋城市: two regions of one name, each with answers in 2024. */
const YANGQUAN: AnswerYear = {
  regionCode: '140302',
  regionName: '城区',
  parentName: '阳泉市',
  year: 2024,
  title: null,
  groups: 3,
};
const JINCHENG: AnswerYear = { ...YANGQUAN, regionCode: '140502', parentName: '晋城市', groups: 5 };
const QINSHUI: AnswerYear = {
  regionCode: '140521',
  regionName: '沁水县',
  parentName: '晋城市',
  year: 2023,
  title: null,
  groups: 8,
};
const YEARS = [YANGQUAN, JINCHENG, QINSHUI];
const choose = (query: string) => chooseAnswersYear(YEARS, new URLSearchParams(query));

describe('which plan year the answers page opens', () => {
  it('follows the track page’s link to the suggestion’s own region, not the first of that name', () => {
    const link = answersPath({ regionCode: '140502', year: 2024 });
    expect(link).toBe('/portal/answers?region=140502&year=2024');
    expect(choose(new URL(link, 'http://x').search).key).toBe('140502/2024');
  });

  it('still opens an older link by name when one region has that name, and swaps in the code', () => {
    expect(choose('name=沁水县&year=2023')).toEqual({
      key: '140521/2023',
      replaceWith: { region: '140521', year: '2023' },
    });
  });

  it('guesses no region when an older link’s name fits two', () => {
    const choice = choose('name=城区&year=2024');
    expect(choice.key).toBeNull();
    expect(choice.sameName?.map((y) => y.regionCode)).toEqual(['140302', '140502']);
  });

  it('opens the newest plan year without a choice, and waits for the list before reading a name', () => {
    expect(choose('').key).toBe('140302/2024');
    expect(chooseAnswersYear(null, new URLSearchParams('name=城区&year=2024')).key).toBeNull();
  });

  it('names two regions of one name by their city in the choice list', () => {
    expect(YEARS.map((y) => placeLabel(y, YEARS))).toEqual(['阳泉市城区', '晋城市城区', '沁水县']);
  });

  it('names a region by its own name when only its own plan years share it (the suggestion form’s list)', () => {
    const open = [
      { regionCode: '140521', regionName: '沁水县', parentName: '晋城市', year: 2026 },
      { regionCode: '140521', regionName: '沁水县', parentName: '晋城市', year: 2027 },
      { regionCode: '140502', regionName: '城区', parentName: '晋城市', year: 2027 },
      { regionCode: '140302', regionName: '城区', parentName: '阳泉市', year: 2027 },
    ];
    expect(open.map((s) => placeLabel(s, open))).toEqual(['沁水县', '沁水县', '晋城市城区', '阳泉市城区']);
  });
});
