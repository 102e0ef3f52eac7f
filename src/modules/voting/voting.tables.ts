import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { planYears } from '../plans/plans.tables';
import type { BallotCandidate, VotingRule, VotingSessionState } from './voting-session.rules';

/**
 * 票决会议: one sitting of a people's congress voting on a plan year's candidates. What the deputies
 * see (the candidates) is frozen into `ballotCandidates` when the session opens. The per-session
 * `receiptSecret` keys the receipt codes (ballot-secrets.ts); the audit log never copies it.
 */
export const votingSessions = pgTable(
  'voting_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id),
    /** The session whose tie this follow-up vote settles. */
    parentId: uuid('parent_id'),
    /** e.g. 沁水县第十七届人民代表大会 */
    congress: text('congress').notNull(),
    /** e.g. 第四次会议 */
    sitting: text('sitting').notNull(),
    title: text('title').notNull(),
    state: text('state').$type<VotingSessionState>().notNull().default('draft'),
    seats: integer('seats').notNull(),
    rule: jsonb('rule').$type<VotingRule>().notNull(),
    /** Candidate ids of the plan year, in ballot order. */
    candidateIds: jsonb('candidate_ids').$type<string[]>().notNull(),
    ballotCandidates: jsonb('ballot_candidates').$type<BallotCandidate[]>(),
    receiptSecret: text('receipt_secret').notNull(),
    /** Printed ballot slips (tokens on paper) issued so far. */
    slipsIssued: integer('slips_issued').notNull().default(0),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('voting_sessions_plan_idx').on(t.planYearId)],
);

/** 代表名单: the roll (应到) of a session. */
export const votingDeputies = pgTable(
  'voting_deputies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => votingSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    /** 代表团 */
    delegation: text('delegation').notNull().default(''),
  },
  (t) => [uniqueIndex('voting_deputies_session_seq_uq').on(t.sessionId, t.seq)],
);

/**
 * 签到: who is present, and which form of ballot they were handed ('electronic' token shown on a
 * screen, a printed 'slip' with a token, or a 'paper' ballot). Never which token.
 */
export const votingCheckins = pgTable(
  'voting_checkins',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => votingSessions.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => votingDeputies.id),
    form: text('form').$type<'electronic' | 'slip' | 'paper'>().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.deputyId] })],
);

/**
 * A ballot token was issued for the session: only a hash of it ("issued" hash), no time, no person.
 * The ballot it casts carries a differently derived hash, so this row cannot be joined to a ballot.
 */
export const votingTokens = pgTable(
  'voting_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => votingSessions.id),
    kind: text('kind').$type<'checkin' | 'slip'>().notNull(),
  },
  (t) => [index('voting_tokens_session_idx').on(t.sessionId)],
);

/**
 * 表决票: the ballot log of a session, hash-chained per session (prev_hash → hash), append-only.
 * No deputy, no user, no time: an electronic ballot holds the token's "cast" hash (one ballot per
 * token) and the hash of its receipt code; a paper ballot its 票号.
 */
export const ballots = pgTable(
  'ballots',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => votingSessions.id),
    seq: integer('seq').notNull(),
    source: text('source').$type<'electronic' | 'paper'>().notNull(),
    tokenTag: text('token_tag'),
    paperNo: text('paper_no'),
    receiptHash: text('receipt_hash'),
    /** Approval: candidate id → yes/no/abstain for every candidate; ranking: candidate id → rank. */
    choices: jsonb('choices').$type<Record<string, string | number>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.seq] }),
    uniqueIndex('ballots_token_tag_uq').on(t.tokenTag),
    // Electronic ballots have no paper number: they stay out of this index.
    uniqueIndex('ballots_session_paper_uq').on(t.sessionId, t.paperNo).where(sql`${t.paperNo} is not null`),
    index('ballots_receipt_idx').on(t.receiptHash),
  ],
);

/** One clerk's typing of one paper ballot; two clerks' agreeing entries make it a ballot. */
export const votingPaperEntries = pgTable(
  'voting_paper_entries',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => votingSessions.id),
    paperNo: text('paper_no').notNull(),
    clerkId: uuid('clerk_id')
      .notNull()
      .references(() => users.id),
    clerkName: text('clerk_name').notNull(),
    choices: jsonb('choices').$type<Record<string, string | number>>().notNull(),
    /** Row of the uploaded sheet, when entered from one. */
    sourceRow: integer('source_row'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.paperNo, t.clerkId] })],
);
