import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../modules/progress/plan-format.schema';
import { rollUpIndicator } from '../../modules/progress/rollup.rules';
import { DEMO_TEXT_PREFIX } from './demo-series';
import { splitDemoPlans } from './split-demo';

describe('the 任务分解 demo (山西省 and 晋城市 2023)', () => {
  const [shanxi, jincheng] = splitDemoPlans();

  it('is two valid plan documents whose targets are split, summing to the plan’s own', () => {
    for (const demo of [shanxi!, jincheng!]) {
      const parsed = parsePlanDocument(demo.document);
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      if (!parsed.ok) continue;
      for (const project of parsed.plan.projects) {
        expect(project.allocations.length).toBeGreaterThan(0);
        for (const indicator of project.indicators) {
          if (indicator.kind === 'percent' || !('target' in indicator)) continue;
          const split = project.allocations.filter((a) => a.indicator === indicator.ref);
          const summed = rollUpIndicator(
            indicator.kind,
            split.map((a) => ({ region: a.region, target: a.target ?? null, value: null })),
          ).target;
          expect(summed, `${project.ref} ${indicator.ref}`).toEqual(indicator.target);
        }
      }
    }
  });

  it('labels every simulated report, the plan’s own and its sub-regions’', () => {
    const own = [shanxi!, jincheng!].flatMap((d) =>
      (d.document.projects as { reports: { text: string }[] }[]).flatMap((p) => p.reports.map((r) => r.text)),
    );
    const children = [shanxi!, jincheng!].flatMap((d) => d.subRegionReports.map((r) => r.text ?? ''));
    expect(own.length).toBe(40);
    for (const text of [...own, ...children]) expect(text.startsWith(DEMO_TEXT_PREFIX)).toBe(true);
  });

  it('has cities and counties reporting monthly, 吕梁市 stopping in September and 陵川县 never', () => {
    const months = (regions: string[], project: string, demo = shanxi!) =>
      regions.map(
        (region) => demo.subRegionReports.filter((r) => r.project === project && r.region === region).length,
      );
    expect(months(['140100', '140500', '141100'], 'P01')).toEqual([10, 10, 9]);
    expect(months(['140521', '140524', '140829'], 'P02')).toEqual([10, 0, 10]);
    expect(months(['140502', '140524'], 'P01', jincheng!)).toEqual([10, 10]);
    expect(months(['140521', '140524'], 'P02', jincheng!)).toEqual([10, 0]);
  });

  it('carries the same county figures up to the province and to 晋城市', () => {
    const qinshui = (demo: typeof shanxi) =>
      demo!.subRegionReports.filter((r) => r.project === 'P02' && r.region === '140521').map((r) => r.values);
    expect(qinshui(jincheng)).toEqual(qinshui(shanxi));
  });
});
