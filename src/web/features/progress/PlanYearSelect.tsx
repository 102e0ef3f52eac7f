import { Select } from 'antd';
import type { ReactNode } from 'react';
import type { PlanYearItem } from './progress.api';

export const planYearKey = (p: { regionCode: string; year: number }) => `${p.regionCode}/${p.year}`;

export function planYearLabel(p: PlanYearItem): string {
  return `${p.regionName ?? p.regionCode} ${p.year}年`;
}

/** Newest year first, then by region code (a province before its cities). */
export function sortPlanYears(items: readonly PlanYearItem[]): PlanYearItem[] {
  return [...items].sort((a, b) => b.year - a.year || a.regionCode.localeCompare(b.regionCode));
}

/** Switches between the plan years in the user's scope. */
export function PlanYearSelect({
  items,
  value,
  onChange,
  loading,
  id,
}: {
  items: readonly PlanYearItem[] | undefined;
  value: string | undefined;
  onChange: (key: string) => void;
  loading?: boolean;
  id?: string;
}) {
  return (
    <Select
      id={id}
      aria-label="年度计划"
      className="plan-year-select"
      value={value}
      loading={loading}
      onChange={onChange}
      placeholder="选择年度计划"
      showSearch={{ optionFilterProp: 'label' }}
      options={sortPlanYears(items ?? []).map((p) => ({
        value: planYearKey(p),
        label: `${planYearLabel(p)}${p.demo ? '（演示数据）' : ''}`,
      }))}
    />
  );
}

/** A labelled control of a page's toolbar (plan year, date). */
export function ToolbarField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
