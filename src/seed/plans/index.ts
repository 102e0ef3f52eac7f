import { readFileSync } from 'node:fs';

/**
 * Plan documents (`minsheng.plan/v1`) that `npm start` can load for a demo. Real files hold only
 * figures from the seeds; `.demo.plan.json` files add simulated monthly reports, each text starting
 * 【演示数据】 (see demo-series.ts).
 *
 * jilin-2023.plan.json and jilin-2023.demo.plan.json are the same region and year (importing one
 * replaces the other): load the real one, or the demo one when simulated progress is wanted.
 */
export interface DemoPlanFile {
  file: string;
  /** True for `.demo.plan.json`: the reports are simulated. */
  demo: boolean;
  regionCode: string;
  year: number;
  /** Loaded by `npm start`'s demo data (of two files for one plan year, only one is). */
  startup: boolean;
  /** The stage of the yearly cycle the plan year is in. */
  stage: 'implement' | 'closed';
}

export const DEMO_PLAN_FILES: DemoPlanFile[] = [
  {
    file: 'henan-2023.plan.json',
    demo: false,
    regionCode: '410000',
    year: 2023,
    startup: true,
    stage: 'closed',
  },
  {
    file: 'jilin-2023.plan.json',
    demo: false,
    regionCode: '220000',
    year: 2023,
    startup: false,
    stage: 'implement',
  },
  {
    file: 'jilin-2023.demo.plan.json',
    demo: true,
    regionCode: '220000',
    year: 2023,
    startup: true,
    stage: 'implement',
  },
  {
    file: 'qinshui-2022.plan.json',
    demo: false,
    regionCode: '140521',
    year: 2022,
    startup: true,
    stage: 'closed',
  },
  {
    file: 'qinshui-2023.demo.plan.json',
    demo: true,
    regionCode: '140521',
    year: 2023,
    startup: true,
    stage: 'implement',
  },
];

/** The parsed JSON of one of DEMO_PLAN_FILES (check it with parsePlanDocument). */
export function loadDemoPlan(file: string): unknown {
  if (!DEMO_PLAN_FILES.some((f) => f.file === file)) throw new Error(`not a demo plan file: ${file}`);
  return JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));
}
