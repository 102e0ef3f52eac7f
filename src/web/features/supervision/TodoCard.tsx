import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import { planYearKey } from '../progress/PlanYearSelect';
import type { Order } from './supervision.api';
import { DueTag, StageTag } from './tags';
import './supervision.css';

/** 督办待办 on the workbench: what waits on this user, the most overdue first. */
export function SupervisionTodoCard({ items }: { items: Order[] }) {
  return (
    <Card size="small" title={`督办待办（${items.length} 件）`} className="supervision-todo">
      <List
        size="small"
        dataSource={items.slice(0, 20)}
        renderItem={(o) => (
          <List.Item key={o.id}>
            <span className="supervision-todo-item">
              <Link to={`/supervision?${new URLSearchParams({ plan: planYearKey(o), order: o.id })}`}>
                {o.number} {o.project.name}
              </Link>
              <span className="supervision-todo-unit">{o.unit.name}</span>
              <StageTag order={o} />
              {o.dueOn && <DueTag order={o} />}
            </span>
          </List.Item>
        )}
      />
      {items.length > 20 && (
        <Link to="/supervision">
          <Tag>还有 {items.length - 20} 件，到调度督办查看</Tag>
        </Link>
      )}
    </Card>
  );
}
