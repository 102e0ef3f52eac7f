/**
 * Chinese is written without spaces: one between two Han characters is typesetting (a justified name
 * "刘 建", "园林绿化 中心" broken across a cell), never content. Spaces next to Latin letters or digits are
 * word breaks and stay.
 */
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

export function withoutSpacesBetweenHan(text: string): string {
  return text.replace(SPACE_BETWEEN_HAN, '');
}
