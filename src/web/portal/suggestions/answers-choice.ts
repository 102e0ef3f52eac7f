import type { AnswerYear } from './api';

/**
 * Which plan year the answers page opens, and how pages link to it. A plan year is named by its
 * region's code: names repeat (many 城关镇; 城区 in 阳泉市 and in 晋城市), so a name alone may
 * open the wrong region's answers.
 */
export const planYearKey = (y: { regionCode: string; year: number }) => `${y.regionCode}/${y.year}`;

/** The answers of the plan year a suggestion belongs to (the track page's link). */
export function answersPath(y: { regionCode: string; year: number }): string {
  return `/portal/answers?${new URLSearchParams({ region: y.regionCode, year: String(y.year) })}`;
}

export interface AnswersChoice {
  /** The plan year to open (`region/year`); null while the list loads or when a name is ambiguous. */
  key: string | null;
  /** An older link's `?name=&year=` found one region: the address to put in its place. */
  replaceWith?: { region: string; year: string };
  /** An older link's name fits several regions with answers that year: the resident picks one. */
  sameName?: AnswerYear[];
}

/**
 * `?region=&year=` opens that plan year. Links made before by the region's name (`?name=&year=`)
 * still work when one region of that name has answers that year; with several, none is guessed.
 * Without either, the newest plan year with answers.
 */
export function chooseAnswersYear(
  years: readonly AnswerYear[] | null,
  params: URLSearchParams,
): AnswersChoice {
  const region = params.get('region');
  const year = params.get('year');
  const name = params.get('name');
  if (region && year) return { key: `${region}/${year}` };
  if (name && year) {
    if (!years) return { key: null };
    const named = years.filter((y) => y.regionName === name && String(y.year) === year);
    if (named.length === 1)
      return { key: planYearKey(named[0]!), replaceWith: { region: named[0]!.regionCode, year } };
    if (named.length > 1) return { key: null, sameName: named };
  }
  return { key: years?.[0] ? planYearKey(years[0]) : null };
}

interface Place {
  regionCode: string;
  regionName: string;
  parentName?: string | null;
}

/** How a choice list names a region: with its parent region when another in the list has the same name. */
export function placeLabel(y: Place, all: readonly Place[]): string {
  const shared = all.some((o) => o.regionName === y.regionName && o.regionCode !== y.regionCode);
  return shared && y.parentName ? `${y.parentName}${y.regionName}` : y.regionName;
}
