import { Alert, Card, Col, Empty, Grid, Row, Skeleton, Tag } from 'antd';
import { errorMessage } from '../../app/api/form-errors';
import { useCan, useSession } from '../../app/auth/session';
import { PageHeading } from '../../components/PageHeading';
import { todayIso } from '../progress/format';
import { useApprovals } from '../progress/progress.api';
import { ReportingTodoCard } from '../progress/ReportingTodoCard';
import { useReportingTodo } from '../progress/reporting-todo.api';
import { useOrdersAwaitingMe } from '../supervision/supervision.api';
import { SupervisionTodoCard } from '../supervision/TodoCard';
import { PlanYearCard } from './PlanYearCard';
import { usePlanYears } from './plan-years.api';
import './dashboard.css';

export function DashboardPage() {
  const session = useSession();
  const can = useCan();
  // 督办待办: what waits on this user (staff only; a deputy or a superior owes no step).
  const todo = useOrdersAwaitingMe(can('record.read')).data?.items ?? [];
  // 填报待办: the monthly reports a department owes, and the reports waiting for this approver.
  const reportingTodo = useReportingTodo(can('record.write')).data;
  const reporting = reportingTodo?.items ?? [];
  const awaitingApproval = useApprovals(can('record.approve')).data?.items.length ?? 0;
  const planYears = usePlanYears();
  const screens = Grid.useBreakpoint();
  const compact = screens.lg === false;

  return (
    <>
      <PageHeading
        title="工作台"
        description={`您好，${session.user.displayName}。以下是您的管辖范围和年度计划进度。`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title="我的角色与管辖范围" size="small">
            {session.grants.length === 0 ? (
              <Empty description="您的账号尚未分配角色，请联系管理员" />
            ) : (
              <ul className="scope-list">
                {session.grants.map((g) => (
                  <li key={`${g.role}-${g.regionCode}-${g.unitId ?? ''}`}>
                    <Tag color="blue">{g.roleLabel}</Tag>
                    <span>{g.regionName ?? g.regionCode}</span>
                    {g.unitName && <span className="scope-unit">{g.unitName}</span>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        {(reporting.length > 0 || awaitingApproval > 0) && (
          <Col xs={24}>
            <ReportingTodoCard
              items={reporting}
              today={reportingTodo?.today ?? todayIso()}
              awaitingApproval={awaitingApproval}
            />
          </Col>
        )}
        {todo.length > 0 && (
          <Col xs={24}>
            <SupervisionTodoCard items={todo} />
          </Col>
        )}
        <Col xs={24}>
          <Card title="年度民生实事计划" size="small">
            {planYears.isPending && <Skeleton active />}
            {planYears.error && <Alert type="error" showIcon title={errorMessage(planYears.error)} />}
            {planYears.data && planYears.data.items.length === 0 && (
              <Empty description="管辖范围内还没有开启年度计划" />
            )}
            {planYears.data && planYears.data.items.length > 0 && (
              <div className="plan-year-list">
                {planYears.data.items.map((plan) => (
                  <PlanYearCard key={plan.id} plan={plan} compact={compact} />
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
