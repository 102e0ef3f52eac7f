import { describe, expect, it } from 'vitest';
import { hasPlaces, mergePlaces, type Places, placesIn, samePlacePossible } from './places.rules';

const local = (...names: string[]): Places => ({ local: names, townships: [] });
const township = (...names: string[]): Places => ({ local: [], townships: names });

describe('placesIn', () => {
  it.each([
    ['东关村的路灯坏了', ['东关'], []],
    ['郑村镇湘峪村卫生室没有医生', ['湘峪'], ['郑村']],
    ['嘉峰镇到县城没有公交', [], ['嘉峰']],
    ['十里乡好几户丢了羊', [], ['十里']],
    ['杏园社区老楼加装电梯', ['杏园'], []],
    ['移民小区暖气不热', ['移民'], []],
    ['端氏中学没有食堂', ['端氏'], []],
    ['定都小学大班额', ['定都'], []],
    ['给何河村卫生室配村医', ['何河'], []],
    ['西文兴村的自来水发黄', ['文兴'], []],
    ['上阁村村口的漫水桥', ['上阁'], []],
  ])('finds the places in "%s"', (text, expectedLocal, expectedTownships) => {
    expect(placesIn(text)).toEqual({ local: expectedLocal, townships: expectedTownships });
  });

  it.each([
    '建议在村里装路灯',
    '我们村的路灯坏了',
    '老旧小区加装电梯',
    '农村公路坑洼不平',
    '冬天村里家家烧煤',
    '希望接通镇上的自来水',
    '配备乡村医生',
    '给中小学教室装护眼灯',
    '各个村都要有卫生室',
    '硬化通村公路',
  ])('finds no place in "%s"', (text) => {
    expect(placesIn(text)).toEqual({ local: [], townships: [] });
  });

  it('treats the caller’s stop words as never a name', () => {
    expect(placesIn('希望村里装路灯', new Set(['希望']))).toEqual({ local: [], townships: [] });
  });
});

describe('samePlacePossible', () => {
  it('is true when nothing is named on one side', () => {
    expect(samePlacePossible(local('东关'), local())).toBe(true);
    expect(samePlacePossible(local(), township('嘉峰'))).toBe(true);
  });

  it('compares villages when both name one', () => {
    expect(samePlacePossible(local('东关'), local('东关'))).toBe(true);
    expect(samePlacePossible(local('东关'), local('坪上'))).toBe(false);
    expect(samePlacePossible(local('东关', '坪上'), local('坪上'))).toBe(true);
  });

  it('lets a village lie in a township: a village and a township alone can be one place', () => {
    expect(samePlacePossible({ local: ['湘峪'], townships: ['郑村'] }, local('湘峪'))).toBe(true);
    expect(samePlacePossible(local('湘峪'), township('郑村'))).toBe(true);
  });

  it('tells two villages of one township apart', () => {
    expect(
      samePlacePossible({ local: ['湘峪'], townships: ['郑村'] }, { local: ['河北'], townships: ['郑村'] }),
    ).toBe(false);
  });

  it('compares townships when neither names a village', () => {
    expect(samePlacePossible(township('嘉峰'), township('嘉峰'))).toBe(true);
    expect(samePlacePossible(township('嘉峰'), township('柿庄'))).toBe(false);
    expect(samePlacePossible({ local: ['湘峪'], townships: ['郑村'] }, township('嘉峰'))).toBe(false);
  });
});

describe('mergePlaces and hasPlaces', () => {
  it('unites without repeats, sorted', () => {
    expect(
      mergePlaces({ local: ['湘峪'], townships: ['郑村'] }, { local: ['东关', '湘峪'], townships: [] }),
    ).toEqual({
      local: ['东关', '湘峪'],
      townships: ['郑村'],
    });
  });

  it('says whether anything is named', () => {
    expect(hasPlaces(local())).toBe(false);
    expect(hasPlaces(township('嘉峰'))).toBe(true);
  });
});
