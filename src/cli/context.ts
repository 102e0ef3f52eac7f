import { type Database, openDatabase } from '../db/client';
import { configFromEnv } from '../server/config';
import { type AppDeps, createDeps } from '../server/deps';

/** Opens the database named by DATABASE_URL (or the embedded one), migrated, for one command. */
export async function withDeps<T>(work: (deps: AppDeps, database: Database) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    return await work(createDeps(database, config), database);
  } finally {
    await database.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
