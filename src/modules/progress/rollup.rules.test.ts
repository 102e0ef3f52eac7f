import { describe, expect, it } from 'vitest';
import { rollUpFromTotals, rollUpIndicator } from './rollup.rules';

describe('rolling up sub-regions’ figures (任务分解)', () => {
  it('adds counts: 351 + 2230 + 10748 = 13329 performances against 10000 allocated', () => {
    const r = rollUpIndicator('count', [
      { region: '140100', target: 1000, value: 351 },
      { region: '140200', target: 2000, value: 2230 },
      { region: '140300', target: 7000, value: 10748 },
    ]);
    expect(r).toEqual({
      value: 13329,
      target: 10000,
      eligible: null,
      completion: 1.3329,
      done: true,
      reported: ['140100', '140200', '140300'],
      notReported: [],
    });
  });

  it('lists children that have not reported and counts them as 0 done', () => {
    const r = rollUpIndicator('count', [
      { region: '140100', target: 10, value: 6 },
      { region: '140200', target: 10, value: null },
      { region: '140300', target: 5, value: null },
    ]);
    expect(r).toMatchObject({ value: 6, target: 25, completion: 0.24, done: false });
    expect(r.reported).toEqual(['140100']);
    expect(r.notReported).toEqual(['140200', '140300']);
  });

  it('adds decimal counts without float noise', () => {
    expect(
      rollUpIndicator('count', [
        { region: 'a', target: 1, value: 0.1 },
        { region: 'b', target: 1, value: 0.2 },
      ]).value,
    ).toBe(0.3);
  });

  it('adds amounts exactly in yuan', () => {
    const r = rollUpIndicator('amount', [
      { region: '140100', target: '50000000.00', value: '61500000.10' },
      { region: '140200', target: '50000000.00', value: '61499999.90' },
      { region: '140300', target: '23000000.00', value: null },
    ]);
    expect(r).toMatchObject({ value: '123000000.00', target: '123000000.00', completion: 1, done: true });
  });

  it('adds coverage: 284 schools of 284 across three districts is 全覆盖', () => {
    const r = rollUpIndicator('coverage', [
      { region: '140105', target: 100, value: 100 },
      { region: '140106', target: 120, value: 120 },
      { region: '140107', target: 64, value: 64 },
    ]);
    expect(r).toMatchObject({ value: 284, target: 284, done: true });
  });

  it('adds served and eligible for entitlement, done when every eligible is served', () => {
    const r = rollUpIndicator('entitlement', [
      { region: '140100', value: 3000, eligible: 3000 },
      { region: '140200', value: 2806, eligible: 2806 },
    ]);
    expect(r).toMatchObject({ value: 5806, target: null, eligible: 5806, completion: 1, done: true });
  });

  it('is not done for entitlement while one child is short or has not counted its eligible', () => {
    expect(
      rollUpIndicator('entitlement', [
        { region: '140100', value: 3000, eligible: 3000 },
        { region: '140200', value: 2000, eligible: 2806 },
      ]),
    ).toMatchObject({ eligible: 5806, done: false });
    expect(rollUpIndicator('entitlement', [{ region: '140100', value: 30, eligible: null }])).toMatchObject({
      eligible: null,
      completion: 0,
      done: false,
    });
  });

  it('takes the mean of percentages weighted by target, not their sum', () => {
    const r = rollUpIndicator('percent', [
      { region: '140100', target: 100, value: 80 },
      { region: '140200', target: 100, value: 60 },
    ]);
    expect(r).toMatchObject({ value: 70, target: 100, completion: 0.7, done: false });
  });

  it('weights percentages by each child’s target (or its own weight when given)', () => {
    const byTarget = rollUpIndicator('percent', [
      { region: 'a', target: 90, value: 90 },
      { region: 'b', target: 60, value: 30 },
    ]);
    // value (90·90 + 30·60) / 150 = 66; target (90·90 + 60·60) / 150 = 78.
    expect(byTarget).toMatchObject({ value: 66, target: 78 });
    const byWeight = rollUpIndicator('percent', [
      { region: 'a', target: 100, value: 100, weight: 3 },
      { region: 'b', target: 100, value: 0, weight: 1 },
    ]);
    expect(byWeight).toMatchObject({ value: 75, target: 100 });
  });

  it('counts a child that has not reported a percentage as 0%', () => {
    const r = rollUpIndicator('percent', [
      { region: 'a', target: 100, value: 100 },
      { region: 'b', target: 100, value: null },
    ]);
    expect(r).toMatchObject({ value: 50, notReported: ['b'] });
  });

  it('adds milestones reached like counts', () => {
    expect(
      rollUpIndicator('milestone', [
        { region: 'a', target: 4, value: 4 },
        { region: 'b', target: 4, value: 2 },
      ]),
    ).toMatchObject({
      value: 6,
      target: 8,
      completion: 0.75,
    });
  });

  it('has nothing to measure against without children', () => {
    expect(rollUpIndicator('count', [])).toMatchObject({
      value: 0,
      target: null,
      completion: 0,
      done: false,
    });
    expect(rollUpIndicator('percent', [])).toMatchObject({ value: 0, target: null, completion: 0 });
  });
});

describe('the roll-up from totals summed in the database', () => {
  it.each([
    ['count', [3, 2], [1, null], '1', '5', null],
    ['amount', ['12000000.00', '8000000.00'], ['5000000.50', null], '5000000.50', '20000000.00', null],
    ['percent', [100, 50], [70, 40], '60.0000000000000000', '83.3333333333333333', null],
    ['entitlement', [null, null], [120, 0], '120', null, '150'],
  ] as const)('gives what rollUpIndicator gives for %s', (kind, targets, values, value, target, eligible) => {
    const children = targets.map((t, i) => ({
      region: `14010${i}`,
      target: t,
      value: values[i] ?? null,
      eligible: kind === 'entitlement' ? [150, null][i] : undefined,
    }));
    const reported = children.filter((c) => c.value !== null).map((c) => c.region);
    const notReported = children.filter((c) => c.value === null).map((c) => c.region);
    expect(rollUpFromTotals(kind, { value, target, eligible, reported, notReported })).toEqual(
      rollUpIndicator(kind, children),
    );
  });
});
