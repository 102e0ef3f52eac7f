import { z } from 'zod';
import { issuesToProblems, type Problem, tidyProblems, zhErrorMap } from './problems.rules';

/**
 * Traffic lights are rules, not constants (DOMAIN.md): each place colours a project by how far it
 * is behind 序时进度 in its own way. A rule is data, so a region can keep its own beside the presets:
 * bands are tried in order and the first whose conditions all hold gives the colour.
 */
export const LIGHTS = ['green', 'yellow', 'orange', 'red', 'blue'] as const;
export type Light = (typeof LIGHTS)[number];

export const LIGHT_LABELS: Record<Light, string> = {
  green: '绿灯',
  yellow: '黄灯',
  orange: '橙灯',
  red: '红灯',
  blue: '蓝灯',
};

/**
 * What a band can look at, all in percentage points so that rules read like the documents:
 * - pointsBehind: 序时进度 − completion, ×100 (negative when ahead): "低于序时进度10~30个百分点".
 * - percentOfElapsed: completion ÷ 序时进度, ×100 ("低于序时进度的80%"); before anything is due
 *   (序时 0) it is +∞, i.e. on schedule.
 * - percentDone: completion ×100 ("进度不足30%").
 */
export const LIGHT_MEASURES = ['pointsBehind', 'percentOfElapsed', 'percentDone'] as const;
export type LightMeasure = (typeof LIGHT_MEASURES)[number];

export interface LightCondition {
  measure: LightMeasure;
  above?: number;
  atLeast?: number;
  below?: number;
  atMost?: number;
}

export interface LightBand {
  light: Light;
  /** Every condition must hold. */
  when: readonly LightCondition[];
}

export interface LightRule {
  name: string;
  /** The colour of a completed project. */
  completed: Light;
  bands: readonly LightBand[];
  /** The colour when no band applies. */
  otherwise: Light;
}

export interface LightInput {
  completed: boolean;
  /** 序时进度, 0–1. */
  elapsed: number;
  /** Project completion, 0–1 (above 1 when exceeded). */
  completion: number;
}

export type LightMeasures = Record<LightMeasure, number>;

/** Rounded to 1e-6 points so that 50% − 40% is exactly 10 points at a band's edge. */
export function lightMeasures(input: LightInput): LightMeasures {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    pointsBehind: r((input.elapsed - input.completion) * 100),
    percentOfElapsed:
      input.elapsed > 0 ? r((input.completion / input.elapsed) * 100) : Number.POSITIVE_INFINITY,
    percentDone: r(input.completion * 100),
  };
}

export function conditionHolds(condition: LightCondition, measures: LightMeasures): boolean {
  const x = measures[condition.measure];
  if (condition.above !== undefined && !(x > condition.above)) return false;
  if (condition.atLeast !== undefined && !(x >= condition.atLeast)) return false;
  if (condition.below !== undefined && !(x < condition.below)) return false;
  if (condition.atMost !== undefined && !(x <= condition.atMost)) return false;
  return true;
}

export function lightFor(rule: LightRule, input: LightInput): Light {
  if (input.completed) return rule.completed;
  const measures = lightMeasures(input);
  const band = rule.bands.find((b) => b.when.every((c) => conditionHolds(c, measures)));
  return band ? band.light : rule.otherwise;
}

/**
 * Named presets, from the places' own rules:
 * - 银川 (yinchuan): 低于序时进度10~30个百分点（含）黄灯, 超过30个百分点红灯, 完成序时绿灯. Being
 *   less than 10 points behind is not named there; it stays green here.
 * - 武汉 (wuhan): below 80% of 序时 yellow, below 60% red (exactly 80% is green, exactly 60% yellow).
 * - 三亚 (sanya): at or above 序时 green; 低于序时进度50%以内（含50%）yellow; more than 50% short of
 *   序时 (completion under half of 序时) red.
 * - 大足 (dazu), five colours: completed blue; under 30% done red, as there — but only while also
 *   behind 序时, so that a project on schedule early in the year is not red; otherwise more than 10
 *   points behind 序时 orange, behind at all yellow, at or ahead of 序时 green.
 */
export const LIGHT_PRESETS = {
  yinchuan: {
    name: '银川',
    completed: 'green',
    bands: [
      { light: 'red', when: [{ measure: 'pointsBehind', above: 30 }] },
      { light: 'yellow', when: [{ measure: 'pointsBehind', atLeast: 10 }] },
    ],
    otherwise: 'green',
  },
  wuhan: {
    name: '武汉',
    completed: 'green',
    bands: [
      { light: 'red', when: [{ measure: 'percentOfElapsed', below: 60 }] },
      { light: 'yellow', when: [{ measure: 'percentOfElapsed', below: 80 }] },
    ],
    otherwise: 'green',
  },
  sanya: {
    name: '三亚',
    completed: 'green',
    bands: [
      { light: 'red', when: [{ measure: 'percentOfElapsed', below: 50 }] },
      { light: 'yellow', when: [{ measure: 'pointsBehind', above: 0 }] },
    ],
    otherwise: 'green',
  },
  dazu: {
    name: '大足',
    completed: 'blue',
    bands: [
      {
        light: 'red',
        when: [
          { measure: 'percentDone', below: 30 },
          { measure: 'pointsBehind', above: 0 },
        ],
      },
      { light: 'orange', when: [{ measure: 'pointsBehind', above: 10 }] },
      { light: 'yellow', when: [{ measure: 'pointsBehind', above: 0 }] },
    ],
    otherwise: 'green',
  },
} as const satisfies Record<string, LightRule>;

export type LightPresetName = keyof typeof LIGHT_PRESETS;

export const DEFAULT_LIGHT_RULE: LightRule = LIGHT_PRESETS.yinchuan;

export function isLightPresetName(name: string): name is LightPresetName {
  return Object.hasOwn(LIGHT_PRESETS, name);
}

const bound = z.number().finite();
const lightSchema = z.enum(LIGHTS);

const conditionSchema = z
  .strictObject({
    measure: z.enum(LIGHT_MEASURES),
    above: bound.optional(),
    atLeast: bound.optional(),
    below: bound.optional(),
    atMost: bound.optional(),
  })
  .superRefine((c, ctx) => {
    const lower = c.above ?? c.atLeast;
    const upper = c.below ?? c.atMost;
    if (lower === undefined && upper === undefined) {
      ctx.addIssue({ code: 'custom', message: '条件至少需要 above、atLeast、below、atMost 中的一个界限' });
    }
    if (c.above !== undefined && c.atLeast !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['atLeast'], message: 'above 与 atLeast 只能填一个' });
    }
    if (c.below !== undefined && c.atMost !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['atMost'], message: 'below 与 atMost 只能填一个' });
    }
    if (lower !== undefined && upper !== undefined) {
      const closed = c.atLeast !== undefined && c.atMost !== undefined;
      if (closed ? lower > upper : lower >= upper) {
        ctx.addIssue({ code: 'custom', message: '下限必须小于上限，否则这个区间永远不会命中' });
      }
    }
  });

/** The schema of a region's own light rule, as stored in its settings. */
export const lightRuleSchema = z.strictObject({
  name: z.string().trim().min(1),
  completed: lightSchema,
  bands: z.array(z.strictObject({ light: lightSchema, when: z.array(conditionSchema).min(1) })),
  otherwise: lightSchema,
});

export type LightRuleParse = { ok: true; rule: LightRule } | { ok: false; problems: Problem[] };

/** Checks a region's own rule; every problem is listed by path (`bands[1].when[0].above`). */
export function parseLightRule(input: unknown): LightRuleParse {
  const result = lightRuleSchema.safeParse(input, { error: zhErrorMap });
  if (!result.success) return { ok: false, problems: tidyProblems(issuesToProblems(result.error.issues)) };
  return { ok: true, rule: result.data };
}

/** A preset by name, or a region's own rule checked as above. */
export function resolveLightRule(nameOrRule: string | unknown): LightRuleParse {
  if (typeof nameOrRule === 'string') {
    if (isLightPresetName(nameOrRule)) return { ok: true, rule: LIGHT_PRESETS[nameOrRule] };
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `没有名为 ${nameOrRule} 的亮灯规则，可选：${Object.keys(LIGHT_PRESETS).join('、')}`,
        },
      ],
    };
  }
  return parseLightRule(nameOrRule);
}
