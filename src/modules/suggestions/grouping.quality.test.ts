import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupSuggestions } from './grouping.rules';
import { suggestField, suggestUnit } from './routing.rules';

/**
 * Quality on the labelled sets in testdata/: pairwise precision (of the pairs put together, how many
 * make the same ask) and recall (of the pairs making the same ask, how many were put together), and
 * how often the routing guesses match a coordinator's field and unit. Printed on every run.
 */

interface Labelled {
  ref: string;
  group: string;
  field: string;
  unit: string;
  text: string;
}

function load(name: string): Labelled[] {
  const text = readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
  const [header, ...lines] = text.trimEnd().split('\n');
  expect(header).toBe('ref\tgroup\tfield\tunit\ttext');
  return lines.map((line) => {
    const [ref, group, field, unit, body] = line.split('\t');
    return { ref: ref!, group: group!, field: field!, unit: unit!, text: body! };
  });
}

function pairScores(rows: Labelled[]): { precision: number; recall: number } {
  const groupOf = new Map<string, number>();
  groupSuggestions(rows).forEach((g, i) => {
    for (const ref of g.members) groupOf.set(ref, i);
  });
  let both = 0;
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const same = rows[i]!.group === rows[j]!.group;
      const together = groupOf.get(rows[i]!.ref) === groupOf.get(rows[j]!.ref);
      if (together) predicted++;
      if (same) actual++;
      if (same && together) both++;
    }
  }
  return { precision: both / predicted, recall: both / actual };
}

// The departments a county has, by the short names used in the labels.
const UNITS = [
  '教育局',
  '卫体局',
  '医保局',
  '民政局',
  '人社局',
  '住建局',
  '交通运输局',
  '公安局',
  '文旅局',
  '水利局',
  '生态环境局',
  '城市管理局',
  '市场监管局',
  '农业农村局',
  '应急管理局',
  '残联',
  '乡村振兴局',
  '园林绿化中心',
  '融媒体中心',
  '红十字会',
];

function routingScores(rows: Labelled[]): { field: number; unit: number } {
  const fieldHits = rows.filter((r) => suggestField(r.text)?.field === r.field).length;
  const routed = rows.filter((r) => r.unit !== '-');
  const unitHits = routed.filter((r) => suggestUnit(r.text, UNITS)?.unit === r.unit).length;
  return { field: fieldHits / rows.length, unit: unitHits / routed.length };
}

const fmt = (x: number) => x.toFixed(3);

describe('grouping quality on the labelled sets', () => {
  it('the tuning set (314 suggestions): precision > 0.9, recall > 0.8 over pairs', () => {
    const rows = load('suggestions.tsv');
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const { precision, recall } = pairScores(rows);
    console.log(
      `suggestions.tsv: ${rows.length} suggestions, pair precision ${fmt(precision)}, recall ${fmt(recall)}`,
    );
    expect(precision).toBeGreaterThan(0.9);
    expect(recall).toBeGreaterThan(0.8);
  });

  it('the held-out set (written after tuning): precision > 0.8, recall > 0.7 over pairs', () => {
    const rows = load('suggestions-holdout.tsv');
    const { precision, recall } = pairScores(rows);
    console.log(
      `suggestions-holdout.tsv: ${rows.length} suggestions, pair precision ${fmt(precision)}, recall ${fmt(recall)}`,
    );
    expect(precision).toBeGreaterThan(0.8);
    expect(recall).toBeGreaterThan(0.7);
  });

  // Written later by others (testdata/README.md); floors a little under what was measured, to catch
  // regressions: 0.61 / 1.00 and 0.84 / 0.76. Asks on one topic with different requests (广场舞噪音 and
  // 建文化广场) are where precision is still lost.
  it('distinct asks sharing generic words, and a second held-out set: regression floors', () => {
    for (const [name, floor] of [
      ['suggestions-shared-words.tsv', { precision: 0.58, recall: 0.95 }],
      ['suggestions-holdout2.tsv', { precision: 0.8, recall: 0.72 }],
    ] as const) {
      const rows = load(name);
      const { precision, recall } = pairScores(rows);
      console.log(
        `${name}: ${rows.length} suggestions, pair precision ${fmt(precision)}, recall ${fmt(recall)}`,
      );
      expect(precision).toBeGreaterThan(floor.precision);
      expect(recall).toBeGreaterThan(floor.recall);
    }
  });
});

describe('routing quality on the labelled sets', () => {
  it('guesses the field and the unit a coordinator chose', () => {
    const main = routingScores(load('suggestions.tsv'));
    const holdout = routingScores(load('suggestions-holdout.tsv'));
    const holdout2 = routingScores(load('suggestions-holdout2.tsv'));
    console.log(
      `routing: field ${fmt(main.field)} / unit ${fmt(main.unit)} on suggestions.tsv, ` +
        `field ${fmt(holdout.field)} / unit ${fmt(holdout.unit)} on suggestions-holdout.tsv, ` +
        `field ${fmt(holdout2.field)} / unit ${fmt(holdout2.unit)} on suggestions-holdout2.tsv`,
    );
    // Floors a little under what was measured (0.904 / 0.897 and 0.837 / 0.776), to catch regressions.
    expect(main.field).toBeGreaterThan(0.85);
    expect(main.unit).toBeGreaterThan(0.85);
    expect(holdout.field).toBeGreaterThan(0.75);
    expect(holdout.unit).toBeGreaterThan(0.7);
    // Measured 0.727 / 0.716 on the second held-out set.
    expect(holdout2.field).toBeGreaterThan(0.68);
    expect(holdout2.unit).toBeGreaterThan(0.68);
  });
});
