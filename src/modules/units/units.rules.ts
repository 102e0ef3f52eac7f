import { withoutSpacesBetweenHan } from '../../kernel/han-spacing';

export const UNIT_KINDS = ['department', 'township', 'enterprise', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: '政府部门',
  township: '乡镇人民政府（街道办事处）',
  enterprise: '国有企业、事业单位',
  other: '其他',
};

/**
 * Source documents write "园林绿化 中心" and "住建局 " with stray spaces: one name, one unit. Spaces
 * between Latin words stay, one each ("China Post Shanxi Branch").
 */
export function normalizeUnitName(name: string): string {
  return withoutSpacesBetweenHan(name.replace(/\s+/gu, ' ').trim());
}

/** A guess from the name, for imports: 乡/镇/街道 are township governments, 公司 an enterprise. */
export function guessUnitKind(name: string): UnitKind {
  if (/(乡|镇|街道)(人民政府|办事处)?$/.test(name)) return 'township';
  if (/(公司|集团)$/.test(name)) return 'enterprise';
  return 'department';
}
