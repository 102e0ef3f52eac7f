import { describe, expect, it } from 'vitest';
import { LIGHT_PRESETS } from '../progress/lights.rules';
import { lightRuleSentence } from './lights-text.rules';

describe('the light rule in words', () => {
  it('says each preset as a bulletin would print it', () => {
    expect(lightRuleSentence(LIGHT_PRESETS.yinchuan)).toBe(
      '亮灯规则：已完成的亮绿灯，落后序时进度超过30个百分点的亮红灯，落后序时进度10个百分点及以上的亮黄灯，其余亮绿灯。',
    );
    expect(lightRuleSentence(LIGHT_PRESETS.wuhan)).toBe(
      '亮灯规则：已完成的亮绿灯，完成进度相当于序时进度不足60%的亮红灯，完成进度相当于序时进度不足80%的亮黄灯，其余亮绿灯。',
    );
    expect(lightRuleSentence(LIGHT_PRESETS.dazu)).toBe(
      '亮灯规则：已完成的亮蓝灯，完成进度不足30%且落后于序时进度的亮红灯，落后序时进度超过10个百分点的亮橙灯，落后于序时进度的亮黄灯，其余亮绿灯。',
    );
  });
});
