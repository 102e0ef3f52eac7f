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
for (const arg of process.argv.slice(2)) {
  const c = JSON.parse(arg);
  (globalThis as any).EXP = c;
  const line: string[] = [];
  for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    const s = score(groupSuggestions(rows, { threshold: t }));
    line.push(`${t}:${s.p.toFixed(2)}/${s.r.toFixed(2)}`);
  }
  console.log(arg, line.join(' '));
}
