import {
  date,
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
import { planYears } from '../plans/plans.tables';
import { projects } from '../progress/progress.tables';
import type { EvaluationMark, SatisfactionRule } from './evaluation.rules';
import type { EvaluationResult, EvaluationSessionState, RatedProject } from './session.rules';

/**
 * 满意度测评会议: deputies rating the projects of one plan year at the congress that follows it.
 * The projects are frozen into `ratedProjects` when the session opens; `receiptSecret` keys the
 * receipt codes exactly as in the vote (voting/ballot-secrets.ts) and is kept out of the audit log.
 */
export const evaluationSessions = pgTable(
  'evaluation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id),
    title: text('title').notNull(),
    state: text('state').$type<EvaluationSessionState>().notNull().default('draft'),
    rule: jsonb('rule').$type<SatisfactionRule>().notNull(),
    projectIds: jsonb('project_ids').$type<string[]>().notNull(),
    ratedProjects: jsonb('rated_projects').$type<RatedProject[]>(),
    receiptSecret: text('receipt_secret').notNull(),
    result: jsonb('result').$type<EvaluationResult>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('evaluation_sessions_plan_idx').on(t.planYearId)],
);

/** The roll (应到) of an evaluation session. */
export const evaluationDeputies = pgTable(
  'evaluation_deputies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    delegation: text('delegation').notNull().default(''),
  },
  (t) => [uniqueIndex('evaluation_deputies_session_seq_uq').on(t.sessionId, t.seq)],
);

/** 签到: who is present and was handed a token. Never which token. */
export const evaluationCheckins = pgTable(
  'evaluation_checkins',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => evaluationSessions.id),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => evaluationDeputies.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.deputyId] })],
);

/** A token was issued: its "issued" hash only — no time, no person (see voting_tokens). */
export const evaluationTokens = pgTable(
  'evaluation_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => evaluationSessions.id),
  },
  (t) => [index('evaluation_tokens_session_idx').on(t.sessionId)],
);

/**
 * 测评票: hash-chained per session, append-only, without deputy, user or time. `choices` maps each
 * project id to 满意/基本满意/不满意; a project left out was left blank.
 */
export const evaluationBallots = pgTable(
  'evaluation_ballots',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => evaluationSessions.id),
    seq: integer('seq').notNull(),
    tokenTag: text('token_tag').notNull(),
    receiptHash: text('receipt_hash').notNull(),
    choices: jsonb('choices').$type<Record<string, EvaluationMark>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.seq] }),
    uniqueIndex('evaluation_ballots_token_tag_uq').on(t.tokenTag),
  ],
);

/** One-time survey codes handed out on paper (for residents without a phone number to give). */
export const surveyCodes = pgTable(
  'survey_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_codes_plan_idx').on(t.planYearId)],
);

/**
 * 群众满意度调查: one answer per project and per phone or code. The phone is kept only as a keyed
 * hash (to refuse a second answer) and in masked form for staff; the comment is stored as typed.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planYearId: uuid('plan_year_id')
      .notNull()
      .references(() => planYears.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    rating: text('rating').$type<EvaluationMark>().notNull(),
    comment: text('comment'),
    /** 'phone' or 'code': what made the answer unique. */
    via: text('via').$type<'phone' | 'code'>().notNull(),
    respondentHash: text('respondent_hash').notNull(),
    phoneMasked: text('phone_masked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_answers_project_respondent_uq').on(t.projectId, t.respondentHash),
    index('survey_answers_plan_idx').on(t.planYearId),
  ],
);

/**
 * The key the survey's respondent hashes are taken under, one per plan year, made on first use.
 * Without it a phone hash could be reversed by trying every number; the audit log never copies it.
 */
export const surveyKeys = pgTable('survey_keys', {
  planYearId: uuid('plan_year_id')
    .primaryKey()
    .references(() => planYears.id),
  secret: text('secret').notNull(),
});

/**
 * 满意度评价期: the China dates (both inclusive) a plan year's public survey takes answers, set by
 * the coordinator. A plan year without one takes answers at any time (码上评 on a site poster is a
 * standing invitation); once set, answers outside it are refused politely.
 */
export const surveyWindows = pgTable('survey_windows', {
  planYearId: uuid('plan_year_id')
    .primaryKey()
    .references(() => planYears.id),
  opensOn: date('opens_on').notNull(),
  closesOn: date('closes_on').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
