import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIGHT_RULE,
  LIGHT_PRESETS,
  type LightRule,
  lightFor,
  lightMeasures,
  parseLightRule,
  resolveLightRule,
} from './lights.rules';

/** A project `behind` points behind 序时 at 60% elapsed. */
const behind = (points: number) => ({ completed: false, elapsed: 0.6, completion: 0.6 - points / 100 });
/** A project whose completion is `percent`% of 序时 at 50% elapsed. */
const shareOf = (percent: number) => ({ completed: false, elapsed: 0.5, completion: (0.5 * percent) / 100 });

describe('measures a light can look at', () => {
  it('gives points behind 序时, share of 序时 and share done, in percent', () => {
    expect(lightMeasures({ completed: false, elapsed: 0.6493, completion: 0.5 })).toEqual({
      pointsBehind: 14.93,
      percentOfElapsed: 77.006006,
      percentDone: 50,
    });
  });

  it('counts a project ahead of 序时 as negative points behind', () => {
    expect(lightMeasures({ completed: false, elapsed: 0.5, completion: 0.6 }).pointsBehind).toBe(-10);
  });

  it('treats the share of 序时 as unlimited before anything is due', () => {
    expect(lightMeasures({ completed: false, elapsed: 0, completion: 0 }).percentOfElapsed).toBe(Infinity);
  });

  it('lands exactly on a band edge despite float arithmetic (50% − 40% is 10 points)', () => {
    expect(lightMeasures({ completed: false, elapsed: 0.5, completion: 0.4 }).pointsBehind).toBe(10);
  });
});

describe('银川: yellow 10–30 points behind 序时 (inclusive), red beyond 30', () => {
  const rule = LIGHT_PRESETS.yinchuan;
  it.each([
    [-5, 'green'],
    [0, 'green'],
    [9.99, 'green'],
    [10, 'yellow'],
    [20, 'yellow'],
    [30, 'yellow'],
    [30.01, 'red'],
    [60, 'red'],
  ])('%s points behind is %s', (points, light) => {
    expect(lightFor(rule, behind(points))).toBe(light);
  });

  it('is green once completed', () => {
    expect(lightFor(rule, { completed: true, elapsed: 1, completion: 1 })).toBe('green');
  });

  it('is the default rule', () => {
    expect(DEFAULT_LIGHT_RULE).toBe(rule);
  });
});

describe('武汉: yellow below 80% of 序时, red below 60%', () => {
  const rule = LIGHT_PRESETS.wuhan;
  it.each([
    [120, 'green'],
    [100, 'green'],
    [80, 'green'],
    [79.99, 'yellow'],
    [60, 'yellow'],
    [59.99, 'red'],
    [0, 'red'],
  ])('at %s%% of 序时 it is %s', (percent, light) => {
    expect(lightFor(rule, shareOf(percent))).toBe(light);
  });

  it('is green on the first day with nothing due yet', () => {
    expect(lightFor(rule, { completed: false, elapsed: 0, completion: 0 })).toBe('green');
  });
});

describe('三亚: green at or above 序时, yellow up to 50% short (inclusive), red more than 50% short', () => {
  const rule = LIGHT_PRESETS.sanya;
  it.each([
    [110, 'green'],
    [100, 'green'],
    [99.99, 'yellow'],
    [50, 'yellow'],
    [49.99, 'red'],
    [0, 'red'],
  ])('at %s%% of 序时 it is %s', (percent, light) => {
    expect(lightFor(rule, shareOf(percent))).toBe(light);
  });
});

describe('大足: five colours', () => {
  const rule = LIGHT_PRESETS.dazu;
  const at = (elapsed: number, completion: number) =>
    lightFor(rule, { completed: false, elapsed, completion });

  it('is blue once completed', () => {
    expect(lightFor(rule, { completed: true, elapsed: 0.5, completion: 1 })).toBe('blue');
  });

  it('is red under 30% done while behind 序时', () => {
    expect(at(0.6, 0.29)).toBe('red');
    expect(at(0.31, 0.3 - 0.0001)).toBe('red');
  });

  it('is not red under 30% done while still on schedule early in the year', () => {
    expect(at(0.2, 0.25)).toBe('green');
    expect(at(0.2, 0.2)).toBe('green');
  });

  it('is orange more than 10 points behind once 30% is done', () => {
    expect(at(0.6, 0.3)).toBe('orange');
    expect(at(0.6, 0.49)).toBe('orange');
  });

  it('is yellow up to 10 points behind (inclusive)', () => {
    expect(at(0.6, 0.5)).toBe('yellow');
    expect(at(0.6, 0.5999)).toBe('yellow');
  });

  it('is green at or ahead of 序时', () => {
    expect(at(0.6, 0.6)).toBe('green');
    expect(at(0.6, 0.9)).toBe('green');
  });
});

describe("a region's own light rule", () => {
  const own: LightRule = {
    name: '某县',
    completed: 'blue',
    bands: [
      { light: 'red', when: [{ measure: 'pointsBehind', above: 20 }] },
      { light: 'yellow', when: [{ measure: 'pointsBehind', above: 5, atMost: 20 }] },
    ],
    otherwise: 'green',
  };

  it('is accepted when well formed and then colours projects by its bands', () => {
    const parsed = parseLightRule(own);
    expect(parsed).toEqual({ ok: true, rule: own });
    if (!parsed.ok) return;
    expect(lightFor(parsed.rule, behind(5))).toBe('green');
    expect(lightFor(parsed.rule, behind(5.01))).toBe('yellow');
    expect(lightFor(parsed.rule, behind(20))).toBe('yellow');
    expect(lightFor(parsed.rule, behind(21))).toBe('red');
  });

  it('falls back to "otherwise" when no band applies, even with no bands at all', () => {
    expect(lightFor({ ...own, bands: [] }, behind(50))).toBe('green');
  });

  it('lists every problem by path, in Chinese', () => {
    const parsed = parseLightRule({
      name: '',
      completed: 'purple',
      bands: [
        { light: 'red', when: [] },
        { light: 'yellow', when: [{ measure: 'pointsBehind' }] },
        { light: 'yellow', when: [{ measure: 'pointsBehind', above: 30, below: 10 }] },
        { light: 'yellow', when: [{ measure: 'pointsBehind', above: 1, atLeast: 2 }] },
        { light: 'yellow', when: [{ measure: 'speed', above: 1 }], colour: 'x' },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '不能为空' },
        { path: 'completed', message: '必须是 green、yellow、orange、red、blue 之一' },
        { path: 'bands[0].when', message: '至少需要 1 项' },
        { path: 'bands[1].when[0]', message: '条件至少需要 above、atLeast、below、atMost 中的一个界限' },
        { path: 'bands[2].when[0]', message: '下限必须小于上限，否则这个区间永远不会命中' },
        { path: 'bands[3].when[0].atLeast', message: 'above 与 atLeast 只能填一个' },
        {
          path: 'bands[4].when[0].measure',
          message: '必须是 pointsBehind、percentOfElapsed、percentDone 之一',
        },
        { path: 'bands[4].colour', message: expect.stringContaining('未知字段') },
        { path: 'otherwise', message: '缺少必填字段' },
      ]),
    );
  });

  it('allows a closed band with equal bounds, which hits exactly one value', () => {
    const parsed = parseLightRule({
      ...own,
      bands: [{ light: 'yellow', when: [{ measure: 'pointsBehind', atLeast: 10, atMost: 10 }] }],
    });
    expect(parsed.ok).toBe(true);
  });

  it('is resolved by preset name or checked when given as data', () => {
    expect(resolveLightRule('wuhan')).toEqual({ ok: true, rule: LIGHT_PRESETS.wuhan });
    expect(resolveLightRule(own)).toEqual({ ok: true, rule: own });
    const unknown = resolveLightRule('beijing');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0]!.message).toContain('yinchuan、wuhan、sanya、dazu');
  });

  it('does not take a name from the prototype chain for a preset', () => {
    expect(resolveLightRule('toString').ok).toBe(false);
  });
});
