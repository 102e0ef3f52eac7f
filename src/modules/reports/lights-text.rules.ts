import {
  LIGHT_LABELS,
  type LightCondition,
  type LightMeasure,
  type LightRule,
} from '../progress/lights.rules';

/**
 * The light rule in words, for the bulletin to say how its colours were given: a project's light is
 * measured against 序时进度 alone, while its status also weighs the plan, so "进度滞后·绿灯" needs the
 * rule beside it to read as it is meant.
 */
export function lightRuleSentence(rule: LightRule): string {
  const bands = rule.bands.map(
    (band) => `${band.when.map(conditionText).join('且')}的亮${LIGHT_LABELS[band.light]}`,
  );
  const completed = `已完成的亮${LIGHT_LABELS[rule.completed]}`;
  return `亮灯规则：${[completed, ...bands, `其余亮${LIGHT_LABELS[rule.otherwise]}`].join('，')}。`;
}

const MEASURE_WORDS: Record<LightMeasure, { subject: string; unit: string }> = {
  pointsBehind: { subject: '落后序时进度', unit: '个百分点' },
  percentOfElapsed: { subject: '完成进度相当于序时进度', unit: '%' },
  percentDone: { subject: '完成进度', unit: '%' },
};

function conditionText(condition: LightCondition): string {
  const { subject, unit } = MEASURE_WORDS[condition.measure];
  if (condition.measure === 'pointsBehind' && condition.above === 0) return '落后于序时进度';
  const parts: string[] = [];
  if (condition.above !== undefined) parts.push(`超过${condition.above}${unit}`);
  if (condition.atLeast !== undefined) parts.push(`${condition.atLeast}${unit}及以上`);
  if (condition.below !== undefined) parts.push(`不足${condition.below}${unit}`);
  if (condition.atMost !== undefined) parts.push(`${condition.atMost}${unit}及以下`);
  return `${subject}${parts.join('、')}`;
}
