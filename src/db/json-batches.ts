import { type AnyColumn, getTableColumns, getTableName, is, type SQL, sql } from 'drizzle-orm';
import { PgJson, PgJsonb, type PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Large batches travel as one JSON parameter that the database unpacks, instead of thousands of bound
 * parameters that drizzle builds and PGlite sends and parses one by one: on PGlite a batch of 2,000 rows
 * costs a third of drizzle's multi-row INSERT, and a 2,000-value IN list a quarter.
 */

/**
 * `column in (…values)`, the values as one JSON array parameter, however many there are. Written as
 * `= any(array(…))` so the planner reads the list once and looks each value up in the column's index; as
 * `in (select …)` it may hash the list and scan the whole table.
 */
export function inJsonList(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)))`;
}

/**
 * Inserts many rows (a drain of public suggestions, a batch of ballots) as one JSON parameter that the
 * database unpacks with jsonb_to_recordset.
 *
 * Every row must give the same columns; a column left out takes its default for every row.
 */
export async function insertJsonRows<T extends PgTable>(
  ex: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((key) => first[key as keyof typeof first] !== undefined);
  const picked = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertJsonRows: ${getTableName(table)} has no column ${key}`);
    return { key, column, asIs: is(column, PgJsonb) || is(column, PgJson) };
  });
  const records = rows.map((row) => {
    const given = row as Record<string, unknown>;
    if (Object.keys(given).filter((key) => given[key] !== undefined).length !== keys.length)
      throw new Error(`insertJsonRows: every row of ${getTableName(table)} must give the same columns`);
    const record: Record<string, unknown> = {};
    for (const { key, column, asIs } of picked) {
      if (!(key in given)) throw new Error(`insertJsonRows: a row of ${getTableName(table)} lacks ${key}`);
      const value = given[key];
      record[column.name] = value === null || asIs ? value : toJsonValue(column.mapToDriverValue(value));
    }
    return record;
  });
  const names = sql.raw(picked.map(({ column }) => `"${column.name}"`).join(', '));
  const shape = sql.raw(picked.map(({ column }) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  await ex.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${shape})`,
  );
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
