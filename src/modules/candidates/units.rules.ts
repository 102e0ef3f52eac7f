import { cleanCell } from './text.rules';

/**
 * The 实施单位 cell names the lead unit (牵头) and partners (配合), sometimes the unit that does the
 * work (实施): "牵头：住建局 配合：园林绿化服务中心 交警大队". Labels come with full- or half-width
 * colons, on one line or several; a line without a label continues the label above it.
 */
export type UnitRole = 'lead' | 'partner' | 'implementer';

export interface UnitsCell {
  readonly lead: string[];
  readonly partners: string[];
  readonly implementers: string[];
  /** Why the reading is a guess, when it is one. */
  readonly notes: string[];
}

const LABELS: ReadonlyArray<readonly [RegExp, UnitRole]> = [
  [/^(牵头单位|牵头部门|牵头|主办单位|主办)$/, 'lead'],
  [/^(配合单位|配合部门|配合|协办单位|协办|参与单位)$/, 'partner'],
  [/^(实施单位|实施主体|实施|责任单位|承办单位|承办)$/, 'implementer'],
];

const LABEL_PATTERN =
  /(牵头单位|牵头部门|牵头|主办单位|主办|配合单位|配合部门|配合|协办单位|协办|参与单位|实施单位|实施主体|实施|责任单位|承办单位|承办)\s*[：:]/g;
const UNIT_SEPARATORS = /[\s、，,；;]+/;

function roleOf(label: string): UnitRole {
  for (const [pattern, role] of LABELS) if (pattern.test(label)) return role;
  throw new RangeError(`unknown unit label ${label}`);
}

function splitUnits(text: string): string[] {
  return text
    .split(UNIT_SEPARATORS)
    .map((u) => u.replace(/[。.]$/, '').trim())
    .filter((u) => u !== '');
}

export function parseUnits(raw: string): UnitsCell {
  const text = cleanCell(raw);
  const byRole: Record<UnitRole, string[]> = { lead: [], partner: [], implementer: [] };
  const notes: string[] = [];
  const labels = [...text.matchAll(LABEL_PATTERN)];

  if (labels.length === 0) {
    const units = splitUnits(text);
    if (units.length > 0) {
      byRole.lead.push(units[0]!);
      byRole.partner.push(...units.slice(1));
      if (units.length > 1) notes.push(`未标明“牵头”“配合”，已将“${units[0]}”视为牵头单位`);
    }
  } else {
    const before = text.slice(0, labels[0]!.index).trim();
    if (before !== '') {
      byRole.lead.push(...splitUnits(before));
      notes.push(`“${before}”前没有标明“牵头”或“配合”，已视为牵头单位`);
    }
    labels.forEach((label, i) => {
      const start = label.index + label[0].length;
      const end = i + 1 < labels.length ? labels[i + 1]!.index : text.length;
      byRole[roleOf(label[1]!)].push(...splitUnits(text.slice(start, end)));
    });
  }

  if (byRole.lead.length === 0) {
    if (byRole.implementer.length > 0) {
      notes.push('未写牵头单位，已将实施单位视为牵头单位');
      byRole.lead.push(...byRole.implementer);
    } else {
      notes.push('未写牵头单位');
    }
  }
  return {
    lead: unique(byRole.lead),
    partners: unique(byRole.partner),
    implementers: unique(byRole.implementer),
    notes,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
