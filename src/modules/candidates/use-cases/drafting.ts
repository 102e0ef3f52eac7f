import type { Tx } from '../../../db/client';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { normalizeYuan } from '../../../kernel/money';
import type { AppDeps } from '../../../server/deps';
import { findUnit } from '../../units';
import { editVerdict, mayDraftFor, mayManageCandidates, mayReadCandidates } from '../candidates.policy';
import {
  type CandidateInsert,
  type CandidateRow,
  deleteCandidate,
  findCandidate,
  insertCandidate,
  lockPlanYear,
  nextSeq,
  replaceSuggestionLinks,
  suggestionGroupsOf,
  suggestionLinksOf,
  updateCandidate,
} from '../candidates.repository';
import type { CandidateDraftInput, CandidatePatchInput } from '../candidates.schemas';
import { checkIndicators, cleanNames, storedIndicators } from '../drafting.rules';
import { parsePlan } from '../plan.rules';
import { listStateOf, requirePlanYear } from './review';

function invalid(problems: readonly { field: string; message: string }[]): DomainError {
  const more = problems.length > 1 ? `（共 ${problems.length} 处）` : '';
  return new DomainError('CANDIDATE_INVALID', {
    field: problems[0]!.field,
    message: `${problems[0]!.message}${more}`,
    details: problems,
  });
}

/** The lead unit must be a unit of the plan's region. */
async function leadUnitOf(tx: Tx, regionCode: string, unitId: string) {
  const unit = await findUnit(tx, unitId);
  if (!unit || unit.regionCode !== regionCode)
    throw invalid([{ field: 'leadUnitId', message: '牵头单位不是本地区的单位' }]);
  return unit;
}

/** The columns a draft sets; 推进计划 is read into milestones as an imported table is. */
function draftColumns(input: CandidatePatchInput, year: number): Partial<CandidateInsert> {
  const row: Partial<CandidateInsert> = {};
  if (input.name !== undefined) row.name = input.name;
  if (input.field !== undefined) row.field = input.field || null;
  if (input.annualTask !== undefined) row.annualTask = input.annualTask;
  if (input.planText !== undefined) {
    const plan = parsePlan(input.planText, year);
    row.planText = input.planText;
    row.milestones = plan.milestones.map((m) => ({
      due: m.due,
      text: m.text,
      investment: m.plannedInvestmentYuan,
    }));
    row.needsReview = plan.unparsed.map((u) => ({
      column: '推进计划',
      message: `${u.reason}（原文：${u.text.length > 40 ? `${u.text.slice(0, 40)}…` : u.text}）`,
    }));
  }
  if (input.countyLeaders !== undefined) row.countyLeaders = cleanNames(input.countyLeaders);
  if (input.responsibleLeaders !== undefined) row.responsibleLeaders = cleanNames(input.responsibleLeaders);
  if (input.supervisingLeaders !== undefined) row.supervisingLeaders = cleanNames(input.supervisingLeaders);
  if (input.contacts !== undefined)
    row.contacts = input.contacts.map((c) => ({ name: c.name, phone: c.phone?.trim() || null }));
  if (input.budget !== undefined) row.budget = input.budget === null ? null : normalizeYuan(input.budget);
  if (input.remarks !== undefined) row.remarks = input.remarks;
  if (input.indicators !== undefined) {
    const problems = checkIndicators(input.indicators);
    if (problems.length) throw invalid(problems);
    row.indicators = storedIndicators(input.indicators);
  }
  return row;
}

async function linkGroups(tx: Tx, deps: AppDeps, c: CandidateRow, groupIds: string[] | undefined) {
  if (groupIds === undefined) return;
  const unknown = await replaceSuggestionLinks(tx, c.planYearId, c.id, [...new Set(groupIds)], deps.now());
  if (unknown.length)
    throw invalid([
      {
        field: `suggestionGroupIds.${groupIds.indexOf(unknown[0]!)}`,
        message: '所选建议组不属于该年度计划',
      },
    ]);
}

export async function presentCandidate(deps: AppDeps, c: CandidateRow) {
  const links = await suggestionLinksOf(deps.db, [c.id]);
  return { ...c, suggestionGroups: links.get(c.id) ?? [] };
}

/** 部门谋划: a department drafts a candidate for its own unit (the coordinator for any unit). */
export async function createCandidate(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
  input: CandidateDraftInput,
) {
  if (!mayDraftFor(actor, regionCode, input.leadUnitId)) {
    throw new DomainError('OUT_OF_SCOPE', {
      field: 'leadUnitId',
      message: mayReadCandidates(actor, regionCode) ? '只能为本单位谋划候选项目' : undefined,
    });
  }
  const created = await writeTransaction(deps.db, actor, async (tx) => {
    const plan = await requirePlanYear(tx, regionCode, year);
    await lockPlanYear(tx, plan.id);
    if (!mayManageCandidates(actor, regionCode) && (await listStateOf(tx, plan.id)) !== 'draft')
      throw new DomainError('CANDIDATE_LIST_IN_REVIEW');
    const unit = await leadUnitOf(tx, regionCode, input.leadUnitId);
    const columns = draftColumns(
      { annualTask: '', planText: '', remarks: '', indicators: [], ...input },
      year,
    );
    const candidate = await insertCandidate(tx, plan.id, {
      ...columns,
      name: input.name,
      seq: await nextSeq(tx, plan.id),
      status: 'draft',
      shortlisted: false,
      leadUnitId: unit.id,
      units: {
        lead: [unit.shortName ?? unit.name],
        partners: cleanNames(input.partnerUnits ?? []),
        implementers: cleanNames(input.implementerUnits ?? []),
      },
      createdAt: deps.now(),
      updatedAt: deps.now(),
    });
    await linkGroups(tx, deps, candidate, input.suggestionGroupIds);
    return candidate;
  });
  return presentCandidate(deps, created);
}

async function editable(tx: Tx, actor: Actor, id: string) {
  const found = await findCandidate(tx, id, true);
  if (!found) throw new DomainError('CANDIDATE_NOT_FOUND');
  const verdict = editVerdict(
    actor,
    { regionCode: found.regionCode, ...found.candidate },
    await listStateOf(tx, found.candidate.planYearId),
  );
  if (verdict === 'out_of_scope')
    throw new DomainError('OUT_OF_SCOPE', {
      message: mayReadCandidates(actor, found.regionCode) ? '只能修改本单位牵头的候选项目' : undefined,
    });
  if (verdict === 'in_review') throw new DomainError('CANDIDATE_LIST_IN_REVIEW');
  if (verdict === 'voted') throw new DomainError('CANDIDATE_VOTED');
  return found;
}

/** Edits a candidate: its department while the list is a draft, the coordinator any time before the vote. */
export async function editCandidate(deps: AppDeps, actor: Actor, id: string, input: CandidatePatchInput) {
  const updated = await writeTransaction(deps.db, actor, async (tx) => {
    const found = await editable(tx, actor, id);
    const { candidate, regionCode, year } = found;
    const patch = draftColumns(input, year);
    let units = candidate.units;
    let leadUnitId = candidate.leadUnitId;
    if (input.leadUnitId !== undefined && input.leadUnitId !== candidate.leadUnitId) {
      // Handing the work to another unit is the coordinator's call, or that unit's own clerk's.
      if (!mayDraftFor(actor, regionCode, input.leadUnitId))
        throw new DomainError('OUT_OF_SCOPE', { field: 'leadUnitId', message: '只能为本单位谋划候选项目' });
      const unit = await leadUnitOf(tx, regionCode, input.leadUnitId);
      leadUnitId = unit.id;
      units = { ...units, lead: [unit.shortName ?? unit.name] };
    }
    if (input.partnerUnits !== undefined) units = { ...units, partners: cleanNames(input.partnerUnits) };
    if (input.implementerUnits !== undefined)
      units = { ...units, implementers: cleanNames(input.implementerUnits) };
    const row = await updateCandidate(tx, id, { ...patch, units, leadUnitId, updatedAt: deps.now() });
    await linkGroups(tx, deps, row, input.suggestionGroupIds);
    return row;
  });
  return presentCandidate(deps, updated);
}

/** Withdraws a draft; only while the list is a draft, even for the coordinator (the list is on record). */
export async function removeCandidate(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await writeTransaction(deps.db, actor, async (tx) => {
    const found = await editable(tx, actor, id);
    // A department withdraws its own drafts; a row of the official table is the coordinator's.
    if (found.candidate.status !== 'draft' && !mayManageCandidates(actor, found.regionCode))
      throw new DomainError('OUT_OF_SCOPE', { message: '部门只能删除本单位起草的候选项目草稿' });
    if ((await listStateOf(tx, found.candidate.planYearId)) !== 'draft')
      throw new DomainError('CANDIDATE_LIST_IN_REVIEW', {
        message: '候选项目清单已提交会议研究，不能删除候选项目',
      });
    await deleteCandidate(tx, id);
  });
}

export async function getCandidate(deps: AppDeps, actor: Actor, id: string) {
  const found = await findCandidate(deps.db, id);
  if (!found || !mayReadCandidates(actor, found.regionCode)) throw new DomainError('CANDIDATE_NOT_FOUND');
  const state = await listStateOf(deps.db, found.candidate.planYearId);
  return {
    ...(await presentCandidate(deps, found.candidate)),
    region: found.regionCode,
    year: found.year,
    editable: editVerdict(actor, { regionCode: found.regionCode, ...found.candidate }, state) === 'ok',
  };
}

/** The plan year's suggestion groups, for choosing the asks a candidate answers. */
export async function suggestionGroupOptions(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!mayReadCandidates(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const plan = await requirePlanYear(deps.db, regionCode, year);
  return { items: await suggestionGroupsOf(deps.db, plan.id) };
}
