/**
 * GB/T 2260 codes are hierarchical: 2 digits of province, 2 of city, 2 of county, then 3 of township
 * and 3 of village. Scope checks therefore need no database: a region lies inside another exactly when
 * its code starts with the other's significant prefix.
 */
export const REGION_LEVELS = ['nation', 'province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  nation: '全国',
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡级',
  village: '村级',
};

/** The whole country: the scope of a national administrator. */
export const NATION_CODE = '000000';

const CODE_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;

export function isRegionCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

export function regionLevelOf(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new RangeError(`not a GB/T 2260 code: ${code}`);
  if (code === NATION_CODE) return 'nation';
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The digits that every region inside this one shares. */
export function regionPrefix(code: string): string {
  switch (regionLevelOf(code)) {
    case 'nation':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    default:
      return code;
  }
}

/** True when `code` is `scope` itself or lies anywhere below it. */
export function isWithinRegion(code: string, scope: string): boolean {
  return code.startsWith(regionPrefix(scope));
}

/** The code of the level directly above, by the code alone (a province's parent is the nation). */
export function parentCodeOf(code: string): string | null {
  switch (regionLevelOf(code)) {
    case 'nation':
      return null;
    case 'province':
      return NATION_CODE;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'township':
      return code.slice(0, 6);
    case 'village':
      return code.slice(0, 9);
  }
}
