import { api } from '../../app/api/client';
import type { Items, Region } from '../../app/api/types';

export const NATION_CODE = '000000';

export function fetchChildRegions(parent: string) {
  return api.get<{ parent: Region; items: Region[] }>('/api/regions', { parent });
}

export function searchRegions(q: string) {
  return api.get<Items<Region>>('/api/regions/search', { q });
}

export function fetchRegion(code: string) {
  return api.get<{ region: Region; ancestors: Region[] }>(`/api/regions/${encodeURIComponent(code)}`);
}

export function addRegion(input: { code: string; name: string }) {
  return api.post<Region>('/api/regions', input);
}

export function importTownships(countyCode: string) {
  return api.post<{ imported: number }>(`/api/regions/${encodeURIComponent(countyCode)}/import-townships`);
}

export const REGION_SOURCE_LABELS: Record<string, string> = {
  gb2260: '国家标准（GB/T 2260）',
  import: '统计用区划导入',
  manual: '手工添加',
};
