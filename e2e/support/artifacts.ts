import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './server';

/** Numbered screenshots of a journey under test-artifacts/e2e/<journey>/, for a person to look at. */
export function screenshotter(journey: string) {
  const dir = join(REPO_ROOT, 'test-artifacts', 'e2e', journey);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page: Page, step: string): Promise<string> => {
    n += 1;
    const path = join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}
