import { hasPlaces, mergePlaces, type Places, samePlacePossible } from './places.rules';

/**
 * Sparse weighted term vectors and the search for all similar pairs among them.
 *
 * The search is all-pairs cosine with an inverted index and prefix filtering (Bayardo, Ma & Srikant,
 * "Scaling up all pairs similarity search", WWW 2007): a vector puts its terms into the index rarest
 * first and stops as soon as the weight it has left (‖rest‖) is below the threshold. By Cauchy–Schwarz
 * a vector that shares none of the indexed terms can then reach at most ‖rest‖ < threshold, so probing
 * the index with every term of a new vector finds every partner at or above the threshold, while
 * common words mostly stay out of the index and no posting list turns into a scan of everything.
 */

export interface TermVector {
  /** Term ids, ascending. */
  terms: Int32Array;
  /** Unit-length weights, parallel to `terms`. */
  weights: Float64Array;
  /** Places the text names: two texts that cannot be about the same place never match. */
  places: Places;
}

export function cosine(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Cosine, or 0 when the two cannot be about the same place ("东关村的路灯" / "坪上村的路灯"). */
export function similarity(a: TermVector, b: TermVector): number {
  return samePlacePossible(a.places, b.places) ? cosine(a, b) : 0;
}

/** Builds a unit vector from term → weight, ascending by term id; keeps only the heaviest `maxTerms`. */
export function unitVector(weights: Map<number, number>, places: Places, maxTerms = Infinity): TermVector {
  let entries = [...weights.entries()].filter(([, w]) => w > 0);
  if (entries.length > maxTerms)
    entries = entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxTerms);
  entries.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0));
  return {
    terms: Int32Array.from(entries, ([id]) => id),
    weights: Float64Array.from(entries, ([, w]) => (norm === 0 ? 0 : w / norm)),
    places,
  };
}

/**
 * Links every pair with similarity ≥ threshold; returns a union-find parent array over `vectors`.
 * A link that would put two different places into one component is refused, so a text naming no
 * place cannot chain "东关村的路灯" to "坪上村的路灯"; and where only one side names a place, the
 * link needs `placeMargin` more similarity ("湘峪村卫生室没有村医" is not "村卫生室不能刷医保").
 *
 * `df` (documents per term) fixes the global term order. A vector whose best match is at or above
 * `copyThreshold` is linked but not indexed: its near-twin already stands for it, so a campaign of a
 * thousand copies costs one posting per term instead of a thousand.
 */
export function linkSimilar(
  vectors: readonly TermVector[],
  df: Int32Array,
  threshold: number,
  copyThreshold: number,
  placeMargin = 0,
): Int32Array {
  const n = vectors.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const rootPlaces: Places[] = vectors.map((v) => v.places);
  // Blocking by place: a text naming a village can only match texts naming that village or none, so
  // it probes those two indices only; a text naming none may match anything and probes `all`.
  const all = new PrefixIndex();
  const noLocal = new PrefixIndex();
  const byLocal = new Map<string, PrefixIndex>();
  const scratch: Scratch = { partial: new Float64Array(n), seen: new Uint8Array(n), touched: [] };
  const restNorm = new Float64Array(n);

  for (let v = 0; v < n; v++) {
    const vector = vectors[v]!;
    const locals = vector.places.local;
    if (locals.length === 0) all.probe(vector, scratch);
    else {
      noLocal.probe(vector, scratch);
      for (const place of locals) {
        const index = byLocal.get(place);
        // A vector naming two of v's villages sits in both indices; count it under the first only.
        if (index)
          index.probe(
            vector,
            scratch,
            locals.length > 1 ? (u) => firstShared(vectors[u]!, locals) === place : undefined,
          );
      }
    }
    let best = 0;
    const { partial, seen, touched } = scratch;
    for (const u of touched) {
      // The accumulated sum covers u's indexed terms only; the rest can add at most ‖rest of u‖.
      if (partial[u]! + restNorm[u]! >= threshold && samePlacePossible(vector.places, vectors[u]!.places)) {
        const s = restNorm[u]! < 1e-9 ? partial[u]! : cosine(vector, vectors[u]!);
        const oneSided = hasPlaces(vector.places) !== hasPlaces(vectors[u]!.places);
        if (s >= threshold + (oneSided ? placeMargin : 0)) linkIfSamePlace(parent, rootPlaces, u, v);
        if (s > best) best = s;
      }
      partial[u] = 0;
      seen[u] = 0;
    }
    touched.length = 0;
    if (best >= copyThreshold) continue;
    const prefix = prefixOf(vector, df, threshold);
    restNorm[v] = prefix.rest;
    all.add(v, vector, prefix.positions);
    if (locals.length === 0) noLocal.add(v, vector, prefix.positions);
    for (const place of locals) {
      let index = byLocal.get(place);
      if (!index) {
        index = new PrefixIndex();
        byLocal.set(place, index);
      }
      index.add(v, vector, prefix.positions);
    }
  }
  return parent;
}

interface Scratch {
  partial: Float64Array;
  seen: Uint8Array;
  touched: number[];
}

class PrefixIndex {
  private readonly ids: number[][] = [];
  private readonly weights: number[][] = [];

  add(v: number, vector: TermVector, positions: readonly number[]): void {
    for (const k of positions) {
      const term = vector.terms[k]!;
      let ids = this.ids[term];
      if (!ids) {
        ids = [];
        this.ids[term] = ids;
        this.weights[term] = [];
      }
      ids.push(v);
      this.weights[term]!.push(vector.weights[k]!);
    }
  }

  /** Adds vector · u over u's indexed terms into `partial[u]` for every u sharing one. */
  probe(vector: TermVector, { partial, seen, touched }: Scratch, accept?: (u: number) => boolean): void {
    for (let k = 0; k < vector.terms.length; k++) {
      const ids = this.ids[vector.terms[k]!];
      if (!ids) continue;
      const ws = this.weights[vector.terms[k]!]!;
      const w = vector.weights[k]!;
      for (let p = 0; p < ids.length; p++) {
        const u = ids[p]!;
        if (accept && !accept(u)) continue;
        if (seen[u] === 0) {
          seen[u] = 1;
          touched.push(u);
        }
        partial[u]! += w * ws[p]!;
      }
    }
  }
}

function firstShared(u: TermVector, locals: readonly string[]): string | undefined {
  return u.places.local.find((place) => locals.includes(place));
}

/** The positions of the terms to index, rarest first, and the norm of what is left out. */
function prefixOf(
  vector: TermVector,
  df: Int32Array,
  threshold: number,
): { positions: number[]; rest: number } {
  const { terms, weights } = vector;
  const order = Array.from(terms.keys()).sort(
    (a, b) => df[terms[a]!]! - df[terms[b]!]! || terms[a]! - terms[b]!,
  );
  const positions: number[] = [];
  let rest = 1;
  for (const k of order) {
    if (Math.sqrt(Math.max(rest, 0)) < threshold) break;
    positions.push(k);
    rest -= weights[k]! ** 2;
  }
  return { positions, rest: Math.sqrt(Math.max(rest, 0)) };
}

function linkIfSamePlace(parent: Int32Array, rootPlaces: Places[], a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra === rb || !samePlacePossible(rootPlaces[ra]!, rootPlaces[rb]!)) return;
  const places = mergePlaces(rootPlaces[ra]!, rootPlaces[rb]!);
  union(parent, ra, rb);
  rootPlaces[find(parent, ra)] = places;
}

export function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[x] !== root) {
    const next = parent[x]!;
    parent[x] = root;
    x = next;
  }
  return root;
}

export function union(parent: Int32Array, a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  // The smaller index stays root, so the outcome does not depend on the order links are found in.
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}
