/**
 * U+0000 in text: no PostgreSQL text column can store it, and no one means to type it. Inputs are
 * refused where it appears (routes, plan documents), named by path; text read from files and records
 * already acknowledged lose it instead.
 */

export type JsonPath = (string | number)[];

/** Every path of a JSON value at which a string, or a key, holds U+0000. */
export function nulPaths(value: unknown, at: JsonPath = []): JsonPath[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, [...at, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key.includes('\u0000') ? [at] : []),
    ...nulPaths(item, [...at, key]),
  ]);
}

export const NUL_MESSAGE = '不能包含空字符（\\u0000）';

export function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '');
}
