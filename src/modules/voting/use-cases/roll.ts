import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import type { AppDeps } from '../../../server/deps';
import { readTableRows } from '../../candidates/candidate-table.reader';
import { checkRoll, parseRoll, type RollProblem } from '../roll.rules';
import { assertAllowed, mayFollowVote, mayManageVote } from '../voting.policy';
import { replaceRoll, rollOf } from '../voting.repository';
import { sessionOrThrow } from './sessions';

// 代表名单: the roll of a session in preparation, from a sheet or typed in, and who has checked in.

function rollError(problems: readonly RollProblem[]): DomainError {
  const more = problems.length > 1 ? `（共 ${problems.length} 处问题）` : '';
  return new DomainError('VOTING_ROLL_INVALID', {
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
    assertAllowed(mayManageVote(actor, found.regionCode));
    if (found.session.state !== 'draft') throw new DomainError('VOTING_SESSION_NOT_DRAFT');
    await replaceRoll(tx, id, deputies);
  });
  const roll = await rollOf(deps.db, id);
  const delegations = new Map<string, number>();
  for (const d of roll) delegations.set(d.delegation, (delegations.get(d.delegation) ?? 0) + 1);
  return {
    deputies: roll.length,
    delegations: [...delegations].map(([name, deputies]) => ({ name, deputies })),
  };
}

/** Replaces the roll from a sheet (.xlsx/.csv/.tsv with 姓名 and 代表团 columns): all or nothing. */
export async function importRollFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  file: { fileName: string; bytes: Uint8Array },
) {
  const found = await sessionOrThrow(deps.db, id);
  assertAllowed(mayManageVote(actor, found.regionCode));
  let rows: string[][];
  try {
    rows = await readTableRows(file.fileName, file.bytes);
  } catch (error) {
    throw new DomainError('VOTING_ROLL_INVALID', {
      field: 'file',
      message: `无法读取文件 ${file.fileName}：${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const reading = parseRoll(rows);
  if (!reading.ok) throw rollError(reading.problems);
  return storeRoll(deps, actor, id, reading.deputies);
}

/** Replaces the roll from a typed-in list. */
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

/** The roll with who has checked in (and with which form of ballot) — never with which token. */
export async function getRoll(deps: AppDeps, actor: Actor, id: string) {
  const found = await sessionOrThrow(deps.db, id);
  assertAllowed(mayFollowVote(actor, found.regionCode));
  const roll = await rollOf(deps.db, id);
  return {
    items: roll.map((d) => ({
      id: d.id,
      seq: d.seq,
      name: d.name,
      delegation: d.delegation,
      checkedIn: d.form !== null,
      form: d.form,
      checkedInAt: d.checkedInAt,
    })),
  };
}
