import {
  isRegionCode,
  NATION_CODE,
  parentCodeOf,
  type RegionLevel,
  regionLevelOf,
} from '../../kernel/regions';

export interface RegionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface DivisionData {
  provinces: Array<{ code: string; name: string }>;
  cities: Array<{ code: string; name: string; provinceCode: string }>;
  areas: Array<{ code: string; name: string; cityCode: string; provinceCode: string }>;
}

/** Municipalities list a placeholder city "市辖区" (110100): counties hang on the province itself. */
const PLACEHOLDER_CITY = '市辖区';

/**
 * The nation, provinces, cities and counties from the statistical division data (2-, 4- and
 * 6-digit codes) as 6-digit GB/T 2260 regions with parents.
 */
export function regionsFromDivisions(data: DivisionData): RegionRecord[] {
  const out: RegionRecord[] = [{ code: NATION_CODE, name: '全国', level: 'nation', parentCode: null }];
  const cityCodes = new Set<string>();
  for (const p of data.provinces) {
    out.push({ code: `${p.code}0000`, name: p.name, level: 'province', parentCode: NATION_CODE });
  }
  for (const c of data.cities) {
    if (c.name === PLACEHOLDER_CITY) continue;
    const code = `${c.code}00`;
    cityCodes.add(code);
    out.push({ code, name: c.name, level: 'city', parentCode: `${c.provinceCode}0000` });
  }
  for (const a of data.areas) {
    const cityCode = `${a.cityCode}00`;
    out.push({
      code: a.code,
      name: a.name,
      level: 'county',
      parentCode: cityCodes.has(cityCode) ? cityCode : `${a.provinceCode}0000`,
    });
  }
  return out;
}

export interface NewRegionProblem {
  field: 'code' | 'name';
  message: string;
}

/** A township (9 digits) or village (12 digits) added by hand must sit under an existing region. */
export function newRegionProblems(code: string, name: string): NewRegionProblem[] {
  const problems: NewRegionProblem[] = [];
  if (!isRegionCode(code)) problems.push({ field: 'code', message: '行政区划代码应为 6、9 或 12 位数字' });
  else if (!['township', 'village'].includes(regionLevelOf(code))) {
    problems.push({
      field: 'code',
      message: '只能新增乡级（9 位）或村级（12 位）行政区划，县级以上来自国家标准数据',
    });
  }
  if (!name.trim()) problems.push({ field: 'name', message: '名称不能为空' });
  return problems;
}

/** Parent of a hand-added township or village, by its code. */
export function expectedParent(code: string): string | null {
  return parentCodeOf(code);
}
