import { readFileSync } from 'node:fs';
import { groupSuggestions } from '../src/modules/suggestions/grouping.rules';

const file = process.env.FILE ?? 'src/modules/suggestions/testdata/suggestions.tsv';
const rows = readFileSync(file, 'utf8')
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
const ths = (process.env.TH ?? '0.25,0.3,0.35,0.4,0.45,0.5,0.55').split(',').map(Number);
for (const arg of process.argv.slice(2)) {
  (globalThis as any).EXP = JSON.parse(arg);
  const line: string[] = [];
  for (const t of ths) {
    const s = score(groupSuggestions(rows, { threshold: t }));
    line.push(`${t}:${s.p.toFixed(2)}/${s.r.toFixed(2)}`);
  }
  console.log(arg, line.join(' '));
}
if (process.env.SHOW) {
  const g = groupSuggestions(rows, { threshold: Number(process.env.SHOW) });
  const text = new Map(rows.map((r) => [r.ref, r.text]));
  for (const x of g) {
    const gs = new Set(x.members.map((m) => truth.get(m)));
    if (gs.size > 1 || process.env.ALL) {
      console.log('---', x.label, [...gs].join(' / '));
      for (const m of x.members) console.log('  ', m, truth.get(m), text.get(m)!.slice(0, 40));
    }
  }
  const byTruth = new Map<string, Set<number>>();
  const pred = new Map<string, number>();
  g.forEach((x, i) => x.members.forEach((m) => pred.set(m, i)));
  for (const r of rows) {
    if (!byTruth.has(r.group)) byTruth.set(r.group, new Set());
    byTruth.get(r.group)!.add(pred.get(r.ref)!);
  }
  if (process.env.SPLITS)
    for (const [t, s] of byTruth)
      if (s.size > 1) {
        console.log('SPLIT', t);
        for (const r of rows.filter((r) => r.group === t))
          console.log('   ', pred.get(r.ref), g[pred.get(r.ref)!]!.label, '|', r.text.slice(0, 50));
      }
}
