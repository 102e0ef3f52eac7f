import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trackingCode } from '../modules/suggestions/suggestion-sheet.rules';
import { BloomFilter } from './bloom-filter';

const codes = (n: number) => Array.from({ length: n }, () => trackingCode(randomBytes(8)));

describe('BloomFilter', () => {
  it('never says "not in" of a member', () => {
    const filter = new BloomFilter(20_000);
    const members = codes(20_000);
    for (const code of members) filter.add(code);
    expect(members.filter((code) => !filter.mightHave(code))).toEqual([]);
    expect(filter.size).toBe(20_000);
    expect(filter.full).toBe(false);
  });

  it('says "maybe" of about 1 in 100 strangers at capacity, and of none when empty', () => {
    const filter = new BloomFilter(20_000);
    const members = new Set(codes(20_000));
    for (const code of members) filter.add(code);
    const strangers = codes(20_000).filter((code) => !members.has(code));
    const falseMaybes = strangers.filter((code) => filter.mightHave(code)).length / strangers.length;
    expect(falseMaybes).toBeLessThan(0.02);
    expect(new BloomFilter(1000).mightHave('KTE5-T5H4')).toBe(false);
  });

  it('knows when it holds more than it was sized for', () => {
    const filter = new BloomFilter(10);
    for (const code of codes(11)) filter.add(code);
    expect(filter.full).toBe(true);
  });
});
