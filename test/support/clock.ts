import type { Database } from '../../src/db/client';
import { configFromEnv } from '../../src/server/config';
import { type AppDeps, createDeps } from '../../src/server/deps';

/** Deps whose clock reads `instant` (UTC; China is 8 hours ahead). */
export const depsAt = (database: Database, instant: string): AppDeps =>
  createDeps(database, configFromEnv({}), () => new Date(instant));
