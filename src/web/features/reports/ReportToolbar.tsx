import { Card, Empty, Tag } from 'antd';
import type { ReactNode } from 'react';
import { PlanYearSelect, ToolbarField } from '../progress/PlanYearSelect';
import type { usePlanYearList } from '../progress/progress.api';

/**
 * The toolbar of a generated document's page (通报, 年终报告): the plan year to pick, the page's own
 * fields and actions, the 演示数据 tag, and a plain word when the user has no plan year at all.
 */
export function ReportToolbar(props: {
  planYears: ReturnType<typeof usePlanYearList>;
  value?: string;
  demo?: boolean;
  onChange: (key: string) => void;
  children?: ReactNode;
}) {
  const { planYears } = props;
  return (
    <>
      <Card size="small" className="toolbar-card">
        <div className="toolbar">
          <ToolbarField id="plan-year" label="年度计划">
            <PlanYearSelect
              id="plan-year"
              items={planYears.data?.items}
              loading={planYears.isPending}
              value={props.value}
              onChange={props.onChange}
            />
          </ToolbarField>
          {props.children}
        </div>
        {props.demo && (
          <Tag color="gold" className="demo-tag">
            演示数据
          </Tag>
        )}
      </Card>
      {planYears.data && planYears.data.items.length === 0 && (
        <Card>
          <Empty description="管辖范围内还没有年度计划" />
        </Card>
      )}
    </>
  );
}
