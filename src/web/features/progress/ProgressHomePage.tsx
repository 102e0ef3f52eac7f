import { RightOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Skeleton, Tag } from 'antd';
import { Link, Navigate } from 'react-router';
import { errorMessage } from '../../app/api/form-errors';
import { PageHeading } from '../../components/PageHeading';
import { planYearKey, planYearLabel, sortPlanYears } from './PlanYearSelect';
import { usePlanYearList } from './progress.api';
import './progress.css';

/** 项目进度: pick a plan year (straight to it when there is only one). */
export function ProgressHomePage() {
  const planYears = usePlanYearList();
  const items = sortPlanYears(planYears.data?.items ?? []);
  if (items.length === 1) return <Navigate to={`/progress/${planYearKey(items[0]!)}`} replace />;
  return (
    <>
      <PageHeading
        title="项目进度"
        description="选择年度计划，查看各项目对照序时进度和推进计划的进展、亮灯和报送情况。"
      />
      {planYears.error && <Alert type="error" showIcon title={errorMessage(planYears.error)} />}
      {planYears.isPending && <Skeleton active />}
      {planYears.data && items.length === 0 && (
        <Card>
          <Empty description="管辖范围内还没有年度计划" />
        </Card>
      )}
      <nav className="plan-year-grid" aria-label="年度计划">
        {items.map((p) => (
          <Link key={p.id} to={`/progress/${planYearKey(p)}`} className="plan-year-link">
            <Card size="small" hoverable>
              <div className="plan-year-link-head">
                <strong>{planYearLabel(p)}</strong>
                <RightOutlined aria-hidden />
              </div>
              <div className="plan-year-link-title">{p.title ?? '年度民生实事'}</div>
              <div className="tag-row">
                <Tag color={p.stage === 'closed' ? 'default' : 'blue'}>{p.stageLabel}</Tag>
                {p.demo && <Tag color="gold">演示数据</Tag>}
              </div>
            </Card>
          </Link>
        ))}
      </nav>
    </>
  );
}
