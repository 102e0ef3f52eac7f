import type { Actor } from '../../../kernel/actor';
import type { AppDeps } from '../../../server/deps';
import { evaluationResults } from '../../evaluation';
import { type EvaluationInput, type SatisfactionSection, satisfactionSection } from '../satisfaction.rules';

/**
 * The satisfaction results of a plan year as the reports print them: the deputies' and the public's,
 * for the region and the sub-regions with plans that year. Reads through the evaluation module.
 */
export async function loadSatisfaction(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
): Promise<SatisfactionSection> {
  const results: EvaluationInput = await evaluationResults(deps, actor, regionCode, year);
  return satisfactionSection(results);
}
