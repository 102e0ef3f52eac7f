import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { can } from '../../../kernel/policy';
import { regionPrefix } from '../../../kernel/regions';
import type { AppDeps } from '../../../server/deps';
import { readTableRows } from '../../candidates/candidate-table.reader';
import { findPlanYear, planYears } from '../../plans';
import { findRegion } from '../../regions';
import { units } from '../../units';
import { groupSuggestions } from '../grouping.rules';
import { suggestField, suggestUnitName } from '../routing.rules';
import { readSuggestionSheet, trackingCode } from '../suggestion-sheet.rules';
import { suggestions } from '../suggestions.tables';

export interface SuggestionImportSummary {
  region: string;
  year: number;
  rows: number;
  added: number;
  updated: number;
}

/**
 * Imports suggestions from another channel's sheet (.xlsx, .csv, .tsv): all or nothing. 编号 is kept
 * as each suggestion's external ref, so importing the same sheet again updates rather than doubles.
 */
export async function importSuggestionSheet(
  deps: AppDeps,
  actor: Actor | string,
  input: { regionCode: string; year: number; fileName: string; bytes: Uint8Array },
  onProgress?: (done: number, total: number) => void,
): Promise<SuggestionImportSummary> {
  if (typeof actor !== 'string' && !can(actor, 'plan.manage', { regionCode: input.regionCode })) {
    throw new DomainError('OUT_OF_SCOPE');
  }
  let rows: string[][];
  try {
    rows = await readTableRows(input.fileName, input.bytes);
  } catch (error) {
    throw new DomainError('SUGGESTION_TABLE_INVALID', {
      message: `无法读取文件 ${input.fileName}：${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const sheet = readSuggestionSheet(rows);
  if (sheet.problems.length) {
    throw new DomainError('SUGGESTION_TABLE_INVALID', {
      message: `建议表有误（${sheet.problems.length} 处），未导入任何内容：${sheet.problems[0]!.message}`,
      details: sheet.problems,
    });
  }
  return writeTransaction(deps.db, actor, async (tx) => {
    if (!(await findRegion(tx, input.regionCode)))
      throw new DomainError('REGION_NOT_FOUND', { field: 'region' });
    let planYear = await findPlanYear(tx, input.regionCode, input.year);
    if (!planYear) {
      [planYear] = await tx
        .insert(planYears)
        .values({
          regionCode: input.regionCode,
          year: input.year,
          stage: 'solicit',
          periodStart: `${input.year}-01-01`,
          periodEnd: `${input.year}-12-31`,
        })
        .returning();
    }
    const existing = new Map(
      (
        await tx
          .select({ id: suggestions.id, ref: suggestions.externalRef })
          .from(suggestions)
          .where(eq(suggestions.planYearId, planYear!.id))
      ).map((r) => [r.ref, r.id]),
    );
    let added = 0;
    let updated = 0;
    for (const [i, s] of sheet.suggestions.entries()) {
      const fields = {
        channel: s.channel,
        text: s.text,
        submittedAt: s.submittedAt ? new Date(s.submittedAt) : null,
        regionCode: input.regionCode,
      };
      const id = existing.get(s.ref);
      if (id) {
        await tx.update(suggestions).set(fields).where(eq(suggestions.id, id));
        updated++;
      } else {
        await tx.insert(suggestions).values({
          ...fields,
          planYearId: planYear!.id,
          externalRef: s.ref,
          trackingCode: trackingCode(randomBytes(8)),
        });
        added++;
      }
      if (onProgress && (i % 200 === 0 || i === sheet.suggestions.length - 1))
        onProgress(i + 1, sheet.suggestions.length);
    }
    return { region: input.regionCode, year: input.year, rows: sheet.suggestions.length, added, updated };
  });
}

export interface SuggestionGroupView {
  id: string;
  label: string;
  field: string | null;
  unit: string | null;
  members: string[];
}

/**
 * The plan year's suggestions grouped by near-duplicate wording, each group with a first guess at
 * its field and the unit to answer it. Every suggestion is in exactly one group.
 */
export async function suggestionGroups(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
): Promise<SuggestionGroupView[]> {
  if (typeof actor !== 'string' && !can(actor, 'plan.read', { regionCode }))
    throw new DomainError('OUT_OF_SCOPE');
  const planYear = await findPlanYear(deps.db, regionCode, year);
  if (!planYear)
    throw new DomainError('PLAN_YEAR_NOT_FOUND', { message: `没有 ${regionCode} ${year} 年度的计划` });
  const rows = await deps.db
    .select({ id: suggestions.id, ref: suggestions.externalRef, text: suggestions.text })
    .from(suggestions)
    .where(eq(suggestions.planYearId, planYear.id))
    .orderBy(asc(suggestions.createdAt));
  const regionUnits = (
    await deps.db
      .select({ name: units.name, shortName: units.shortName, regionCode: units.regionCode })
      .from(units)
  ).filter((u) => u.regionCode.startsWith(regionPrefix(regionCode)));
  const textOf = new Map(rows.map((r) => [r.ref ?? r.id, r.text]));
  return groupSuggestions(rows.map((r) => ({ ref: r.ref ?? r.id, text: r.text }))).map((g) => {
    const text = textOf.get(g.representative) ?? g.members.map((m) => textOf.get(m)).join('。');
    return {
      id: g.id,
      label: g.label,
      field: suggestField(text)?.field ?? null,
      unit: suggestUnitName(text, regionUnits),
      members: g.members,
    };
  });
}
