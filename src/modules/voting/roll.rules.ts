/**
 * 代表名单: the roll of deputies as a congress office keeps it in Excel — a header row naming 姓名 and
 * 代表团 (or 所在代表团, 团组…), often under a title row, often with 序号 and other columns that are
 * ignored. Every problem names the row and column as the spreadsheet shows them; a roll with any
 * problem is refused whole.
 */
export interface RollDeputy {
  readonly name: string;
  readonly delegation: string;
  /** 1-based source row, when read from a sheet. */
  readonly row?: number;
}

export interface RollProblem {
  readonly row: number;
  readonly column: number | null;
  readonly message: string;
}

export type RollReading =
  | { readonly ok: true; readonly deputies: RollDeputy[] }
  | { readonly ok: false; readonly problems: RollProblem[] };

const NAME_HEADERS = ['姓名', '代表姓名', '代表'];
const DELEGATION_HEADERS = ['代表团', '所在代表团', '所属代表团', '代表团名称', '团组', '代表团组'];
export const MAX_ROLL = 50_000;
const MAX_TEXT = 60;

function clean(cell: string | undefined): string {
  return (cell ?? '').replace(/[\s\u3000\ufeff]/g, '');
}

export function parseRoll(
  rows: readonly (readonly string[])[],
  where: (row: number) => string = (row) => `第 ${row} 行`,
): RollReading {
  const problems: RollProblem[] = [];
  const headerIndex = rows.findIndex((row) => row.some((cell) => NAME_HEADERS.includes(clean(cell))));
  if (headerIndex < 0) {
    return {
      ok: false,
      problems: [{ row: 1, column: null, message: '没有找到表头：表头须有“姓名”和“代表团”两列' }],
    };
  }
  const header = rows[headerIndex]!.map(clean);
  const headerRow = headerIndex + 1;
  const nameColumn = header.findIndex((cell) => NAME_HEADERS.includes(cell));
  const delegationColumn = header.findIndex((cell) => DELEGATION_HEADERS.includes(cell));
  if (delegationColumn < 0) {
    return {
      ok: false,
      problems: [{ row: headerRow, column: null, message: `第 ${headerRow} 行表头缺少“代表团”列` }],
    };
  }
  const deputies: RollDeputy[] = [];
  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i]!;
    const rowNumber = i + 1;
    if (row.every((cell) => clean(cell) === '')) continue;
    const name = (row[nameColumn] ?? '').trim().replace(/\s+/g, '');
    const delegation = (row[delegationColumn] ?? '').trim();
    if (name === '') {
      problems.push({ row: rowNumber, column: nameColumn + 1, message: `${where(rowNumber)}缺少姓名` });
      continue;
    }
    if (delegation === '') {
      problems.push({
        row: rowNumber,
        column: delegationColumn + 1,
        message: `${where(rowNumber)}（${name}）缺少代表团`,
      });
      continue;
    }
    if (name.length > MAX_TEXT || delegation.length > MAX_TEXT) {
      problems.push({
        row: rowNumber,
        column: name.length > MAX_TEXT ? nameColumn + 1 : delegationColumn + 1,
        message: `${where(rowNumber)}的姓名或代表团超过 ${MAX_TEXT} 字`,
      });
      continue;
    }
    const key = `${delegation}\t${name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        row: rowNumber,
        column: nameColumn + 1,
        message: `${where(rowNumber)}“${delegation} ${name}”与${where(earlier)}重复`,
      });
      continue;
    }
    seen.set(key, rowNumber);
    deputies.push({ name, delegation, row: rowNumber });
  }
  if (problems.length === 0 && deputies.length === 0) {
    problems.push({ row: headerRow, column: null, message: `第 ${headerRow} 行表头下没有代表` });
  }
  if (deputies.length > MAX_ROLL) {
    problems.push({ row: rows.length, column: null, message: `代表名单超过 ${MAX_ROLL} 人` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, deputies };
}

/** The same checks for a roll typed in (JSON): deputies are named by their place in the list. */
export function checkRoll(deputies: readonly { name: string; delegation: string }[]): RollReading {
  return parseRoll(
    [['姓名', '代表团'], ...deputies.map((d) => [d.name, d.delegation])],
    (row) => `第 ${row - 1} 位代表`,
  );
}
