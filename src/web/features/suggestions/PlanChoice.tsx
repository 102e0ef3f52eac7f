import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { usePlanYears } from '../dashboard/plan-years.api';

/**
 * The plan year the suggestions pages show, kept in `?plan=region/year` so a link opens the same
 * board. Without one: a plan year collecting or triaging suggestions, else the newest.
 */
export function usePlanChoice() {
  const [params, setParams] = useSearchParams();
  const planYears = usePlanYears();
  const items = [...(planYears.data?.items ?? [])].sort(
    (a, b) => b.year - a.year || a.regionCode.localeCompare(b.regionCode),
  );
  const keyOf = (p: { regionCode: string; year: number }) => `${p.regionCode}/${p.year}`;
  const fallback = items.find((p) => p.stage === 'solicit' || p.stage === 'triage') ?? items[0];
  const plan = params.get('plan') ?? (fallback ? keyOf(fallback) : undefined);
  const current = items.find((p) => keyOf(p) === plan);
  const select = (
    <Select
      aria-label="年度计划"
      className="suggest-plan-select"
      value={plan}
      loading={planYears.isPending}
      placeholder="选择年度计划"
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(value: string) => setParams({ plan: value })}
      options={items.map((p) => ({
        value: keyOf(p),
        label: `${p.regionName ?? p.regionCode} ${p.year}年 · ${p.stageLabel}`,
      }))}
    />
  );
  return { plan, current, select, error: planYears.error };
}
