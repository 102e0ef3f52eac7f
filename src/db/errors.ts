/** PostgreSQL error codes the application answers in its own words (drizzle wraps the driver's error). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return sqlStateOf(error) === '23503';
}
