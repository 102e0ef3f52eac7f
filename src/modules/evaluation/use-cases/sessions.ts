import type { Executor } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { readTableRows } from '../../candidates/candidate-table.reader';
import { findPlanYear } from '../../plans';
import {
  canonicalToken,
  checkRoll,
  issuedHash,
  newBallotToken,
  newReceiptSecret,
  parseRoll,
  type RollProblem,
} from '../../voting';
import {
  assertAllowed,
  mayFollowEvaluation,
  mayManageEvaluation,
  mayStaffEvaluation,
} from '../evaluation.policy';
import {
  findDeputy,
  findSession,
  insertCheckin,
  insertSession,
  insertToken,
  isCheckedIn,
  planProjects,
  replaceRoll,
  rollOf,
  type SessionWithPlan,
  sessionCounts,
  sessionsOfPlanYear,
  updateSession,
} from '../evaluation.repository';
import { DEFAULT_SATISFACTION_RULE, describeRule, type SatisfactionRule } from '../evaluation.rules';
import { EVALUATION_SESSION_STATE_LABELS, type RatedProject } from '../session.rules';

export interface SessionInput {
  title?: string | null;
  /** Projects of the plan year to rate, in ballot order; default every project, in plan order. */
  projectIds?: string[];
  rule?: SatisfactionRule;
}

export async function sessionOrThrow(db: Executor, id: string, forUpdate = false): Promise<SessionWithPlan> {
  const found = await findSession(db, id, { forUpdate });
  if (!found) throw new DomainError('EVALUATION_SESSION_NOT_FOUND');
  return found;
}

async function sessionProjects(db: Executor, found: SessionWithPlan): Promise<RatedProject[]> {
  if (found.session.ratedProjects) return found.session.ratedProjects;
  const all = new Map((await planProjects(db, found.session.planYearId)).map((p) => [p.id, p]));
  return found.session.projectIds.map(
    (id) => all.get(id) ?? { id, seq: 0, name: '（该项目已不存在）', field: null },
  );
}

/** What the pages show of a session; the result only once it is counted. */
export async function presentSession(db: Executor, found: SessionWithPlan) {
  const { session } = found;
  const counts = await sessionCounts(db, session.id);
  return {
    id: session.id,
    region: found.regionCode,
    year: found.year,
    title: session.title,
    state: session.state,
    stateLabel: EVALUATION_SESSION_STATE_LABELS[session.state],
    rule: session.rule,
    ruleText: describeRule(session.rule),
    projects: await sessionProjects(db, found),
    counts,
    createdAt: session.createdAt,
    openedAt: session.openedAt,
    closedAt: session.closedAt,
    result: session.state === 'closed' ? session.result : null,
  };
}

async function checkProjects(db: Executor, planYearId: string, ids: readonly string[]) {
  const known = new Set((await planProjects(db, planYearId)).map((p) => p.id));
  ids.forEach((id, i) => {
    if (!known.has(id) || ids.indexOf(id) !== i) {
      throw new DomainError('EVALUATION_PROJECT_INVALID', {
        field: `projectIds.${i}`,
        message: known.has(id)
          ? `第 ${i + 1} 个测评项目与第 ${ids.indexOf(id) + 1} 个重复`
          : `第 ${i + 1} 个测评项目（${id}）不属于该年度计划`,
      });
    }
  });
}

/** A session in preparation for the projects of the region's plan year `year`. */
export async function createSession(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: SessionInput,
) {
  assertAllowed(mayManageEvaluation(actor, regionCode));
  const id = await writeTransaction(deps.db, actor, async (tx) => {
    const plan = await findPlanYear(tx, regionCode, year);
    if (!plan)
      throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
    const projectIds = input.projectIds ?? (await planProjects(tx, plan.id)).map((p) => p.id);
    if (projectIds.length === 0) throw new DomainError('EVALUATION_NO_PROJECTS', { field: 'projectIds' });
    await checkProjects(tx, plan.id, projectIds);
    const session = await insertSession(tx, {
      planYearId: plan.id,
      title: input.title?.trim() || `${year}年民生实事项目满意度测评`,
      rule: input.rule ?? DEFAULT_SATISFACTION_RULE,
      projectIds,
      receiptSecret: newReceiptSecret(),
    });
    return session.id;
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

export async function listSessions(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  assertAllowed(mayFollowEvaluation(actor, regionCode));
  const plan = await findPlanYear(deps.db, regionCode, year);
  if (!plan)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  const rows = await sessionsOfPlanYear(deps.db, plan.id);
  return {
    items: rows.map((s) => ({
      id: s.id,
      title: s.title,
      state: s.state,
      stateLabel: EVALUATION_SESSION_STATE_LABELS[s.state],
      projects: s.projectIds.length,
      createdAt: s.createdAt,
      closedAt: s.closedAt,
    })),
  };
}

export async function getSession(deps: AppDeps, actor: Actor, id: string) {
  const found = await sessionOrThrow(deps.db, id);
  assertAllowed(mayFollowEvaluation(actor, found.regionCode));
  return presentSession(deps.db, found);
}

// ── the roll ────────────────────────────────────────────────────────────────────────────────────

function rollError(problems: readonly RollProblem[]): DomainError {
  const more = problems.length > 1 ? `（共 ${problems.length} 处问题）` : '';
  return new DomainError('EVALUATION_ROLL_INVALID', {
    field: 'roll',
    message: `代表名单有误，未导入任何内容：${problems[0]!.message}${more}`,
    details: problems,
  });
}

async function storeRoll(
  deps: AppDeps,
  actor: Actor,
  id: string,
  deputies: readonly { name: string; delegation: string }[],
) {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageEvaluation(actor, found.regionCode));
    if (found.session.state !== 'draft') throw new DomainError('EVALUATION_SESSION_NOT_DRAFT');
    await replaceRoll(tx, id, deputies);
  });
  return { deputies: deputies.length };
}

/** Replaces the roll from a sheet (.xlsx/.csv/.tsv with 姓名 and 代表团 columns): all or nothing. */
export async function importRollFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  file: { fileName: string; bytes: Uint8Array },
) {
  const found = await sessionOrThrow(deps.db, id);
  assertAllowed(mayManageEvaluation(actor, found.regionCode));
  let rows: string[][];
  try {
    rows = await readTableRows(file.fileName, file.bytes);
  } catch (error) {
    throw new DomainError('EVALUATION_ROLL_INVALID', {
      field: 'file',
      message: `无法读取文件 ${file.fileName}：${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const reading = parseRoll(rows);
  if (!reading.ok) throw rollError(reading.problems);
  return storeRoll(deps, actor, id, reading.deputies);
}

export async function setRoll(
  deps: AppDeps,
  actor: Actor,
  id: string,
  deputies: readonly { name: string; delegation: string }[],
) {
  const reading = checkRoll(deputies);
  if (!reading.ok) throw rollError(reading.problems);
  return storeRoll(deps, actor, id, reading.deputies);
}

/** The roll with who has checked in — never with which token. */
export async function getRoll(deps: AppDeps, actor: Actor, id: string) {
  const found = await sessionOrThrow(deps.db, id);
  assertAllowed(mayFollowEvaluation(actor, found.regionCode));
  const roll = await rollOf(deps.db, id);
  return {
    items: roll.map((d) => ({ ...d, checkedIn: d.checkedInAt !== null })),
  };
}

// ── life of a session ───────────────────────────────────────────────────────────────────────────

/** Opens check-in and rating; the projects are frozen as the ballot will show them. */
export async function openSession(deps: AppDeps, actor: Actor, id: string) {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await sessionOrThrow(tx, id, true);
    assertAllowed(mayManageEvaluation(actor, found.regionCode));
    if (found.session.state !== 'draft') throw new DomainError('EVALUATION_SESSION_NOT_DRAFT');
    const counts = await sessionCounts(tx, id);
    if (counts.roll === 0) throw new DomainError('EVALUATION_ROLL_EMPTY');
    const all = new Map((await planProjects(tx, found.session.planYearId)).map((p) => [p.id, p]));
    const ratedProjects = found.session.projectIds.map((pid, i) => {
      const p = all.get(pid);
      if (!p) {
        throw new DomainError('EVALUATION_PROJECT_INVALID', {
          field: `projectIds.${i}`,
          message: `第 ${i + 1} 个测评项目已被删除，请重新建立测评会议`,
        });
      }
      return p;
    });
    await updateSession(tx, id, { state: 'open', ratedProjects, openedAt: deps.now() });
  });
  return presentSession(deps.db, await sessionOrThrow(deps.db, id));
}

/**
 * 签到: records that the deputy is present and returns a fresh token — once; the page shows it as a
 * QR code. Only the token's "issued" hash is stored, in its own table with no link to the deputy.
 */
export async function checkIn(deps: AppDeps, actor: Actor, sessionId: string, deputyId: string) {
  const found = await sessionOrThrow(deps.db, sessionId);
  assertAllowed(mayStaffEvaluation(actor, found.regionCode));
  const token = newBallotToken();
  const deputy = await writeTransaction(deps.db, actor, async (tx) => {
    const locked = await sessionOrThrow(tx, sessionId, true);
    if (locked.session.state !== 'open') throw new DomainError('EVALUATION_SESSION_NOT_OPEN');
    const row = await findDeputy(tx, sessionId, deputyId);
    if (!row) throw new DomainError('EVALUATION_DEPUTY_NOT_FOUND', { field: 'deputyId' });
    if (await isCheckedIn(tx, sessionId, row.id)) {
      throw new DomainError('EVALUATION_ALREADY_CHECKED_IN', {
        message: `${row.delegation} ${row.name} 已签到并领取测评凭证，不能重复领取`,
      });
    }
    await insertCheckin(tx, sessionId, row.id, deps.now());
    await insertToken(tx, sessionId, issuedHash(canonicalToken(token)!));
    return row;
  });
  return { deputyId: deputy.id, name: deputy.name, delegation: deputy.delegation, token };
}
