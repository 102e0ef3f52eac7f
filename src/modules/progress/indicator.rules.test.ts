import { describe, expect, it } from 'vitest';
import { assessIndicator } from './indicator.rules';

describe('count indicators', () => {
  it('reads 13329 performances against 10000 as 133.29% done and exceeded (超额完成)', () => {
    expect(assessIndicator('count', 10000, { value: 13329 })).toEqual({
      value: 13329,
      target: 10000,
      completion: 1.3329,
      done: true,
      exceeded: true,
    });
  });

  it('is done but not exceeded exactly at target', () => {
    const r = assessIndicator('count', 150, { value: 150 });
    expect(r).toMatchObject({ completion: 1, done: true, exceeded: false });
  });

  it('is not done one short of target', () => {
    expect(assessIndicator('count', 150, { value: 149 })).toMatchObject({ done: false, exceeded: false });
  });

  it('counts an indicator with no report yet as 0 done', () => {
    expect(assessIndicator('count', 2000, { value: null })).toEqual({
      value: 0,
      target: 2000,
      completion: 0,
      done: false,
      exceeded: false,
    });
  });

  it('cannot be measured without a positive target', () => {
    expect(assessIndicator('count', null, { value: 5 })).toMatchObject({ completion: 0, done: false });
    expect(assessIndicator('count', 0, { value: 5 })).toMatchObject({ completion: 0, done: false });
  });
});

describe('amount indicators (yuan)', () => {
  it('measures exact yuan: 1.23亿元 disbursed against 1亿元 is exceeded', () => {
    expect(assessIndicator('amount', '100000000.00', { value: '123000000.00' })).toMatchObject({
      completion: 1.23,
      done: true,
      exceeded: true,
    });
  });

  it('is not done one fen short', () => {
    expect(assessIndicator('amount', '100.00', { value: '99.99' })).toMatchObject({ done: false });
  });

  it('counts no report as 0.00 yuan', () => {
    expect(assessIndicator('amount', '100.00', { value: null }).value).toBe('0.00');
  });
});

describe('coverage indicators', () => {
  it('is done when all 284 of 284 schools are covered (全覆盖), never "exceeded"', () => {
    expect(assessIndicator('coverage', 284, { value: 284 })).toMatchObject({
      completion: 1,
      done: true,
      exceeded: false,
    });
  });

  it('is not done while part of the universe is uncovered', () => {
    expect(assessIndicator('coverage', 284, { value: 200 })).toMatchObject({ done: false });
    expect(assessIndicator('coverage', 284, { value: 200 }).completion).toBeCloseTo(200 / 284, 12);
  });
});

describe('entitlement indicators (应补尽补)', () => {
  it('is done when every eligible student is funded: 5806 of 5806', () => {
    expect(assessIndicator('entitlement', undefined, { value: 5806, eligible: 5806 })).toEqual({
      value: 5806,
      target: 5806,
      completion: 1,
      done: true,
      exceeded: false,
    });
  });

  it('is done when more were served than counted eligible', () => {
    expect(assessIndicator('entitlement', undefined, { value: 5810, eligible: 5806 })).toMatchObject({
      done: true,
      exceeded: false,
    });
  });

  it('reads served ÷ eligible while some eligible are not yet served', () => {
    const r = assessIndicator('entitlement', undefined, { value: 2903, eligible: 5806 });
    expect(r).toMatchObject({ completion: 0.5, done: false });
  });

  it('is not done, at 0, when nobody was reported eligible (a kept promise needs someone served)', () => {
    expect(assessIndicator('entitlement', undefined, { value: 0, eligible: 0 })).toMatchObject({
      target: 0,
      completion: 0,
      done: false,
    });
  });

  it('is not done while the eligible count is unknown', () => {
    expect(assessIndicator('entitlement', undefined, { value: 300, eligible: null })).toMatchObject({
      target: null,
      completion: 0,
      done: false,
    });
  });
});

describe('percent indicators', () => {
  it('measures against 100 by default: 65% construction progress is 0.65 done', () => {
    expect(assessIndicator('percent', undefined, { value: 65 })).toMatchObject({
      target: 100,
      completion: 0.65,
      done: false,
    });
  });

  it('measures against its own target: 86.1% screening against a 65% target is done', () => {
    const r = assessIndicator('percent', 65, { value: 86.1 });
    expect(r.done).toBe(true);
    expect(r.exceeded).toBe(false);
    expect(r.completion).toBeCloseTo(86.1 / 65, 12);
  });

  it('is done at 100 of 100', () => {
    expect(assessIndicator('percent', 100, { value: 100 })).toMatchObject({ completion: 1, done: true });
  });
});

describe('milestone-only indicators', () => {
  it('is done when every milestone is reached', () => {
    expect(assessIndicator('milestone', 6, { value: 6 })).toMatchObject({ completion: 1, done: true });
  });

  it('reads milestones reached ÷ milestones planned on the way', () => {
    expect(assessIndicator('milestone', 4, { value: 1 })).toMatchObject({ completion: 0.25, done: false });
  });

  it('is never "exceeded"', () => {
    expect(assessIndicator('milestone', 4, { value: 4 }).exceeded).toBe(false);
  });
});
