/**
 * A set that answers "certainly not in" or "maybe in" from a few bits per member: the public form uses
 * one to know, without asking the database, that a new tracking code is not one of the hundreds of
 * thousands already given out. Never a false "not in"; a false "maybe" (about 1 in 100 at capacity)
 * only costs drawing another code.
 */
export class BloomFilter {
  private readonly bits: Uint8Array;
  private readonly bitCount: number;
  private readonly hashes: number;
  private members = 0;

  /** Sized for `capacity` members at about a 1% false "maybe" rate. */
  constructor(readonly capacity: number) {
    this.bitCount = Math.max(64, Math.ceil((capacity * 9.6) / 8) * 8);
    this.bits = new Uint8Array(this.bitCount / 8);
    this.hashes = 7;
  }

  get size(): number {
    return this.members;
  }

  /** More members than it was sized for: its "maybe" grows less reliable. */
  get full(): boolean {
    return this.members > this.capacity;
  }

  add(value: string): void {
    for (const bit of this.positions(value)) this.bits[bit >>> 3]! |= 1 << (bit & 7);
    this.members++;
  }

  mightHave(value: string): boolean {
    for (const bit of this.positions(value))
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    return true;
  }

  /** Double hashing over two FNV-1a hashes (Kirsch–Mitzenmacher): k positions from two hashes. */
  private positions(value: string): number[] {
    const a = fnv1a(value, 0x811c9dc5);
    const b = fnv1a(value, 0x01000193) | 1;
    const out = new Array<number>(this.hashes);
    for (let i = 0; i < this.hashes; i++) out[i] = ((a + Math.imul(i, b)) >>> 0) % this.bitCount;
    return out;
  }
}

function fnv1a(value: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
