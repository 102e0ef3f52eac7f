import { AGENCIES, type Agency, type Concept, type SuggestionField } from './lexicon.rules';
import { analyzeText } from './text.rules';

/**
 * First guesses for triage (分类梳理): which field a suggestion belongs to and which department should
 * answer it. Only guesses — the coordinator confirms — so they come with the concepts that led to
 * them, for the screen to show why.
 */

export interface FieldSuggestion {
  field: SuggestionField;
  /** How many of the text's concepts belong to this field. */
  score: number;
  /** Ids of those concepts, in the order the text mentions them. */
  concepts: string[];
}

/**
 * Every field the text touches, best first: most concepts, then the field mentioned first (residents
 * lead with what they want: "老人坐公交免费" is about 公交 even though it mentions 老人).
 */
export function rankFields(text: string): FieldSuggestion[] {
  const concepts = analyzeText(text).concepts;
  const byField = new Map<SuggestionField, { first: number; concepts: string[] }>();
  concepts.forEach((concept, position) => {
    const entry = byField.get(concept.field);
    if (entry) entry.concepts.push(concept.id);
    else byField.set(concept.field, { first: position, concepts: [concept.id] });
  });
  return [...byField.entries()]
    .sort((a, b) => b[1].concepts.length - a[1].concepts.length || a[1].first - b[1].first)
    .map(([field, entry]) => ({ field, score: entry.concepts.length, concepts: entry.concepts }));
}

/** The most likely field, or null when the text names nothing the lexicon knows. */
export function suggestField(text: string): FieldSuggestion | null {
  return rankFields(text)[0] ?? null;
}

export interface UnitLike {
  name: string;
  shortName?: string | null;
}

export interface UnitSuggestion<U> {
  unit: U;
  /** The department kind the unit was recognised as, or 'township' for a township government. */
  agency: Agency | 'township';
  /** Concept ids (or the place) that pointed to it. */
  because: string[];
}

/**
 * The unit among `units` (the region's departments and townships, as named there) most likely to own
 * the ask. A concept's first department counts fully, the next ones half; on a tie the concept the
 * text mentions first wins. A department missing from `units` passes the ask to the next one (托育:
 * 卫体局, else 教育局). When no department fits, a township the text names is the answer.
 */
export function suggestUnit<U extends string | UnitLike>(
  text: string,
  units: readonly U[],
): UnitSuggestion<U> | null {
  const analysis = analyzeText(text);
  const scores = new Map<Agency, { score: number; first: number; because: string[] }>();
  analysis.concepts.forEach((concept: Concept, position) => {
    concept.agencies.forEach((agency, rank) => {
      const entry = scores.get(agency) ?? { score: 0, first: position, because: [] };
      entry.score += rank === 0 ? 1 : 0.5;
      entry.because.push(concept.id);
      scores.set(agency, entry);
    });
  });
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
  for (const [agency, entry] of ranked) {
    const unit = units.find((u) => unitIsAgency(u, agency));
    if (unit !== undefined) return { unit, agency, because: entry.because };
  }
  for (const place of [...analysis.places.townships, ...analysis.places.local]) {
    const unit = units.find((u) => isTownshipOf(u, place));
    if (unit !== undefined) return { unit, agency: 'township', because: [place] };
  }
  return null;
}

/**
 * The name of the unit to answer: the region's own unit when one fits, else the kind of department
 * the text points to ("交通运输局"), so a region that has not registered its departments yet is
 * still told where an ask belongs. null when the text points nowhere.
 */
export function suggestUnitName(text: string, units: readonly UnitLike[]): string | null {
  const registered = suggestUnit(text, units);
  if (registered) return registered.unit.name;
  return suggestUnit(text, Object.keys(AGENCIES) as Agency[])?.unit ?? null;
}

function namesOf(unit: string | UnitLike): string[] {
  if (typeof unit === 'string') return [unit];
  return unit.shortName ? [unit.name, unit.shortName] : [unit.name];
}

/** "沁水县教育局", "晋城市生态环境局沁水分局", "卫生健康和体育局" all contain one of the agency's names. */
export function unitIsAgency(unit: string | UnitLike, agency: Agency): boolean {
  const aliases: readonly string[] = AGENCIES[agency];
  return namesOf(unit).some((name) => aliases.some((alias) => name.includes(alias)));
}

function isTownshipOf(unit: string | UnitLike, place: string): boolean {
  return namesOf(unit).some((name) =>
    new RegExp(`${escapeRegExp(place)}(镇|乡)(人民政府)?$`, 'u').test(name),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
