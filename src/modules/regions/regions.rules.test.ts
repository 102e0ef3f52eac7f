import { describe, expect, it } from 'vitest';
import { newRegionProblems, regionsFromDivisions } from './regions.rules';

describe('regions from the division data', () => {
  const data = {
    provinces: [
      { code: '11', name: '北京市' },
      { code: '14', name: '山西省' },
      { code: '42', name: '湖北省' },
    ],
    cities: [
      { code: '1101', name: '市辖区', provinceCode: '11' },
      { code: '1405', name: '晋城市', provinceCode: '14' },
      { code: '4290', name: '省直辖县级行政区划', provinceCode: '42' },
    ],
    areas: [
      { code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' },
      { code: '140521', name: '沁水县', cityCode: '1405', provinceCode: '14' },
      { code: '429004', name: '仙桃市', cityCode: '4290', provinceCode: '42' },
    ],
  };
  const rows = regionsFromDivisions(data);
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it('starts from the nation', () => {
    expect(byCode.get('000000')).toEqual({ code: '000000', name: '全国', level: 'nation', parentCode: null });
  });
  it('nests county in city in province', () => {
    expect(byCode.get('140000')).toMatchObject({ name: '山西省', level: 'province', parentCode: '000000' });
    expect(byCode.get('140500')).toMatchObject({ name: '晋城市', level: 'city', parentCode: '140000' });
    expect(byCode.get('140521')).toMatchObject({ name: '沁水县', level: 'county', parentCode: '140500' });
  });
  it('hangs a municipality district on the municipality, skipping the placeholder city', () => {
    expect(byCode.has('110100')).toBe(false);
    expect(byCode.get('110101')).toMatchObject({ parentCode: '110000' });
  });
  it('keeps counties directly under a province under their named grouping', () => {
    expect(byCode.get('429004')).toMatchObject({ parentCode: '429000' });
  });
});

describe('hand-added regions', () => {
  it('accepts a township or a village', () => {
    expect(newRegionProblems('140521100', '龙港镇')).toEqual([]);
    expect(newRegionProblems('140521100201', '杏园社区')).toEqual([]);
  });
  it('refuses counties and above, bad codes and empty names', () => {
    expect(newRegionProblems('140599', '新县')[0]?.field).toBe('code');
    expect(newRegionProblems('1405', '新县')[0]?.message).toBe('行政区划代码应为 6、9 或 12 位数字');
    expect(newRegionProblems('140521100', '  ')).toEqual([{ field: 'name', message: '名称不能为空' }]);
  });
});
