import { describe, expect, it } from 'vitest';
import { WindowCounter } from './window-counter';

describe('requests counted in windows', () => {
  it('allows up to the limit in a window, refuses the next, and starts again when it ends', () => {
    const counter = new WindowCounter(60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3].map((i) => counter.hit('10.0.0.1', 3, t0 + i))).toEqual([true, true, true]);
    expect(counter.hit('10.0.0.1', 3, t0 + 59_999)).toBe(false);
    expect(counter.hit('10.0.0.2', 3, t0 + 10)).toBe(true);
    expect(counter.hit('10.0.0.1', 3, t0 + 60_001)).toBe(true);
  });

  it('drops expired keys once it holds more than its bound, and keeps the live ones', () => {
    const counter = new WindowCounter(1_000, 10);
    for (let i = 0; i < 11; i++) counter.hit(`old-${i}`, 5, 0);
    counter.hit('live', 5, 900);
    expect(counter.size).toBe(12);
    counter.hit('newest', 5, 1_500);
    expect(counter.size).toBe(2);
    expect(counter.hit('live', 1, 1_700)).toBe(false);
  });
});
