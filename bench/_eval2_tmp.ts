import { readFileSync } from 'node:fs';
import { groupSuggestions } from '../src/modules/suggestions/grouping.rules';

const rows = readFileSync('src/modules/suggestions/testdata/suggestions.tsv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [ref, group, field, unit, text] = l.split('\t');
    return { ref: ref!, group: group!, text: text! };
  });
const truth = new Map(rows.map((r) => [r.ref, r.group]));
function score(groups: { members: string[] }[]) {
  const pred = new Map<string, number>();
  groups.forEach((g, i) => g.members.forEach((m) => pred.set(m, i)));
  let tp = 0,
    fp = 0,
    fn = 0;
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!.ref,
        b = rows[j]!.ref;
      const t = truth.get(a) === truth.get(b);
      const p = pred.get(a) === pred.get(b);
      if (t && p) tp++;
      else if (p) fp++;
      else if (t) fn++;
    }
  return { p: tp / (tp + fp), r: tp / (tp + fn), tp, fp, fn };
}
const base = JSON.parse(process.argv[2] ?? '{}');
const schedules = [
  [0.3],
  [0.5, 0.3],
  [0.5, 0.4, 0.3],
  [0.5, 0.4, 0.35, 0.3],
  [0.6, 0.5, 0.4, 0.35, 0.3, 0.25],
  [0.5, 0.45, 0.4, 0.35, 0.3, 0.28, 0.26, 0.24, 0.22],
  [0.5, 0.35],
  [0.5, 0.35, 0.3],
  [0.5, 0.4, 0.35],
  [0.5, 0.3, 0.3, 0.3],
  [0.5, 0.4, 0.35, 0.3, 0.28, 0.26],
];
for (const sc of schedules) {
  (globalThis as any).EXP = { ...base, schedule: sc };
  const s = score(groupSuggestions(rows));
  console.log(sc.join(','), 'P', s.p.toFixed(3), 'R', s.r.toFixed(3), s.fp, s.fn);
}
