import { readFileSync } from 'node:fs';
import type { Database, Db, DbKind } from '../db/client';
import { chinaDate } from '../kernel/date-window';
import { SessionStore } from '../modules/identity/session-store';
import type { AppConfig } from './config';

/** What every route and use case may use; built once per process. */
export interface AppDeps {
  db: Db;
  dbKind: DbKind;
  /** The embedded database's folder on disk (absent in memory and on PostgreSQL). */
  dataDir?: string;
  config: AppConfig;
  sessions: SessionStore;
  now: () => Date;
  version: string;
}

/**
 * Today's date in China at the deps' clock. A function of `now`, not a field beside it: tests and the
 * demo seed move the clock with `{ ...deps, now }`, and a stored date would stay behind.
 */
export const todayInChina = (deps: Pick<AppDeps, 'now'>): string => chinaDate(deps.now());

export const VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

export function createDeps(
  database: Database,
  config: AppConfig,
  now: () => Date = () => new Date(),
): AppDeps {
  const sessions = new SessionStore(database.db, {
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    now,
  });
  return {
    db: database.db,
    dbKind: database.kind,
    dataDir: database.dataDir,
    config,
    sessions,
    now,
    version: VERSION,
  };
}
