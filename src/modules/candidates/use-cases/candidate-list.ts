import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { sumYuan } from '../../../kernel/money';
import { can } from '../../../kernel/policy';
import type { AppDeps } from '../../../server/deps';
import { findPlanYear, planYears } from '../../plans';
import { findRegion } from '../../regions';
import { normalizeUnitName } from '../../units';
import { readTableRows } from '../candidate-table.reader';
import { parseCandidateTable } from '../candidate-table.rules';
import { editVerdict, mayReadCandidates } from '../candidates.policy';
import {
  type CandidateRow,
  candidatesOf,
  lockPlanYear,
  replaceCandidates,
  suggestionLinksOf,
  unitIdsByName,
} from '../candidates.repository';
import { LIST_STATE_LABELS } from '../review.rules';
import { listStateOf, requirePlanYear } from './review';

export interface CandidateImportSummary {
  region: string;
  year: number;
  replaced: boolean;
  candidates: number;
  milestones: number;
  budget: string;
  list: Array<{ seq: number; name: string; budget: string | null; milestones: number; lead: string[] }>;
  /** Imported, but a person must check these cells. */
  needsReview: Array<{ row: number; column: string | null; message: string }>;
}

/**
 * Imports the official candidate table (.xlsx, .csv, .tsv) into a plan year: all or nothing. Rows
 * the reader cannot take refuse the whole file with every problem by row and column; cells it only
 * partly understood are imported and listed for a person to check.
 */
export async function importCandidateTable(
  deps: AppDeps,
  actor: Actor | string,
  input: { regionCode: string; year: number; fileName: string; bytes: Uint8Array },
): Promise<CandidateImportSummary> {
  if (typeof actor !== 'string' && !can(actor, 'plan.manage', { regionCode: input.regionCode })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  let rows: string[][];
  try {
    rows = await readTableRows(input.fileName, input.bytes);
  } catch (error) {
    throw new DomainError('CANDIDATE_TABLE_INVALID', {
      message: `无法读取文件 ${input.fileName}：${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const table = parseCandidateTable(rows, input.year);
  const errors = table.problems.filter((p) => p.severity === 'error');
  if (errors.length || table.candidates.length === 0) {
    const details = errors.length
      ? errors
      : [
          {
            row: 0,
            column: null,
            message: '表中没有找到任何候选项目（请检查表头是否包含“项目名称”）',
            severity: 'error' as const,
          },
        ];
    throw new DomainError('CANDIDATE_TABLE_INVALID', {
      message: `候选项目表有误（${details.length} 处），未导入任何内容：${details[0]!.message}`,
      details,
    });
  }
  return writeTransaction(deps.db, actor, async (tx) => {
    if (!(await findRegion(tx, input.regionCode)))
      throw new DomainError('REGION_NOT_FOUND', { field: 'region' });
    let planYear = await findPlanYear(tx, input.regionCode, input.year);
    const replaced = Boolean(planYear);
    if (planYear) {
      await lockPlanYear(tx, planYear.id);
      if ((await listStateOf(tx, planYear.id)) !== 'draft')
        throw new DomainError('CANDIDATE_LIST_IN_REVIEW', {
          message: '候选项目清单已提交会议研究，不能再整体替换；如需重新导入，须会议退回后进行',
        });
    }
    if (!planYear) {
      [planYear] = await tx
        .insert(planYears)
        .values({
          regionCode: input.regionCode,
          year: input.year,
          stage: 'review',
          periodStart: `${input.year}-01-01`,
          periodEnd: `${input.year}-12-31`,
        })
        .returning();
    }
    const unitIds = await unitIdsByName(tx, input.regionCode);
    await replaceCandidates(
      tx,
      planYear!.id,
      table.candidates.map((c, i) => ({
        seq: c.seq ?? i + 1,
        name: c.name,
        annualTask: c.annualTask,
        planText: c.planText,
        units: {
          lead: [...c.units.lead],
          partners: [...c.units.partners],
          implementers: [...c.units.implementers],
        },
        countyLeaders: [...c.countyLeaders],
        responsibleLeaders: [...c.responsibleLeaders],
        supervisingLeaders: [...c.supervisingLeaders],
        contacts: c.contacts.map((p) => ({ name: p.name, phone: p.phone })),
        budget: c.budgetYuan,
        remarks: c.remarks,
        milestones: c.milestones.map((m) => ({
          due: m.due,
          text: m.text,
          investment: m.plannedInvestmentYuan,
        })),
        needsReview: c.needsReview.map((n) => ({ column: n.column, message: n.reason })),
        status: 'listed',
        // The official table is the list after screening: everything on it is shortlisted.
        shortlisted: true,
        leadUnitId: c.units.lead.length ? (unitIds.get(normalizeUnitName(c.units.lead[0]!)) ?? null) : null,
        sourceRow: c.row,
      })),
    );
    return {
      region: input.regionCode,
      year: input.year,
      replaced,
      candidates: table.candidates.length,
      milestones: table.candidates.reduce((n, c) => n + c.milestones.length, 0),
      budget: sumYuan(table.candidates.flatMap((c) => (c.budgetYuan ? [c.budgetYuan] : []))),
      list: table.candidates.map((c, i) => ({
        seq: c.seq ?? i + 1,
        name: c.name,
        budget: c.budgetYuan,
        milestones: c.milestones.length,
        lead: [...c.units.lead],
      })),
      needsReview: table.problems
        .filter((p) => p.severity === 'review')
        .map(({ row, column, message }) => ({ row, column, message })),
    };
  });
}

export async function listCandidates(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
): Promise<CandidateRow[]> {
  if (typeof actor !== 'string' && !can(actor, 'plan.read', { regionCode }))
    throw new DomainError('OUT_OF_SCOPE');
  const planYear = await findPlanYear(deps.db, regionCode, year);
  if (!planYear)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  return candidatesOf(deps.db, planYear.id);
}

/** The list as the console shows it: the candidates with their suggestions and what the user may do. */
export async function candidateListView(deps: AppDeps, actor: Actor, regionCode: string, year: number) {
  if (!mayReadCandidates(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const plan = await requirePlanYear(deps.db, regionCode, year);
  const [rows, state] = [await candidatesOf(deps.db, plan.id), await listStateOf(deps.db, plan.id)];
  const links = await suggestionLinksOf(
    deps.db,
    rows.map((c) => c.id),
  );
  return {
    state,
    stateLabel: LIST_STATE_LABELS[state],
    items: rows.map((c) => ({
      ...c,
      suggestionGroups: links.get(c.id) ?? [],
      editable: editVerdict(actor, { regionCode, ...c }, state) === 'ok',
    })),
  };
}

/** What an export holds: the list that goes to the vote (the shortlist, 入围), or every candidate drafted. */
export type ExportScope = 'list' | 'all';

/** A candidate as an export lists it, with the number its 序号 column shows. */
export type ExportedCandidate = CandidateRow & { no: number };

/**
 * The candidates of an export, in 序号 order, with the title the documents carry. The list that goes
 * to the meetings and to the vote is the shortlist — the same list the vote takes once both meetings
 * approved it (approvedCandidateList); before anything is shortlisted there is no such list, and
 * saying so is better than an empty appendix. An official list is numbered 1..N (`no`): the draft's
 * 序号 has gaps where candidates were screened out. Every drafted candidate (scope all) is the
 * draft itself, numbered as the console numbers it.
 */
export async function candidatesToExport(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
  scope: ExportScope = 'list',
) {
  const all = await listCandidates(deps, actor, regionCode, year);
  const rows: ExportedCandidate[] =
    scope === 'all'
      ? all.map((c) => ({ ...c, no: c.seq }))
      : all.filter((c) => c.shortlisted).map((c, i) => ({ ...c, no: i + 1 }));
  if (scope === 'list' && rows.length === 0) {
    throw new DomainError('CANDIDATE_LIST_EMPTY', {
      field: 'scope',
      message: `候选项目清单中还没有入围项目（共 ${all.length} 个谋划项目），没有可提交票决的清单；如需导出全部谋划项目，请选择“全部”（scope=all）`,
    });
  }
  const plan = (await findPlanYear(deps.db, regionCode, year))!;
  const state = await listStateOf(deps.db, plan.id);
  const region = await findRegion(deps.db, regionCode);
  const title = `${region?.name ?? ''}${year}年民生实事${scope === 'all' ? '谋划项目' : '候选项目'}清单`;
  return { title, scope, state, stateLabel: LIST_STATE_LABELS[state], rows };
}

/** The list as the official table (.xlsx) or the printed appendix (.docx). */
export async function exportCandidateList(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
  format: 'xlsx' | 'docx',
  scope: ExportScope = 'list',
) {
  const { title, rows } = await candidatesToExport(deps, actor, regionCode, year, scope);
  const fileName = `${title}.${format}`;
  // Loaded on first use: docx and exceljs would otherwise sit in the server's memory from the start.
  const { candidateListDocx, candidateListXlsx } = await import('../candidate-list-files');
  return format === 'xlsx'
    ? {
        body: await candidateListXlsx(title, rows),
        fileName,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }
    : {
        body: await candidateListDocx(title, rows),
        fileName,
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      };
}
