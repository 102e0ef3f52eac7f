/** `npm run bench`: every benchmark, each printing its figures as ratios against a baseline from this run. */
import { runFoundationBench } from './foundation.bench';
import { runSuggestionGroupingBench } from './suggestion-grouping.bench';

const only = process.argv[2];
const benches: Record<string, () => Promise<unknown>> = {
  foundation: runFoundationBench,
  'suggestion-grouping': () => runSuggestionGroupingBench(),
  'suggestion-submit': async () => (await import('./suggestion-submit.bench')).runSuggestionSubmitBench(),
  'progress-rollup': async () => (await import('./progress-rollup.bench')).runProgressBench(),
  voting: async () => (await import('./voting.bench')).runVotingBench(),
};
for (const [name, run] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await run();
}
