#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx, so `npx minsheng` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run(process.argv);
