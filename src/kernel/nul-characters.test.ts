import { describe, expect, it } from 'vitest';
import { nulPaths, withoutNul } from './nul-characters';

describe('U+0000 in input', () => {
  it('is found by path in strings and keys at any depth', () => {
    expect(nulPaths({ a: 'ok', b: ['x', 'y\u0000'], c: { 'k\u0000': 1, d: { e: '\u0000' } } })).toEqual([
      ['b', 1],
      ['c'],
      ['c', 'd', 'e'],
    ]);
    expect(nulPaths('a\u0000')).toEqual([[]]);
    expect(nulPaths({ n: 1, t: true, z: null })).toEqual([]);
  });

  it('is dropped from text read from files', () => {
    expect(withoutNul('张\u0000三\u0000')).toBe('张三');
  });
});
