/**
 * Who takes the seats once each candidate has a score (赞成 votes, or ranking points) and has passed
 * or not. Passing candidates take seats in order of score. Candidates tied on the score at the cut-off
 * are NOT separated by any tie-break: the seats they compete for stay open and the tied candidates are
 * named for a further vote (DOMAIN.md, "Voting rules").
 */
export interface Scored {
  readonly name: string;
  readonly score: number;
  readonly passed: boolean;
}

export interface Selection {
  /** Elected names, highest score first (equal scores in ballot order). */
  readonly elected: string[];
  /** Candidates tied at the cut-off, in ballot order; empty when there is no tie. */
  readonly tied: string[];
  readonly openSeats: number;
}

export function selectElected(candidates: readonly Scored[], seats: number): Selection {
  const passing = candidates
    .map((c, order) => ({ ...c, order }))
    .filter((c) => c.passed)
    .sort((a, b) => b.score - a.score || a.order - b.order);

  if (passing.length <= seats) {
    return { elected: passing.map((c) => c.name), tied: [], openSeats: seats - passing.length };
  }
  const cutoff = passing[seats - 1]!.score;
  if (passing[seats]!.score !== cutoff) {
    return { elected: passing.slice(0, seats).map((c) => c.name), tied: [], openSeats: 0 };
  }
  const elected = passing.filter((c) => c.score > cutoff).map((c) => c.name);
  const tied = passing
    .filter((c) => c.score === cutoff)
    .sort((a, b) => a.order - b.order)
    .map((c) => c.name);
  return { elected, tied, openSeats: seats - elected.length };
}
