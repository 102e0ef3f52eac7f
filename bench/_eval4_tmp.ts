import { readFileSync } from 'node:fs';
import { __vectors } from '../src/modules/suggestions/grouping.rules';

(globalThis as any).EXP = JSON.parse(process.argv[2] ?? '{}');
const rows = readFileSync('src/modules/suggestions/testdata/suggestions.tsv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => {
    const [ref, group, field, unit, text] = l.split('\t');
    return { ref: ref!, group: group!, text: text! };
  });
const truth = new Map(rows.map((r) => [r.ref, r.group]));
const { variants, terms, cos } = __vectors(rows);
const vg = variants.map((v) => truth.get(v.refs[0]!)!);
const n = variants.length;
// per group: max spanning tree min edge (single-link connect threshold)
const groups = new Map<string, number[]>();
vg.forEach((g, i) => {
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g)!.push(i);
});
const connect: [string, number, number][] = [];
for (const [g, mem] of groups) {
  if (mem.length < 2) continue;
  // Prim max spanning tree
  const inT = new Set([mem[0]!]);
  let minEdge = 1;
  while (inT.size < mem.length) {
    let best = -1,
      bv = -1;
    for (const a of inT)
      for (const b of mem)
        if (!inT.has(b)) {
          const c = cos(variants[a]!, variants[b]!);
          if (c > best) {
            best = c;
            bv = b;
          }
        }
    inT.add(bv);
    minEdge = Math.min(minEdge, best);
    if (best < 0.3) console.log('  weak', g, best.toFixed(2), variants[bv]!.text.slice(0, 40));
  }
  connect.push([g, mem.length, minEdge]);
}
connect.sort((a, b) => a[2] - b[2]);
console.log(
  'connect thresholds (lowest):',
  connect
    .slice(0, 30)
    .map((c) => `${c[0]}(${c[1]}):${c[2].toFixed(2)}`)
    .join('  '),
);
const cross: [number, number, number][] = [];
for (let i = 0; i < n; i++)
  for (let j = i + 1; j < n; j++)
    if (vg[i] !== vg[j]) {
      const c = cos(variants[i]!, variants[j]!);
      if (c >= 0.25) cross.push([c, i, j]);
    }
cross.sort((a, b) => b[0] - a[0]);
for (const [c, i, j] of cross.slice(0, 40))
  console.log(
    'X',
    c.toFixed(2),
    vg[i],
    '|',
    vg[j],
    '::',
    variants[i]!.text.slice(0, 30),
    '||',
    variants[j]!.text.slice(0, 30),
  );
