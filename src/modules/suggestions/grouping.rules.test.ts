import { describe, expect, it } from 'vitest';
import { groupId, groupSuggestions, type SuggestionText } from './grouping.rules';

const items: SuggestionText[] = [
  { ref: 'S01', text: '杏园社区的老楼都是六层，没有电梯，老人上下楼太难了，建议给我们加装电梯。' },
  {
    ref: 'S02',
    text: '领导您好！杏园社区的老楼都是六层，没有电梯，老人上下楼太难了，建议给我们加装电梯，谢谢。',
  },
  { ref: 'S03', text: '杏园社区老楼都是6层没有电梯，老人上下楼太难了，建议给我们加装电梯' },
  { ref: 'S04', text: '东关村的路灯一直不亮，晚上走路很危险，希望派人来维修。' },
  { ref: 'S05', text: '坪上村的路灯一直不亮，晚上走路很危险，希望派人来维修。' },
  { ref: 'S06', text: '建议开通嘉峰镇到县城的公交车，现在只能坐私人面包车，不安全还贵。' },
  { ref: 'S07', text: '建议开通嘉峰镇到县城的公交车，现在只能坐私人面包车，不安全还贵！' },
  { ref: 'S08', text: '希望县图书馆周末和晚上也开放。' },
  { ref: 'S09', text: '！！！' },
];

function membership(groups: { members: string[] }[]): string[][] {
  return groups.map((g) => g.members).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('groupSuggestions', () => {
  const groups = groupSuggestions(items);

  it('puts every suggestion in exactly one group', () => {
    const refs = groups.flatMap((g) => g.members).sort();
    expect(refs).toEqual(items.map((i) => i.ref).sort());
  });

  it('groups copies and near-copies, and leaves a suggestion without a twin alone', () => {
    expect(membership(groups)).toEqual([
      ['S01', 'S02', 'S03'],
      ['S04'],
      ['S05'],
      ['S06', 'S07'],
      ['S08'],
      ['S09'],
    ]);
  });

  it('keeps the same ask in two villages apart', () => {
    const lamp = groups.find((g) => g.members.includes('S04'))!;
    expect(lamp.members).not.toContain('S05');
  });

  it('labels each group with a few Chinese keywords and names a member as representative', () => {
    const lift = groups.find((g) => g.members.includes('S01'))!;
    expect(lift.label).toMatch(/电梯/u);
    expect(lift.label).toMatch(/杏园/u);
    expect(lift.keywords.length).toBeLessThanOrEqual(4);
    for (const g of groups) expect(g.members).toContain(g.representative);
  });

  it('labels a text with no words by the text itself', () => {
    expect(groups.find((g) => g.members.includes('S09'))!.label).toBe('！！！');
  });

  it('orders groups by size, then by first ref', () => {
    expect(groups.map((g) => g.members[0])).toEqual(['S01', 'S06', 'S04', 'S05', 'S08', 'S09']);
  });

  it('gives the same result whatever the input order', () => {
    const shuffled = [...items].reverse();
    expect(groupSuggestions(shuffled)).toEqual(groups);
  });

  it('derives ids from the members: stable for the same membership, different otherwise', () => {
    const again = groupSuggestions(items);
    expect(again.map((g) => g.id)).toEqual(groups.map((g) => g.id));
    const lift = groups.find((g) => g.members.includes('S01'))!;
    expect(lift.id).toBe(groupId(['S01', 'S02', 'S03']));
    const fewer = groupSuggestions(items.filter((i) => i.ref !== 'S03'));
    expect(fewer.find((g) => g.members.includes('S01'))!.id).not.toBe(lift.id);
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
  });

  it('handles no suggestions', () => {
    expect(groupSuggestions([])).toEqual([]);
  });

  it('refuses two suggestions with one ref', () => {
    expect(() => groupSuggestions([items[0]!, { ...items[1]!, ref: 'S01' }])).toThrow(/S01/u);
  });

  it('merges less with a higher threshold', () => {
    const strict = groupSuggestions(items, { threshold: 0.99, startThreshold: 0.99 });
    expect(strict.length).toBeGreaterThanOrEqual(groups.length);
  });
});

describe('groupId', () => {
  it('is a G followed by 16 hex digits, and depends on every ref', () => {
    expect(groupId(['S01'])).toMatch(/^G[0-9a-f]{16}$/u);
    expect(groupId(['S01', 'S02'])).not.toBe(groupId(['S01', 'S03']));
    expect(groupId(['S1', 'S2'])).not.toBe(groupId(['S1S2']));
  });
});
