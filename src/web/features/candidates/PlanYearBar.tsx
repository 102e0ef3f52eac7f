import { Alert, Segmented, Tag } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { formatYuanChinese } from '../../../kernel/money';
import { errorMessage } from '../../app/api/form-errors';
import { PlanYearSelect, planYearKey, sortPlanYears, ToolbarField } from '../progress/PlanYearSelect';
import { usePlanYearList } from '../progress/progress.api';
import type { ListState } from './candidates.api';
// The plan-year picker and tags are styled with the progress pages they come from.
import '../progress/progress.css';

const STAGES = [
  { value: '/candidates', label: '部门谋划' },
  { value: '/screening', label: '优化比选' },
  { value: '/review', label: '会议研究' },
];

const STATE_COLORS: Record<ListState, string> = {
  draft: 'blue',
  government_approved: 'orange',
  approved: 'green',
};

/**
 * The plan year the three candidate stages work on, kept in the address (?plan=140521/2024) so the
 * stage tabs and a shared link keep it; the newest plan year by default.
 */
export function usePlanYearParam() {
  const [params, setParams] = useSearchParams();
  const list = usePlanYearList();
  const items = sortPlanYears(list.data?.items ?? []);
  const chosen = params.get('plan') ?? (items[0] ? planYearKey(items[0]) : undefined);
  const [region, yearText] = chosen?.split('/') ?? [];
  const year = yearText ? Number(yearText) : undefined;
  useEffect(() => {
    if (!params.get('plan') && items[0]) setParams({ plan: planYearKey(items[0]) }, { replace: true });
  }, [params, items, setParams]);
  return {
    list,
    key: chosen,
    region,
    year,
    choose: (key: string) => setParams({ plan: key }),
  };
}

export function PlanYearBar({
  plan,
  state,
  stateLabel,
}: {
  plan: ReturnType<typeof usePlanYearParam>;
  state?: ListState;
  stateLabel?: string;
}) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <div className="candidates-toolbar">
      <ToolbarField id="candidates-plan-year" label="年度计划">
        <PlanYearSelect
          id="candidates-plan-year"
          items={plan.list.data?.items}
          loading={plan.list.isPending}
          value={plan.key}
          onChange={plan.choose}
        />
      </ToolbarField>
      <Segmented
        aria-label="候选项目阶段"
        value={pathname}
        options={STAGES}
        onChange={(path) => navigate(`${path}?plan=${plan.key ?? ''}`)}
      />
      {state && (
        <Tag color={STATE_COLORS[state]} className="list-state">
          清单状态：{stateLabel}
        </Tag>
      )}
      {plan.list.error && <Alert type="error" showIcon title={errorMessage(plan.list.error)} />}
    </div>
  );
}

/** "12000000.00" → "1200万元" as documents write it. */
export function yuanText(yuan: string | null): string {
  return yuan === null ? '—' : formatYuanChinese(yuan);
}

/** 万元 as typed ("12.5") → yuan ("125000.00"); null when it is not a amount. */
export function wanToYuan(text: string): string | null {
  const t = text.trim();
  if (!/^\d{1,10}(\.\d{1,6})?$/.test(t)) return null;
  const [whole = '0', fraction = ''] = t.split('.');
  const digits = `${whole}${fraction.padEnd(6, '0')}`.replace(/^0+(?=\d)/, '');
  return `${digits.slice(0, -2) || '0'}.${digits.slice(-2)}`;
}

export function yuanToWan(yuan: string | null): string {
  if (yuan === null) return '';
  const [whole = '0', fraction = '00'] = yuan.split('.');
  const padded = whole.padStart(5, '0');
  return `${padded.slice(0, -4).replace(/^0+(?=\d)/, '')}.${padded.slice(-4)}${fraction}`.replace(
    /\.?0+$/,
    '',
  );
}
