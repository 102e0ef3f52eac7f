import { Button, Card, List } from 'antd';
import { Link } from 'react-router';
import { planYearKey } from '../progress/PlanYearSelect';
import { useProjectOrders } from './supervision.api';
import { DueTag, StageTag } from './tags';
import './supervision.css';

/**
 * 督办 on a project's page: its orders where they stand, each opening in 调度督办, and for the
 * coordinator the way to issue one about this project. Nothing when there is neither.
 */
export function ProjectOrdersCard({
  projectId,
  planYear,
}: {
  projectId: string;
  planYear: { regionCode: string; year: number };
}) {
  const orders = useProjectOrders(projectId);
  const data = orders.data;
  if (!data || (data.items.length === 0 && !data.mayIssue)) return null;
  const plan = planYearKey(planYear);
  return (
    <section className="area-supervision">
      <Card
        size="small"
        title="督办事项"
        className="supervision-project-orders"
        extra={
          data.mayIssue && (
            <Link to={`/supervision?${new URLSearchParams({ plan, issue: projectId })}`}>
              <Button size="small">下达督办</Button>
            </Link>
          )
        }
      >
        <List
          size="small"
          locale={{ emptyText: '该项目没有督办事项' }}
          dataSource={data.items}
          renderItem={(o) => (
            <List.Item key={o.id}>
              <span className="supervision-todo-item">
                <Link to={`/supervision?${new URLSearchParams({ plan, order: o.id })}`}>{o.number}</Link>
                <span className="supervision-todo-unit">{o.unit.name}</span>
                <StageTag order={o} />
                {o.stage !== 'awaiting_review' && <DueTag order={o} />}
              </span>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
