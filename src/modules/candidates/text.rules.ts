import { withoutSpacesBetweenHan } from '../../kernel/han-spacing';

/**
 * Cells of the official tables arrive from Word, PDF and web pages: HTML paragraph tags, full-width
 * spaces, justified names ("刘 建"), Windows line ends. These helpers turn a raw cell into clean text
 * without losing what was written.
 */

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Clean text of one cell: lines kept, each trimmed, blank lines and inner runs of spaces collapsed. */
export function cleanCell(raw: string | null | undefined): string {
  if (!raw) return '';
  const text = raw
    .replace(/\r\n?/g, '\n')
    // Web exports wrap each paragraph in <p>; a paragraph is a line.
    .replace(/<\/p>\s*<p[^>]*>|<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(nbsp|amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[\u00a0\u3000\u2002-\u200b\ufeff\t]/g, ' ');
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Typesetting pads two-character names to the width of three ("刘 建"): the space is not data. */
export function normalizeName(text: string): string {
  return withoutSpacesBetweenHan(cleanCell(text)).trim();
}

/** Header cells are compared without spaces and with half-width brackets. */
export function normalizeHeader(text: string): string {
  return cleanCell(text).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Full-width digits and letters (０-９, Ａ-Ｚ) become ASCII; numbers are typed either way. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const TITLE_ONLY = /(分管|县长|区长|市长|书记|局长|主任|部长|镇长|乡长|主席)$/u;
const PERSON_SEPARATORS = /[、，,；;/\n]+/;
const HAN_ONLY = /^\p{Script=Han}+$/u;

export interface PeopleCell {
  /** Each person's name, or the written text when it is a title rather than a name. */
  readonly names: string[];
  /** Entries that are a post ("分管副县长") rather than a person: kept, but a person must be named. */
  readonly titlesOnly: string[];
}

/**
 * A leader cell holds one or more people. Commas and line breaks always separate people; a space
 * separates them only when every piece is itself a plausible name (2–4 Han characters), because a
 * space inside a name ("刘 建", "欧 阳 娜") is typesetting. Compound surnames split as "欧阳 娜娜"
 * read as two people: rare, and visible on review.
 */
export function splitPeople(raw: string): PeopleCell {
  const names: string[] = [];
  const titlesOnly: string[] = [];
  for (const part of cleanCell(raw).split(PERSON_SEPARATORS)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const joined = normalizeName(trimmed);
    if (TITLE_ONLY.test(joined) || joined.startsWith('分管')) {
      names.push(joined);
      titlesOnly.push(joined);
      continue;
    }
    const pieces = trimmed.split(/\s+/);
    const severalNames =
      pieces.length > 1 && pieces.every((p) => HAN_ONLY.test(p) && p.length >= 2 && p.length <= 4);
    names.push(...(severalNames ? pieces : [joined]));
  }
  return { names, titlesOnly };
}
