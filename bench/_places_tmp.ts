import { readFileSync } from 'node:fs';
import { analyzeText } from '../src/modules/suggestions/text.rules';

const rows = readFileSync(process.env.FILE ?? 'src/modules/suggestions/testdata/suggestions.tsv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const all = new Map<string, number>();
for (const r of rows) for (const p of analyzeText(r[4]!).places) all.set(p, (all.get(p) ?? 0) + 1);
console.log(
  [...all]
    .sort((a, b) => b[1] - a[1])
    .map(([p, c]) => `${p}:${c}`)
    .join(' '),
);
