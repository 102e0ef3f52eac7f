/** The text with LIKE's own characters (%, _ and \) taken literally. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching text that contains `text`. */
export function likePattern(text: string): string {
  return `%${literal(text)}%`;
}

/** A LIKE pattern matching text that starts with `text`. */
export function likePrefix(text: string): string {
  return `${literal(text)}%`;
}
