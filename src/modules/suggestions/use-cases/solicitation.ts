import { writeTransaction } from '../../../db/transaction';
import type { Actor } from '../../../kernel/actor';
import { DomainError } from '../../../kernel/errors';
import { type AppDeps, todayInChina } from '../../../server/deps';
import { forgetWindows } from '../intake-limits';
import { mayManageSuggestions, mayReadSuggestions } from '../suggestions.policy';
import { allWindows, requirePlanYear, type WindowRow, windowOf } from '../suggestions.repository';
import { chinaDate, type WindowState, windowDays, windowProblems, windowState } from '../triage.rules';
import { solicitationWindows } from '../triage.tables';

export interface WindowInput {
  opensOn: string;
  closesOn: string;
  notice?: string | null;
}

export interface WindowView {
  opensOn: string;
  closesOn: string;
  days: number;
  notice: string | null;
  state: WindowState;
}

function view(row: WindowRow, today: string): WindowView {
  return {
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    days: windowDays(row.opensOn, row.closesOn),
    notice: row.notice,
    state: windowState(row, today),
  };
}

/** Sets (or moves) the plan year's solicitation window: at least 30 days, both ends included. */
export async function setSolicitationWindow(
  deps: AppDeps,
  actor: Actor | string,
  regionCode: string,
  year: number,
  input: WindowInput,
): Promise<{ region: string; year: number; window: WindowView }> {
  if (typeof actor !== 'string' && !mayManageSuggestions(actor, regionCode))
    throw new DomainError('OUT_OF_SCOPE');
  const problems = windowProblems(input.opensOn, input.closesOn);
  if (problems.length) {
    const first = problems[0]!;
    throw new DomainError(first.code, { field: first.field, message: first.message, details: problems });
  }
  const changed = await writeTransaction(deps.db, actor, async (tx) => {
    const planYear = await requirePlanYear(tx, regionCode, year);
    const values = {
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      notice: input.notice?.trim() || null,
      updatedAt: deps.now(),
    };
    const [row] = await tx
      .insert(solicitationWindows)
      .values({ planYearId: planYear.id, ...values })
      .onConflictDoUpdate({ target: solicitationWindows.planYearId, set: values })
      .returning();
    return { region: regionCode, year, window: view(row!, todayInChina(deps)) };
  });
  forgetWindows(deps.db);
  return changed;
}

/** Opens a window only where the plan year has none yet (the demo seed; later starts keep edits). */
export async function ensureSolicitationWindow(
  deps: AppDeps,
  actor: string,
  regionCode: string,
  year: number,
  input: WindowInput,
): Promise<boolean> {
  const planYear = await requirePlanYear(deps.db, regionCode, year);
  if (await windowOf(deps.db, planYear.id)) return false;
  await setSolicitationWindow(deps, actor, regionCode, year, input);
  return true;
}

export async function solicitationWindow(
  deps: AppDeps,
  actor: Actor,
  regionCode: string,
  year: number,
): Promise<{ region: string; year: number; window: WindowView | null; mayManage: boolean }> {
  if (!mayReadSuggestions(actor, regionCode)) throw new DomainError('OUT_OF_SCOPE');
  const planYear = await requirePlanYear(deps.db, regionCode, year);
  const row = await windowOf(deps.db, planYear.id);
  return {
    region: regionCode,
    year,
    window: row ? view(row, todayInChina(deps)) : null,
    mayManage: mayManageSuggestions(actor, regionCode),
  };
}

export interface PublicSolicitation {
  planYearId: string;
  regionCode: string;
  regionName: string;
  parentName: string | null;
  year: number;
  title: string | null;
  opensOn: string;
  closesOn: string;
  notice: string | null;
  state: WindowState;
}

/** Open windows for the residents' page, and those closed in the last year (to read answers). */
export async function publicSolicitations(
  deps: AppDeps,
): Promise<{ today: string; items: PublicSolicitation[]; recent: PublicSolicitation[] }> {
  const today = todayInChina(deps);
  const yearAgo = chinaDate(new Date(deps.now().getTime() - 400 * 86_400_000));
  const rows = (await allWindows(deps.db)).map((r) => ({ ...r, state: windowState(r, today) }));
  return {
    today,
    items: rows.filter((r) => r.state === 'open'),
    recent: rows.filter((r) => r.state === 'closed' && r.closesOn >= yearAgo).reverse(),
  };
}
