// Pure pieces the evaluation module reuses: tokens and receipts, the ballot chain, the roll, rate limits.
export { ballotHash, type ChainedBallot, GENESIS_HASH, verifyBallotChain } from './ballot.rules';
export { ballotRateLimiter, limitBallotRequest } from './ballot-rate-limit';
export { rehearseOpenVote, rehearseTokenRoute } from './ballot-rehearsal';
export {
  canonicalReceipt,
  canonicalToken,
  castTag,
  issuedHash,
  newBallotToken,
  newReceiptSecret,
  receiptFor,
  receiptHash,
} from './ballot-secrets';
export { checkRoll, MAX_ROLL, parseRoll, type RollProblem } from './roll.rules';
export { verifyBallots } from './use-cases/ballots';
export { closeSession, electedCandidates, publicResults } from './use-cases/results';
export { createSession, getSession, openSession } from './use-cases/sessions';
export { votingRoutes } from './voting.routes';
export * from './voting.tables';
