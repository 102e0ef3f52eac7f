import { describe, expect, it } from 'vitest';
import type { Places } from './places.rules';
import { cosine, find, linkSimilar, similarity, type TermVector, unitVector } from './similarity.rules';

const NOWHERE: Places = { local: [], townships: [] };

function vector(weights: Record<number, number>, places: Places = NOWHERE): TermVector {
  return unitVector(new Map(Object.entries(weights).map(([k, w]) => [Number(k), w])), places);
}

function components(parent: Int32Array): number[][] {
  const byRoot = new Map<number, number[]>();
  parent.forEach((_, i) => {
    const root = find(parent, i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), i]);
  });
  return [...byRoot.values()].sort((a, b) => a[0]! - b[0]!);
}

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unitVector and cosine', () => {
  it('normalises to unit length and orders terms', () => {
    const v = vector({ 5: 3, 2: 4 });
    expect([...v.terms]).toEqual([2, 5]);
    expect(cosine(v, v)).toBeCloseTo(1, 12);
  });

  it('keeps only the heaviest terms when asked', () => {
    const v = unitVector(
      new Map([
        [1, 1],
        [2, 5],
        [3, 3],
      ]),
      NOWHERE,
      2,
    );
    expect([...v.terms]).toEqual([2, 3]);
  });

  it('is zero without shared terms', () => {
    expect(cosine(vector({ 1: 1 }), vector({ 2: 1 }))).toBe(0);
  });

  it('similarity is zero across different villages, whatever the words', () => {
    const a = vector({ 1: 1 }, { local: ['东关'], townships: [] });
    const b = vector({ 1: 1 }, { local: ['坪上'], townships: [] });
    expect(cosine(a, b)).toBeCloseTo(1, 12);
    expect(similarity(a, b)).toBe(0);
  });
});

describe('linkSimilar', () => {
  it('finds exactly the components of the pairs at or above the threshold (against brute force)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed);
      const vectors: TermVector[] = [];
      for (let i = 0; i < 120; i++) {
        const weights: Record<number, number> = {};
        // Few terms from a small vocabulary with a skewed frequency, like words in short texts.
        for (let k = 0; k < 2 + Math.floor(next() * 5); k++)
          weights[Math.floor(next() ** 2 * 40)] = 0.2 + next();
        vectors.push(vector(weights));
      }
      const df = new Int32Array(40);
      for (const v of vectors) for (const t of v.terms) df[t]! += 1;
      for (const threshold of [0.3, 0.5, 0.7]) {
        const brute = Int32Array.from(vectors, (_, i) => i);
        const link = (a: number, b: number) => {
          const ra = find(brute, a);
          const rb = find(brute, b);
          if (ra !== rb) brute[Math.max(ra, rb)] = Math.min(ra, rb);
        };
        for (let i = 0; i < vectors.length; i++)
          for (let j = i + 1; j < vectors.length; j++)
            if (cosine(vectors[i]!, vectors[j]!) >= threshold) link(i, j);
        // copyThreshold above 1: every vector is indexed, so the search must be exact.
        expect(components(linkSimilar(vectors, df, threshold, 1.01))).toEqual(components(brute));
      }
    }
  });

  it('does not index near-copies but still links them', () => {
    const vectors = [vector({ 1: 1, 2: 1 }), vector({ 1: 1, 2: 1 }), vector({ 1: 1, 2: 1.05 })];
    const df = Int32Array.from([0, 3, 3]);
    expect(components(linkSimilar(vectors, df, 0.5, 0.9))).toEqual([[0, 1, 2]]);
  });

  it('refuses to chain two villages through a text that names none', () => {
    const east = vector({ 1: 1, 2: 1 }, { local: ['东关'], townships: [] });
    const anywhere = vector({ 1: 1, 2: 1 });
    const west = vector({ 1: 1, 2: 1 }, { local: ['坪上'], townships: [] });
    const df = Int32Array.from([0, 3, 3]);
    const groups = components(linkSimilar([east, anywhere, west], df, 0.5, 1.01));
    expect(groups).toEqual([[0, 1], [2]]);
  });

  it('asks for more similarity when only one side names a place', () => {
    const named = vector({ 1: 1, 2: 1, 3: 1 }, { local: ['湘峪'], townships: [] });
    const unnamed = vector({ 1: 1, 2: 1, 4: 1 });
    const df = Int32Array.from([0, 2, 2, 1, 1]);
    const cos = cosine(named, unnamed); // 2/3
    expect(components(linkSimilar([named, unnamed], df, cos - 0.05, 1.01, 0))).toEqual([[0, 1]]);
    expect(components(linkSimilar([named, unnamed], df, cos - 0.05, 1.01, 0.1))).toEqual([[0], [1]]);
  });
});
