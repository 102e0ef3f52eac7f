// Builds the web app when dist/web is missing or older than any file it is built from (src/web, the
// shared kernel, and the pure rules and schemas the web app imports from the modules), so that
// `npm start` after a fresh install builds once and later starts go straight to serving.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');

function newest(dir, wanted = () => true) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path, wanted));
    else if (wanted(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

const sharedByTheWeb = (name) => /\.(rules|schemas)\.ts$/.test(name) && !name.endsWith('.test.ts');
const sourceTime = Math.max(
  newest(join(root, 'src/web')),
  newest(join(root, 'src/kernel')),
  newest(join(root, 'src/modules'), sharedByTheWeb),
  statSync(join(root, 'vite.config.ts')).mtimeMs,
);
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

console.log('正在构建网页端（首次启动或代码有更新）…');
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
